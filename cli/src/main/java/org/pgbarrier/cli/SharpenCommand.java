package org.pgbarrier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pgbarrier.experiment.MemoryEstimate;
import org.pgbarrier.experiment.sharpen.SharpenSweep;
import org.pgbarrier.support.Regime;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pgbarrier sharpen}: a best-of-N sweep on a generated instance and the regime map of its
 * base model ({@link SharpenSweep}), written as figures and data ({@link SharpenOutputs}), with a
 * summary table on standard output.
 */
@Command(
    name = "sharpen",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Best-of-N sharpening (arXiv 2412.01951) on a generated G1 tabular instance: P(BoN = y*)"
          + " against N, the exact law (BestOfN.law) and Monte Carlo runs of best-of-N with"
          + " Clopper-Pearson intervals; and the regime map of the base model's per-context"
          + " pi_base(y*|x) against the accessible-support thresholds tau(B, q) = 1 - (1-q)^(1/B)"
          + " (basin, tail, barrier, singular; arXiv 2605.08368, operational definition"
          + " RECONSTRUCTED).",
      "Writes sharpen.json, bon_sweep.csv, regime_map.csv, bon_sweep.png/.svg and"
          + " regime_map.png/.svg into --out, then the completion marker sharpen.complete; a"
          + " rerun replaces the previous sweep whole. The same options give the same bytes.",
      "Exit codes: 0 ok, 2 bad arguments, 1 runtime failure."
    })
final class SharpenCommand implements Callable<Integer> {
  /** Largest {@code k^length}: every context's law is enumerated for the exact law. */
  static final long MAX_RESPONSES = 100_000;

  /** Largest total of enumerated responses over all contexts. */
  static final long MAX_ENUMERATED = 5_000_000;

  /** Largest N of the grid and largest number of Monte Carlo runs per N. */
  static final int MAX_N = 1_000_000;

