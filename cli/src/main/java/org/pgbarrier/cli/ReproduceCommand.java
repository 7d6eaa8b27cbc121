package org.pgbarrier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pgbarrier.cli.plot.ExperimentFigures;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.io.config.ConfigReader;
import org.pgbarrier.io.config.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pgbarrier reproduce}: the authors' three experiments at their settings, the comparison
 * figures, and a closing table.
 */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the authors' three experiments from outcome_reward.yaml, process_reward.yaml and"
          + " cdf_quantile.yaml in --configs, draws outcome against process, and ends with a"
          + " table: base and final test error, off-support samples and their average"
          + " likelihood, wall time. With --out DIR everything goes under DIR: the runs into"
          + " DIR/outcome_reward, DIR/process_reward and DIR/cdf_quantile, the comparison"
          + " figures into DIR/comparison; without it each run goes into its config's"
          + " global.output_dir and the comparison into outputs/comparison.",
      "Exit codes: 0 ok, 2 bad arguments or config, 1 runtime failure."
    })
final class ReproduceCommand implements Callable<Integer> {
  /** The configs, in the order they run. */
  static final List<String> CONFIGS =
      List.of("outcome_reward.yaml", "process_reward.yaml", "cdf_quantile.yaml");

  @Spec private CommandSpec spec;

  @Option(names = "--configs", paramLabel = "DIR",
      description = "the directory of the three configs (default: the configs/ folder beside the"
          + " pgbarrier script)")
  private Path configs;

  /** Where the comparison figures go when there is no {@code --out}. */
  static final String DEFAULT_COMPARISON = "outputs/comparison";

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "the output directory of all three runs and the comparison (default: the"
          + " configs' own output_dir, and " + DEFAULT_COMPARISON + ")")
  private Path out;

  @Mixin private WorkerOptions workers;

  @Option(names = "--seed", paramLabel = "SEED", description = "sets both seeds of every config,"
      + " global.seed and experiment.seed (default: the configs' own)")
  private Long seed;

  @Option(names = "--allow-long", description = "run even when a config's work estimate (steps x"
      + " batch x N x k, x m for best-of-m) exceeds 1e12, some hours of computing")
  private boolean allowLong;

  @Override
  public Integer call() throws IOException {
    int threads = workers.threads();
    Path directory = configs != null ? configs : Home.configs();
    if (out != null) {
      OutputDirectory.prepare("--out", out.toString());
    }
    List<ExperimentConfig> read = new ArrayList<>();
    for (String file : CONFIGS) {
      String runDirectory = out == null ? null
          : out.resolve(file.substring(0, file.length() - ".yaml".length())).toString();
      read.add(ConfigReader.read(directory.resolve(file),
          ConfigName.withShortcuts(List.of(), seed, runDirectory)));
    }
    Path comparisonDirectory =
        out == null ? Path.of(DEFAULT_COMPARISON) : out.resolve("comparison");
    for (ExperimentConfig config : read) {
      ExperimentRun.requireHeap(config);
      if (!allowLong) {
        ExperimentRun.requireWork(config);
      }
    }
    List<OutputDirectory> prepared = new ArrayList<>();
    List<ExperimentRun> runs = new ArrayList<>();
    List<Path> figures;
    boolean done = false;
    try {
      for (ExperimentConfig config : read) {
        OutputDirectory run = OutputDirectory.prepare("output_dir", config.outputDir());
        ExperimentRun.checkOutput(config, run);
        prepared.add(run);
      }
      OutputDirectory comparison =
          OutputDirectory.prepare("--out", comparisonDirectory.toString());
      prepared.add(comparison);
      for (ExperimentConfig config : read) {
        try (ProgressDisplay progress = workers.progress(spec.commandLine().getErr())) {
          runs.add(ExperimentRun.of(config, progress, threads, allowLong));
        }
      }
      // the reader ties each file's experiment to its name: outcome, process, cdf
      figures = ExperimentFigures.compare((PgResult) runs.get(0).result(),
          (PgResult) runs.get(1).result(), comparison.create("--out"));
      done = true;
    } finally {
      if (!done) {
        prepared.forEach(OutputDirectory::discardIfEmpty);
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    Summary.print(stdout, runs);
    for (ExperimentRun run : runs) {
      stdout.println("wrote " + run.files().size() + " files into " + run.directory());
    }
    stdout.println(
        "wrote " + figures.size() + " comparison figures into " + comparisonDirectory);
    return ExitCode.OK;
  }
}
