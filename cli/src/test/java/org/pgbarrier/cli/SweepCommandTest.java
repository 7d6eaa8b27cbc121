package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.io.artifact.RunCompletion;

/**
 * {@code run --multirun} and {@code merge} end to end on the 16-cell sweep of {@link
 * SweepFixture}: run on one machine, as 4 shards, and killed and resumed; the merges must have the
 * same bytes (timings aside). The reference is the uninterrupted one-machine run, whose files do
 * not depend on how the cells were scheduled; each cell's bytes equal a plain {@code run} of the
 * cell's config (an independent path that never sees the sweep).
 */
class SweepCommandTest {
  @TempDir static Path temp;

  private static Map<String, byte[]> reference;

  /** The one-machine sweep and its merge, run once for the class. */
  private static synchronized Map<String, byte[]> reference() throws IOException {
    if (reference == null) {
      Path dir = temp.resolve("local");
      Cli run = SweepFixture.run(dir, "--threads", "2");
      assertThat(run.err()).isEmpty();
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("ran 16 cells, 0 were complete");
      Cli merge = Cli.run("merge", dir.toString());
      assertThat(merge.err()).isEmpty();
      assertThat(merge.exitCode()).isZero();
      reference = SweepFixture.merged(dir);
    }
    return reference;
  }

  @Test
  void fourShardsMergeToTheSameBytesAsOneMachine() throws IOException {
    Map<String, byte[]> expected = reference();
    Path dir = temp.resolve("shards");
    for (int s = 0; s < 4; s++) {
      Cli run = SweepFixture.run(dir, "--shard", s + "/4", "--threads", "1");
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).contains("ran 4 cells, 0 were complete (shard " + s + "/4)");
    }
    assertThat(Cli.run("merge", dir.toString()).exitCode()).isZero();
    SweepFixture.assertSameBytes(SweepFixture.merged(dir), expected);
    String csv = Files.readString(dir.resolve("sweep_results.csv"));
    assertThat(csv.lines()).hasSize(17).first().isEqualTo("id,global.seq_length,global.seed,"
        + "experiment.pg.baseline,run,base_error,final_error,queries,off_support_count,"
        + "off_support_likelihood");
    assertThat(csv.lines().skip(1).map(l -> l.split(",")[0])).containsExactly("00", "01", "02",
        "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15");
    assertThat(Files.readString(dir.resolve(MergeCommand.TIMINGS))).contains("\"15\"");
  }

  @Test
  void aCellHasTheBytesOfAPlainRunOfItsConfig() throws IOException {
    reference();
    Path plain = temp.resolve("plain");
    Cli run = Cli.run("run", SweepFixture.config().toString(), "--quiet",
        "global.test_set_size=32", "global.track_set_size=64", "experiment.supervised.steps=10",
        "experiment.supervised.batch_size=16", "experiment.pg.steps=6",
        "experiment.pg.batch_size=16", "experiment.pg.test_every=3",
        "experiment.track_initial_quantiles=4", "global.output_dir=" + plain,
        "global.seq_length=6", "global.seed=2", "experiment.pg.baseline=false");
    assertThat(run.exitCode()).isZero();
    // grid order: seq_length outermost, baseline fastest: (6, 2, false) is cell 8 + 4 + 1 = 13
    String name = "outcome_reward_uniform.json";
    assertThat(Files.readAllBytes(temp.resolve("local/cells/13").resolve(name)))
        .isEqualTo(Files.readAllBytes(plain.resolve(name)));
  }

  @Test
  void aRerunSkipsCompleteCellsAndRedoesOnlyTheOthers() throws IOException {
    reference();
    Path dir = temp.resolve("local");
    Path cell = dir.resolve("cells/05");
    Files.delete(RunCompletion.marker(cell, "outcome_reward_uniform"));
    Cli rerun = SweepFixture.run(dir);
    assertThat(rerun.exitCode()).isZero();
    assertThat(rerun.out()).contains("ran 1 cells, 15 were complete");
    assertThat(RunCompletion.isComplete(cell, "outcome_reward_uniform")).isTrue();
  }

  /**
   * A sweep in a fresh JVM halts ({@code Runtime.halt}, as {@code kill -9}: no shutdown hook) as
   * soon as 5 cells are complete, 2 cells running side by side; the rerun redoes the rest, and the
   * merge equals the uninterrupted run's.
   */
  @Test
  void aSweepKilledMidRunResumesToTheSameMerge() throws IOException, InterruptedException {
    Map<String, byte[]> expected = reference();
    Path dir = temp.resolve("killed");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-D" + Sweep.HALT_PROPERTY + "=5",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(SweepFixture.args(dir, "--threads", "2", "--parallel-cells", "2"));
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isEqualTo(137);

    int complete = 0;
    for (int c = 0; c < 16; c++) {
      if (RunCompletion.isComplete(dir.resolve(String.format("cells/%02d", c)),
          "outcome_reward_uniform")) {
        complete++;
      }
    }
    assertThat(complete).isBetween(5, 6);
    Cli premature = Cli.run("merge", dir.toString());
    assertThat(premature.exitCode()).isEqualTo(2);
    assertThat(premature.err()).contains("cells are not complete: missing");
    assertThat(dir.resolve(MergeCommand.CSV)).doesNotExist();

    Cli rerun = SweepFixture.run(dir, "--threads", "2");
    assertThat(rerun.exitCode()).isZero();
    assertThat(rerun.out()).contains("ran " + (16 - complete) + " cells, " + complete
        + " were complete");
    assertThat(Cli.run("merge", dir.toString()).exitCode()).isZero();
    SweepFixture.assertSameBytes(SweepFixture.merged(dir), expected);
  }
}
