package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input catalogue of {@code pgbarrier reproduce} (docs/errors.md): all three configs are
 * read, their kinds and memory checked and every output directory prepared before any experiment
 * runs, so a bad config or output directory is one line, exit 2, and leaves no directory behind.
 */
class ReproduceErrorsTest {
  @TempDir Path temp;

  private Path configs;
  private Path out;

  /** The three shipped configs, shrunk, writing under {@code temp/out}. */
  @BeforeEach
  void copyTheShippedConfigs() throws IOException {
    configs = Files.createDirectory(temp.resolve("configs"));
    out = temp.resolve("out");
    for (String name : ReproduceCommand.CONFIGS) {
      Files.writeString(configs.resolve(name), Files.readString(
          Cli.repositoryRoot().resolve("configs").resolve(name))
          .replace("seq_length: 128", "seq_length: 8")
          .replace("seq_length: 100", "seq_length: 8")
          .replace("steps: 1000", "steps: 20")
          .replace("steps: 4000", "steps: 12")
          .replace("partial_steps: 500", "partial_steps: 10")
          .replace("cdf_samples: 16384", "cdf_samples: 128")
          .replaceAll("output_dir: outputs/", "output_dir: " + out + "/"));
    }
  }

  private Cli reproduce(String... more) {
    String[] args = {"reproduce", "--configs", configs.toString(), "--out", out.toString(),
        "--quiet"};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Cli.run(all);
  }

  private void edit(String name, String target, String replacement) throws IOException {
    Path file = configs.resolve(name);
    String text = Files.readString(file);
    assertThat(text).contains(target);
    Files.writeString(file, text.replace(target, replacement));
  }

  @Test
  void aMissingConfigsDirectoryIsExitTwoNamingTheFirstConfig() {
    Path missing = temp.resolve("none");
    assertOneLineError(Cli.run("reproduce", "--configs", missing.toString(), "--quiet"), 2,
        missing.resolve("outcome_reward.yaml") + ": no such file");
  }

  @Test
  void aBadLaterConfigIsRefusedBeforeTheFirstRuns() throws IOException {
    edit("cdf_quantile.yaml", "  k: 10\n", "  k: 1\n");
    assertOneLineError(reproduce(), 2, "cdf_quantile.yaml:", "global.k = 1: must be at least 2");
    assertThat(out).doesNotExist();
  }

  @Test
  void aConfigOfTheWrongExperimentIsRefusedBeforeAnyRun() throws IOException {
    edit("process_reward.yaml", "experiment:\n", "experiment:\n  type: outcome_reward\n");
    assertOneLineError(reproduce(), 2, "process_reward.yaml:20: experiment.type ="
        + " outcome_reward: contradicts the file name process_reward.yaml");
    assertThat(out).doesNotExist();
  }

  @Test
  void aTimeBombIsRefusedBeforeAnyRunAndAllowLongPassesItThrough() throws IOException {
    // 10^7 PG steps of 10^5 sequences, tracked and tested once: work 8 x 32 x 10^12
    edit("process_reward.yaml", "steps: 12", "steps: 10000000");
    edit("process_reward.yaml", "batch_size: 1024", "batch_size: 100000");
    edit("process_reward.yaml", "track_every: 1", "track_every: 10000000");
    edit("process_reward.yaml", "test_every: 50\n    track", "test_every: 10000000\n    track");
    assertOneLineError(reproduce(), 2, "process_reward.yaml: the run's work estimate steps x"
        + " batch x N x k (x m for best-of-m) = ", ": must be at most 1e+12 (hours of computing);"
        + " lower the steps or batch_size, or pass --allow-long");
    assertThat(out).doesNotExist();
    // --allow-long lifts the ceiling: the next check, a comparison --out that is a file, refuses
    Files.createDirectories(out);
    Path file = Files.writeString(out.resolve("comparison"), "x");
    assertOneLineError(reproduce("--allow-long"), 2,
        "--out " + file + ": exists and is not a directory");
  }

  @Test
  void aConfigLargerThanTheHeapIsRefusedBeforeAnyRun() throws IOException {
    edit("cdf_quantile.yaml", "cdf_samples: 128", "cdf_samples: 2000000000");
    assertOneLineError(reproduce(), 2, "cdf_quantile.yaml: the run needs an estimated ",
        "lower experiment.cdf_samples");
    assertThat(out).doesNotExist();
  }

  @Test
  void anOutUnderARegularFileIsRefusedBeforeAnyRun() throws IOException {
    Files.createDirectories(out);
    Path file = Files.writeString(out.resolve("occupied"), "x");
    Cli result = Cli.run("reproduce", "--configs", configs.toString(),
        "--out", file.resolve("runs").toString(), "--quiet");
    assertOneLineError(result, 2, "--out " + file.resolve("runs")
        + ": cannot be created (Not a directory)");
    try (var left = Files.list(out)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void aComparisonDirectoryTakenByAFileIsRefusedAndTheRunDirectoriesAreRemoved()
      throws IOException {
    Files.createDirectories(out);
    Path file = Files.writeString(out.resolve("comparison"), "x");
    assertOneLineError(reproduce(), 2, "--out " + file + ": exists and is not a directory");
    assertThat(OneLineError.filesUnder(out)).containsExactly("comparison");
    try (var left = Files.list(out)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void anUnknownOptionIsExitTwo() {
    assertOneLineError(Cli.run("reproduce", "--frobnicate"), 2, "Unknown option: '--frobnicate'");
  }
}
