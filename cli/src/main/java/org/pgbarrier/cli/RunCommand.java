package org.pgbarrier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pgbarrier.io.config.ConfigReader;
import org.pgbarrier.io.config.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pgbarrier run CONFIG [key=value ...]}: one experiment of the authors. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one of the authors' experiments (outcome_reward, process_reward, cdf_quantile) from"
          + " their YAML config, with Hydra-style dotted overrides (experiment.pg.steps=100)."
          + " Writes the artifacts (JSON, CSV; timings.json apart) and the figures (PNG, SVG,"
          + " PDF) into the config's global.output_dir, or --out.",
      "Schema: docs/config.md; outputs: docs/artifacts.md.",
      "Exit codes: 0 ok, 2 bad arguments or config, 1 runtime failure."
    })
final class RunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "the config file, or a NAME"
      + " for configs/NAME.yaml of the pgbarrier checkout (outcome_reward, process_reward,"
      + " cdf_quantile)")
  private Path config;

  @Parameters(index = "1..*", paramLabel = "KEY=VALUE", arity = "0..*",
      description = "overrides: a.b=v sets, +a.b=v adds, ++a.b=v adds or sets, ~a.b removes")
  private List<String> overrides = List.of();

  @Option(names = {"-o", "--out", "--output-dir"}, paramLabel = "DIR",
      description = "the output directory, instead of the config's global.output_dir")
  private String out;

  @Option(names = "--artifact-file", paramLabel = "FILE",
      description = "also save the artifact as FILE (a .json name) in the output directory,"
          + " for plot --artifact-file")
  private String artifactFile;

  @Option(names = "--seed", paramLabel = "SEED", description = "sets both seeds of the config,"
      + " global.seed and experiment.seed")
  private Long seed;

  @Mixin private WorkerOptions workers;

  @Option(names = "--allow-long", description = "run even when the work estimate (steps x batch"
      + " x N x k, x m for best-of-m) exceeds 1e12, some hours of computing")
  private boolean allowLong;

  @Option(names = "--multirun", description = "a sweep: key=a,b,c and key=range(start,stop"
      + "[,step]) are axes, each cell a run in global.output_dir/cells/ID, with sweep.json;"
      + " rerunning resumes (docs/cluster.md)")
  private boolean multirun;

  @Option(names = "--shard", paramLabel = "I/N", description = "with --multirun: run only the"
      + " cells i with i mod N = I (default: SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or"
      + " JOB_COMPLETION_INDEX with N from sweep.json, else all)")
  private String shard;

  @Option(names = "--parallel-cells", paramLabel = "N", description = "with --multirun: cells"
      + " run side by side, the threads split between them (default: all threads when the cells"
      + " are small, else 1)")
  private Integer parallelCells;

  @Option(names = "--prepare-shards", paramLabel = "N", description = "with --multirun: write"
      + " sweep.json for N shards and run nothing (for Kubernetes Indexed Jobs)")
  private Integer prepareShards;

  @Override
  public Integer call() throws IOException {
    Path config = ConfigName.resolve(this.config);
    List<String> overrides = ConfigName.withShortcuts(this.overrides, seed, out);
    if (multirun) {
      if (artifactFile != null) {
        throw new UsageException("--artifact-file " + artifactFile + ": names one run's"
            + " artifact, not a sweep's");
      }
      return Sweep.run(new Sweep.Options(config, overrides, workers.threads(), parallelCells,
          shard, prepareShards, allowLong, workers.quiet()), spec.commandLine().getOut(),
          spec.commandLine().getErr(), System.getenv());
    }
    if (shard != null || parallelCells != null || prepareShards != null) {
      throw new UsageException("--shard, --parallel-cells and --prepare-shards go with"
          + " --multirun");
    }
    int threads = workers.threads();
    ExperimentConfig read = ConfigReader.read(config, overrides);
    ExperimentRun.requireHeap(read);
    ExperimentRun.checkArtifactFile(read, artifactFile);
    if (!allowLong) {
      ExperimentRun.requireWork(read);
    }
    ExperimentRun run;
    try (ProgressDisplay progress = workers.progress(spec.commandLine().getErr())) {
      run = ExperimentRun.of(read, progress, threads, allowLong, artifactFile);
    }
    PrintWriter out = spec.commandLine().getOut();
    Summary.print(out, List.of(run));
    out.println("wrote " + run.files().size() + " files into " + run.directory());
    return ExitCode.OK;
  }
}
