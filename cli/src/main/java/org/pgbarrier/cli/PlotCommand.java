package org.pgbarrier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pgbarrier.cli.plot.ExperimentFigures;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.io.ArtifactReader;
import org.pgbarrier.io.RunCompletion;
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
          + " under --from: a run name (outcome_reward_uniform, process_reward_threshold,"
          + " cdf_quantile, ...) redraws that run's figures beside its artifact; 'comparison'"
          + " draws outcome against process (off-support average likelihood, test error) from"
          + " the outcome_reward_* and process_reward_* artifacts, into --out.",
      "Exit codes: 0 ok, 2 bad arguments or artifact, 1 runtime failure."
    })
final class PlotCommand implements Callable<Integer> {
  /** The figure set drawn from two runs. */
  static final String COMPARISON = "comparison";

  /** How deep below {@code --from} artifacts are looked for. */
  private static final int SEARCH_DEPTH = 3;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "a run name, or 'comparison'")
  private String name;

  @Option(names = "--from", paramLabel = "DIR", defaultValue = "outputs",
      description = "where the artifacts are (searched three levels deep; default: ${DEFAULT-VALUE})")
  private Path from;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "outputs/comparison",
      description = "where 'comparison' draws (default: ${DEFAULT-VALUE})")
  private Path out;

  @Override
  public Integer call() throws IOException {
    List<Path> files;
    if (name.equals(COMPARISON)) {
      OutputDirectory directory = OutputDirectory.prepare("--out", out.toString());
      PgResult outcome = pg(find("outcome_reward_uniform", "outcome_reward_threshold"));
      PgResult process = pg(find("process_reward_uniform", "process_reward_threshold"));
      boolean done = false;
      try {
        files = ExperimentFigures.compare(outcome, process, directory.create("--out"));
        done = true;
      } finally {
        if (!done) {
          directory.discardIfEmpty();
        }
      }
    } else {
      Path artifact = find(name);
      ExperimentResult result = ArtifactReader.read(artifact);
      Path directory = artifact.toAbsolutePath().getParent();
      RunCompletion.requireComplete(directory, result.name());
      if (!Files.isWritable(directory)) {
        throw new UsageException(name + ": the figures go beside " + artifact + ", and "
            + directory + " is not writable");
      }
      files = ExperimentFigures.draw(result, artifact.getParent());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    files.forEach(stdout::println);
    return ExitCode.OK;
  }

  /** The first of {@code names} with an artifact under {@code from}. */
  private Path find(String... names) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new UsageException("--from " + from + ": not a directory");
    }
    for (String candidate : names) {
      List<Path> hits = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(from, SEARCH_DEPTH)) {
        walk.filter(p -> p.getFileName().toString().equals(candidate + ".json"))
            .sorted().forEach(hits::add);
      }
      if (hits.size() > 1) {
        throw new UsageException(name + ": several artifacts " + candidate + ".json under "
            + from + " (" + hits + "): name one directory with --from");
      }
      if (hits.size() == 1) {
        return hits.get(0);
      }
    }
    throw new UsageException(name + ": no artifact " + String.join(".json or ", names)
        + ".json under " + from + " (run ./pgbarrier run CONFIG.yaml first)");
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
