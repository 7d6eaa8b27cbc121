package org.pgbarrier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pgbarrier.cli.plot.ExperimentFigures;
import org.pgbarrier.cli.plot.ExperimentFigures.Comparison;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.io.artifact.ArtifactReader;
import org.pgbarrier.io.artifact.RunCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pgbarrier plot NAME}: redraws figures from saved artifacts. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = {
      "Redraws the figures of a saved run from its artifact NAME.json (docs/artifacts.md), found"
          + " under --from. NAME is a run name (outcome_reward_uniform, process_reward_threshold,"
          + " cdf_quantile, ...), or an experiment (outcome_reward) when it has one run there;"
          + " the figures go beside the artifact, or into --out. 'comparison' draws outcome"
          + " against process (off-support average likelihood, test error) from the"
          + " outcome_reward_* and process_reward_* artifacts into --out;"
          + " compare_outcome_process_off_support and compare_outcome_process_err (the authors'"
          + " names) draw one of the two.",
      "Exit codes: 0 ok, 2 bad arguments or artifact, 1 runtime failure."
    })
final class PlotCommand implements Callable<Integer> {
  /** The figure set drawn from two runs. */
  static final String COMPARISON = "comparison";

  /** The authors' names of the two comparison figures [CODE: main.py]. */
  private static final Map<String, Set<Comparison>> COMPARISONS = Map.of(
      COMPARISON, EnumSet.allOf(Comparison.class),
      "compare_outcome_process_off_support", EnumSet.of(Comparison.OFF_SUPPORT),
      "compare_outcome_process_err", EnumSet.of(Comparison.TEST_ERROR));

  /** The tracking types that complete an experiment name into a run name [CODE: main.py]. */
  private static final List<String> TRACKINGS = List.of("uniform", "threshold");

  /** How deep below {@code --from} artifacts are looked for. */
  private static final int SEARCH_DEPTH = 3;

