package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pgbarrier.cli.OneLineError.filesUnder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.io.artifact.ArtifactWriter;
import org.pgbarrier.io.artifact.RunCompletion;
import org.pgbarrier.io.artifact.StagedRun;

/**
 * A rerun killed at any point of its publication leaves the output directory holding the previous
 * run whole (with its marker), the new run whole (with its marker), or the files of one of the two
 * without a marker: never files of both runs, never a torn file, and the next run removes what the
 * killed one left (its staging directory) and completes.
 *
 * <p>The kill is deterministic: the rerun is a separate JVM started with the system property
 * {@value StagedRun#HALT} naming a point of {@link StagedRun#publish}, at which it halts as {@code
 * kill -9} would stop it (no shutdown hook, no {@code finally}); its exit status {@value
 * StagedRun#HALT_STATUS} proves the point was reached.
 */
class RerunKillTest {
  private static final String NAME = "process_reward_uniform";

  @TempDir static Path shared;

  /** The files of the previous run (seed 0) and of the rerun (seed 7), name to bytes. */
  private static Map<String, byte[]> previous;

  private static Map<String, byte[]> rerun;

  private static List<String> args(Path out, String seed) {
    return List.of("run", Cli.repositoryRoot().resolve("configs/process_reward.yaml").toString(),
        "global.seq_length=8", "global.test_set_size=64", "global.output_dir=" + out,
        "experiment.supervised.steps=6", "experiment.supervised.batch_size=16",
        "experiment.pg.steps=4", "experiment.pg.batch_size=16", "experiment.pg.test_every=2",
        "experiment.seed=" + seed, "--threads", "1", "--quiet");
  }

  private static void run(Path out, String seed) {
    Cli result = Cli.run(args(out, seed).toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  /** The run's files in {@code dir}: the visible regular files but {@code timings.json}. */
  private static Map<String, byte[]> runFiles(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p) && !name.startsWith(".")
            && !name.equals(ArtifactWriter.TIMINGS)) {
          files.put(name, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  @BeforeAll
  static void bothRuns() throws IOException {
    run(shared.resolve("previous"), "0");
    run(shared.resolve("rerun"), "7");
    previous = runFiles(shared.resolve("previous"));
    rerun = runFiles(shared.resolve("rerun"));
    assertThat(previous.keySet()).isEqualTo(rerun.keySet()).contains(NAME + ".complete");
    assertThat(previous.get(NAME + ".json")).isNotEqualTo(rerun.get(NAME + ".json"));
  }

  /** Runs the rerun in another JVM that halts at {@code point}. */
  private static void rerunKilledAt(Path out, String point)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-D" + StagedRun.HALT + "=" + point,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args(out, "7"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("halted at %s; output: %s", point, output)
        .isEqualTo(StagedRun.HALT_STATUS);
  }

  /**
   * The directory holds files of one run only, each byte for byte that run's, and the marker only
   * beside that run's complete set; returns which run ("previous", "rerun" or "none").
   */
  private static String assertOneRun(Path out, String point) throws IOException {
    Map<String, byte[]> files = runFiles(out);
    boolean previousOnly = false;
    boolean rerunOnly = false;
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      boolean isPrevious = Arrays.equals(file.getValue(), previous.get(file.getKey()));
      boolean isRerun = Arrays.equals(file.getValue(), rerun.get(file.getKey()));
      assertThat(isPrevious || isRerun).as("%s at %s: a file of neither run", file.getKey(), point)
          .isTrue();
      previousOnly |= isPrevious && !isRerun;
      rerunOnly |= isRerun && !isPrevious;
    }
    assertThat(previousOnly && rerunOnly).as("files of both runs at %s: %s", point,
        files.keySet()).isFalse();
    String which = previousOnly ? "previous" : rerunOnly ? "rerun" : "none";
    if (files.containsKey(NAME + RunCompletion.SUFFIX)) {
      assertThat(RunCompletion.isComplete(out, NAME)).isTrue();
      assertThat(files.keySet()).as("a marker beside an incomplete set at %s", point)
          .isEqualTo((previousOnly ? previous : rerun).keySet());
    } else {
      assertThat(RunCompletion.isComplete(out, NAME)).isFalse();
    }
    return which;
  }

  private static void assertKilledAt(Path out, String point, String expected, boolean marker)
      throws IOException, InterruptedException {
    run(out, "0");
    rerunKilledAt(out, point);
    assertThat(assertOneRun(out, point)).as(point).isEqualTo(expected);
    assertThat(RunCompletion.isComplete(out, NAME)).as("complete at %s", point).isEqualTo(marker);
    assertThat(filesUnder(out)).as("temporary files at %s", point)
        .noneMatch(f -> f.endsWith(".tmp"));

    // the next run deletes the killed run's staging directory and completes
    run(out, "7");
    assertThat(assertOneRun(out, point)).isEqualTo("rerun");
    assertThat(RunCompletion.isComplete(out, NAME)).isTrue();
    assertThat(filesUnder(out)).as("left after the next run").noneMatch(f -> f.startsWith("."));
    try (Stream<Path> entries = Files.list(out)) {
      assertThat(entries.filter(Files::isDirectory).toList()).isEmpty();
    }
  }

  @Test
  void killedWithEveryFileStagedTheDirectoryHoldsThePreviousRunComplete() throws Exception {
    assertKilledAt(shared.resolve("staged"), "staged", "previous", true);
  }

  @Test
  void killedAfterTheMarkerIsRemovedItHoldsThePreviousRunIncomplete() throws Exception {
    assertKilledAt(shared.resolve("marker"), "marker-removed", "previous", false);
  }

  @Test
  void killedWhileDeletingThePreviousRunItHoldsPartOfItIncomplete() throws Exception {
    assertKilledAt(shared.resolve("removing"), "removed-first", "previous", false);
  }

  @Test
  void killedWithThePreviousRunDeletedItHoldsNoRunFile() throws Exception {
    Path out = shared.resolve("removed");
    assertKilledAt(out, "removed", "none", false);
  }

  @Test
  void killedWhileMovingTheRerunInItHoldsPartOfTheRerunIncomplete() throws Exception {
    assertKilledAt(shared.resolve("moving"), "moved-first", "rerun", false);
  }

  @Test
  void killedBeforeTheMarkerItHoldsTheWholeRerunIncomplete() throws Exception {
    Path out = shared.resolve("shared");
    run(out, "0");
    rerunKilledAt(out, "shared");
    assertThat(assertOneRun(out, "shared")).isEqualTo("rerun");
    Map<String, byte[]> files = runFiles(out);
    assertThat(files.keySet()).containsAll(rerun.keySet().stream()
        .filter(f -> !f.endsWith(RunCompletion.SUFFIX)).toList())
        .doesNotContain(NAME + RunCompletion.SUFFIX);
    assertThat(Cli.run("plot", NAME, "--from", out.toString()).exitCode()).isEqualTo(2);
  }
}