  @Spec private CommandSpec spec;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
      description = "master seed (default: ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = {"-k", "--vocabulary"}, defaultValue = "8", paramLabel = "N",
      description = "vocabulary size k (default: ${DEFAULT-VALUE})")
  private int k;

  @Option(names = "--length", defaultValue = "4", paramLabel = "N",
      description = "response length of the model, in tokens (default: ${DEFAULT-VALUE})")
  private int length;

  @Option(names = "--contexts", defaultValue = "50", paramLabel = "N",
      description = "number of contexts, drawn uniformly (default: ${DEFAULT-VALUE})")
  private int contexts;

  @Option(names = "--base-min", defaultValue = "0.13", paramLabel = "P",
      description = "smallest base token likelihood of y*; must exceed 1/k so that y* is the"
          + " argmax of pi_base (default: ${DEFAULT-VALUE})")
  private double baseMin;

  @Option(names = "--base-max", defaultValue = "0.99", paramLabel = "P",
      description = "largest base token likelihood of y*; token likelihoods are log-uniform in"
          + " [base-min, base-max] (default: ${DEFAULT-VALUE})")
  private double baseMax;

  @Option(names = {"-n", "--n"}, split = ",", paramLabel = "N",
      defaultValue = "1,2,5,10,20,50,100,200,500,1000,2000",
      description = "the best-of-N grid, comma-separated (default: ${DEFAULT-VALUE})")
  private int[] grid;

  @Option(names = "--samples", defaultValue = "1000", paramLabel = "N",
      description = "Monte Carlo runs of best-of-N per grid value (default: ${DEFAULT-VALUE})")
  private int samples;

  @Option(names = "--budget", defaultValue = "10", paramLabel = "N",
      description = "base sampling budget B of the regime map (default: ${DEFAULT-VALUE})")
  private double budget;

  @Option(names = "--max-budget", defaultValue = "300", paramLabel = "N",
      description = "maximal practical budget B_max > B (default: ${DEFAULT-VALUE})")
  private double maxBudget;

  @Option(names = "--confidence", defaultValue = "0.6321205588285577", paramLabel = "P",
      description = "pass@B confidence q of the thresholds; 1 - 1/e makes tau(B, q) about 1/B"
          + " (default: ${DEFAULT-VALUE})")
  private double confidence;

  @Option(names = "--level", defaultValue = "0.95", paramLabel = "P",
      description = "level of the Clopper-Pearson intervals (default: ${DEFAULT-VALUE})")
  private double level;

  @Option(names = {"-o", "--out"}, defaultValue = "outputs/sharpen", paramLabel = "DIR",
      description = "output directory, created with its missing parents when the results are"
          + " ready; a rerun replaces the previous sweep whole (default: ${DEFAULT-VALUE})")
  private String out;

  @Mixin private WorkerOptions workers;

  @Option(names = "--allow-long", description = "run even when the work estimate (samples x"
      + " sum of the grid x length x k, plus contexts x curve points x k^length) exceeds 1e12")
  private boolean allowLong;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    int threads = workers.threads();
    SharpenSweep.Settings settings = settings();
    OutputDirectory dir = OutputDirectory.prepare("--out", out);
    checkOutput(dir);
    SharpenSweep.Result result;
    try (ProgressDisplay progress = workers.progress(spec.commandLine().getErr())) {
      result = Threads.inPool(threads, () -> SharpenSweep.run(settings, progress));
    }
    List<Path> files = dir.publish("--out", NAME,
        stage -> SharpenOutputs.write(result, stage), shared -> List.of());
    PrintWriter stdout = spec.commandLine().getOut();
    summary(stdout, result);
    stdout.println("wrote " + files.stream().map(f -> f.getFileName().toString())
        .collect(Collectors.joining(", ")) + " to " + dir.path() + String.format(Locale.ROOT,
            " in %.1f s", (System.nanoTime() - start) / 1e9));
    stdout.flush();
    return ExitCode.OK;
  }

  /** The run's name: its artifact is {@code sharpen.json}, its marker {@code sharpen.complete}. */
  static final String NAME = "sharpen";

  /**
   * Refuses, before the sweep, a file name of the sweep taken by a directory or another
   * non-regular file in the output directory.
   */
  private static void checkOutput(OutputDirectory dir) {
    for (String file : SharpenOutputs.FILES) {
      Path path = dir.path().resolve(file);
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException("--out " + dir.path() + ": " + file + " is not a regular file (a"
            + " directory, link or device): the sweep writes a file of that name; move it or"
            + " choose another --out");
      }
    }
  }

  private SharpenSweep.Settings settings() {
    require(k >= 2, "-k " + k + ": the vocabulary needs at least 2 tokens");
    require(length >= 1, "--length " + length + ": must be at least 1");
    require(contexts >= 1, "--contexts " + contexts + ": must be at least 1");
    long responses = 1;
    for (int i = 0; i < length && responses <= MAX_RESPONSES; i++) {
      responses *= k;
    }
    require(responses <= MAX_RESPONSES, "-k " + k + " --length " + length + ": k^length must be at"
        + " most " + MAX_RESPONSES + " (every context's base law is enumerated for the exact law)");
    require(responses * contexts <= MAX_ENUMERATED, "--contexts " + contexts + ": contexts *"
        + " k^length = " + responses * contexts + " must be at most " + MAX_ENUMERATED);
    require(baseMin > 1.0 / k && baseMin < 1, "--base-min " + baseMin + ": must be in (1/k, 1) = ("
        + 1.0 / k + ", 1), so that y* is the unique argmax of pi_base");
    require(baseMax >= baseMin && baseMax < 1, "--base-max " + baseMax + ": must be in [base-min,"
        + " 1) = [" + baseMin + ", 1)");
    require(grid.length >= 1, "--n: the grid needs at least one N");
    for (int n : grid) {
      require(n >= 1 && n <= MAX_N, "--n " + n + ": every N must be in [1, " + MAX_N + "]");
    }
    int[] sorted = Arrays.stream(grid).sorted().distinct().toArray();
    require(samples >= 1 && samples <= MAX_N, "--samples " + samples + ": must be in [1, "
        + MAX_N + "]");
    require(budget >= 1 && Double.isFinite(budget), "--budget " + budget + ": must be at least 1");
    require(maxBudget > budget && Double.isFinite(maxBudget), "--max-budget " + maxBudget
        + ": must be finite and greater than --budget " + budget);
    require(confidence > 0 && confidence < 1, "--confidence " + confidence + ": must be in (0, 1)");
    require(level > 0 && level < 1, "--level " + level + ": must be in (0, 1)");
    SharpenSweep.Settings settings = new SharpenSweep.Settings(seed, k, length, contexts, baseMin,
        baseMax, sorted, samples, budget, maxBudget, confidence, level);
    double work = SharpenSweep.work(settings);
    require(allowLong || work <= ExperimentRun.WORK_CEILING, "--samples " + samples + " --n ... -k "
        + k + " --length " + length + " --contexts " + contexts + ": the sweep's work estimate"
        + " samples x sum(N) x length x k + contexts x curve points x k^length = "
        + String.format(Locale.ROOT, "%.3g", work) + ": must be at most "
        + String.format(Locale.ROOT, "%.0g", ExperimentRun.WORK_CEILING)
        + " (hours of computing); lower --samples, --n, --contexts, -k or --length, or pass"
        + " --allow-long");
    double bytes = SharpenSweep.requiredBytes(settings);
    require(HeapBudget.fits(bytes), HeapBudget.refusal("-k " + k + " --length " + length
        + " --contexts " + contexts + ": the sweep", MemoryEstimate.size(bytes),
        "lower --contexts, -k or --length"));
    return settings;
  }

  private static void summary(PrintWriter stdout, SharpenSweep.Result r) {
    SharpenSweep.Settings s = r.settings();
    stdout.printf(Locale.ROOT, "best-of-N on %s (seed %d): P(BoN = y*), x uniform over %d"
        + " contexts, %d Monte Carlo runs per N%n", r.instance().describe(), s.seed(),
        s.contexts(), s.samples());
    String ci = String.format(Locale.ROOT, "%g%% CI", 100 * s.level()).replaceAll("\\.?0+%", "%");
    stdout.printf(Locale.ROOT, "%8s  %10s  %11s  %s%n", "N", "exact", "Monte Carlo", ci);
    for (SharpenSweep.Point p : r.points()) {
      stdout.printf(Locale.ROOT, "%8d  %10.6f  %11.6f  [%.6f, %.6f]%n", p.n(), p.exact(),
          p.monteCarlo(), p.interval().low(), p.interval().high());
    }
    StringBuilder regimes = new StringBuilder();
    for (Regime regime : Regime.values()) {
      long count = Arrays.stream(r.contexts()).filter(c -> c.regime() == regime).count();
      regimes.append(regimes.length() == 0 ? "" : ", ").append(SharpenOutputs.name(regime))
          .append(' ').append(count);
    }
    stdout.printf(Locale.ROOT, "regimes of pi_base(y*|x) at B = %s (tau %.4g), B_max = %s (tau"
        + " %.4g), q = %.4g: %s%n", SharpenOutputs.plain(s.budget()), r.tauBudget(),
        SharpenOutputs.plain(s.maxBudget()), r.tauMaxBudget(), s.confidence(), regimes);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new UsageException(message);
    }
  }
}