  private static final String DEFAULT_FROM = "outputs";

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "a run or experiment name,"
      + " 'comparison', or one of the authors' comparison names")
  private String name;

  @Option(names = "--from", paramLabel = "DIR", description = "where the artifacts are"
      + " (searched three levels deep; default: " + DEFAULT_FROM + ")")
  private Path from;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "where the figures go"
      + " (default: beside the artifact; for the comparisons DIR/comparison of --from, as"
      + " reproduce --out writes it: " + DEFAULT_FROM + "/comparison by default)")
  private String out;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "the authors' option: both"
      + " --from and --out")
  private String outputDir;

  @Option(names = "--artifact-file", paramLabel = "FILE", description = "the artifact to draw,"
      + " a file under --from (as saved by run --artifact-file), instead of searching for"
      + " NAME.json")
  private String artifactFile;

  @Option(names = "--ema_beta", paramLabel = "BETA", defaultValue = "0",
      description = "smooth the tracked likelihood curves: s_t = BETA s_(t-1) + (1 - BETA) p_t,"
          + " BETA in [0, 1) (default: ${DEFAULT-VALUE}, none)")
  private double emaBeta;

  @Option(names = "--colorbar", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "the colour bar of the tracked likelihood figure (default: on)")
  private boolean colourBar;

  @Option(names = "--offset", paramLabel = "STEP", defaultValue = "0",
      description = "the test-error figures start at PG step STEP (default: ${DEFAULT-VALUE})")
  private int offset;

  @Option(names = "--no-legend", description = "no legend in the comparison figures")
  private boolean noLegend;

  @Override
  public Integer call() throws IOException {
    ExperimentFigures.Options options;
    try {
      options = new ExperimentFigures.Options(emaBeta, colourBar, offset, !noLegend);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String stem = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    Path from = this.from != null ? this.from
        : Path.of(outputDir != null ? outputDir : DEFAULT_FROM);
    String out = this.out != null ? this.out : outputDir;
    List<Path> files;
    Set<Comparison> comparison = COMPARISONS.get(stem);
    if (comparison != null) {
      if (artifactFile != null) {
        throw new UsageException("--artifact-file " + artifactFile + ": goes with a run NAME,"
            + " not with " + stem);
      }
      String target = out != null ? out : from.resolve("comparison").toString();
      OutputDirectory directory = OutputDirectory.prepare("--out", target);
      PgResult outcome = pg(find(from, "outcome_reward_uniform", "outcome_reward_threshold"));
      PgResult process = pg(find(from, "process_reward_uniform", "process_reward_threshold"));
      boolean done = false;
      try {
        files = ExperimentFigures.compare(outcome, process, directory.create("--out"), options,
            comparison);
        done = true;
      } finally {
        if (!done) {
          directory.discardIfEmpty();
        }
      }
    } else {
      Path artifact = artifactFile != null ? explicit(from) : run(from, stem);
      ExperimentResult result = ArtifactReader.read(artifact);
      Path directory = artifact.toAbsolutePath().getParent();
      RunCompletion.requireComplete(directory, result.name());
      if (artifactFile != null && !Files.isSameFile(artifact, directory.resolve(result.name()
          + ".json")) && !Arrays.equals(Files.readAllBytes(artifact),
              Files.readAllBytes(directory.resolve(result.name() + ".json")))) {
        throw new UsageException("--artifact-file " + artifact + ": differs from "
            + result.name() + ".json of the complete run beside it (a copy of an older run?);"
            + " rerun it");
      }
      if (out != null) {
        OutputDirectory target = OutputDirectory.prepare("--out", out);
        boolean done = false;
        try {
          files = ExperimentFigures.draw(result, target.create("--out"), options);
          done = true;
        } finally {
          if (!done) {
            target.discardIfEmpty();
          }
        }
      } else {
        if (!Files.isWritable(directory)) {
          throw new UsageException(stem + ": the figures go beside " + artifact + ", and "
              + directory + " is not writable");
        }
        files = ExperimentFigures.draw(result, artifact.getParent(), options);
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    files.forEach(stdout::println);
    return ExitCode.OK;
  }

  /** {@code --artifact-file} under {@code from}. */
  private Path explicit(Path from) {
    Path artifact = from.resolve(artifactFile);
    if (!Files.isRegularFile(artifact)) {
      throw new UsageException("--artifact-file " + artifactFile + ": no such file under "
          + from);
    }
    return artifact;
  }

  /**
   * The artifact of run {@code stem}: {@code stem.json}, or else, for an experiment name such as
   * {@code outcome_reward}, its one run {@code stem_uniform.json} or {@code stem_threshold.json}
   * [CODE: main.py completes the name with {@code _uniform}; here the run that is there].
   */
  private Path run(Path from, String stem) throws IOException {
    List<Path> exact = hits(from, stem);
    if (!exact.isEmpty()) {
      return find(from, stem);
    }
    List<String> runs = new ArrayList<>();
    for (String tracking : TRACKINGS) {
      if (!hits(from, stem + "_" + tracking).isEmpty()) {
        runs.add(stem + "_" + tracking);
      }
    }
    if (runs.size() > 1) {
      throw new UsageException(stem + ": several runs of that experiment under " + from + " ("
          + String.join(", ", runs) + "): name one");
    }
    return find(from, runs.isEmpty() ? stem : runs.get(0));
  }

  /** The artifacts {@code name.json} under {@code from}, sorted. */
  private static List<Path> hits(Path from, String name) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new UsageException("--from " + from + ": not a directory");
    }
    List<Path> hits = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(from, SEARCH_DEPTH)) {
      walk.filter(p -> p.getFileName().toString().equals(name + ".json"))
          .sorted().forEach(hits::add);
    }
    return hits;
  }

  /** The first of {@code names} with an artifact under {@code from}. */
  private Path find(Path from, String... names) throws IOException {
    for (String candidate : names) {
      List<Path> hits = hits(from, candidate);
      if (hits.size() > 1) {
        throw new UsageException(name + ": several artifacts " + candidate + ".json under "
            + from + " (" + hits + "): name one directory with --from");
      }
      if (hits.size() == 1) {
        return hits.get(0);
      }
    }
    throw new UsageException(name + ": no artifact " + String.join(".json or ", names)
        + ".json under " + from + " (run ./pgbarrier run CONFIG first)");
  }

  private static PgResult pg(Path artifact) throws IOException {
    ExperimentResult result = ArtifactReader.read(artifact);
    RunCompletion.requireComplete(artifact.toAbsolutePath().getParent(), result.name());
    if (result instanceof PgResult pg) {
      return pg;
    }
    throw new UsageException(artifact + ": not a PG run");
  }
}
