package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.io.artifact.RunCompletion;

/**
 * Bad input to {@code run --multirun} and {@code merge}: one line naming the item, its value and
 * the rule, exit 2, and nothing written (no sweep directory, no merge file).
 */
class SweepErrorsTest {
  @TempDir Path temp;

  private static Cli sweep(Path dir, String... items) {
    List<String> args = new ArrayList<>(List.of("run", SweepFixture.config().toString(),
        "--multirun", "--quiet", "global.output_dir=" + dir));
    args.addAll(List.of(items));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void malformedMultirunSyntaxIsRefusedNamingTheItem() {
    Path dir = temp.resolve("sweep");
    assertOneLineError(sweep(dir, "global.seed=range(0,8"), 2,
        "--multirun global.seed=range(0,8: range(start,stop[,step]) must end with ')'");
    assertOneLineError(sweep(dir, "global.seed=1,,2"), 2,
        "--multirun global.seed=1,,2: an empty value in the comma list");
    assertOneLineError(sweep(dir, "global.seed=range(0,4)", "global.seed=5,6"), 2,
        "--multirun global.seed=5,6: global.seed is swept twice");
    assertThat(dir).doesNotExist();
  }

  @Test
  void anUnknownKeyInAnyCellIsRefusedNamingTheCellBeforeAnythingRuns() {
    Path dir = temp.resolve("sweep");
    assertOneLineError(sweep(dir, "global.seed=0,1", "experiment.pg.stepz=1,2"), 2,
        "--multirun cell 0 [global.seed=0, experiment.pg.stepz=1]: ", "stepz");
    assertOneLineError(sweep(dir, "experiment.pg.behavior={_target_: OnPolicyBehavior},"
        + "{_target_: NoSuchBehavior}"), 2, "--multirun cell 1 [experiment.pg.behavior={_target_:"
        + " NoSuchBehavior}]: ", "NoSuchBehavior");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aShardOutOfRangeIsRefused() {
    Path dir = temp.resolve("sweep");
    assertOneLineError(sweep(dir, "global.seed=0,1", "--shard", "4/4"), 2,
        "--shard 4/4: the index 4 must be from 0 to 3");
    assertOneLineError(sweep(dir, "global.seed=0,1", "--shard", "x"), 2,
        "--shard x: must be I/N");
    assertOneLineError(Cli.run("run", SweepFixture.config().toString(), "--shard", "0/2"), 2,
        "--shard, --parallel-cells and --prepare-shards go with --multirun");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aShardFromTheEnvironmentOutOfRangeOrWithoutACountIsRefused() {
    assertThatThrownBy(() -> Shard.fromEnvironment(java.util.Map.of("SLURM_ARRAY_TASK_ID", "2",
        "SLURM_ARRAY_TASK_COUNT", "1"), null)).isInstanceOf(UsageException.class)
        .hasMessage("SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=1: the shard index must be an"
            + " integer from 0 to the count minus 1 (submit the array as --array=0-(N-1), or pass"
            + " --shard I/N)");
    assertThatThrownBy(() -> Shard.fromEnvironment(java.util.Map.of("JOB_COMPLETION_INDEX", "0"),
        null)).isInstanceOf(UsageException.class).hasMessageStartingWith("JOB_COMPLETION_INDEX=0:"
            + " the shard count is read from the sweep's sweep.json, which does not exist yet");
  }

  @Test
  void aSweepDirectoryOfAnotherSweepIsRefused() throws IOException {
    Path dir = temp.resolve("sweep");
    Cli prepared = sweep(dir, "global.seed=0,1", "--prepare-shards", "2");
    assertThat(prepared.exitCode()).as(prepared.err()).isZero();
    byte[] manifest = Files.readAllBytes(dir.resolve(SweepManifest.FILE));
    assertOneLineError(sweep(dir, "global.output_dir=a,b"), 2, "--multirun global.output_dir=a,b:"
        + " global.output_dir names the sweep directory and cannot be swept");
    assertOneLineError(sweep(dir, "global.seed=0,1,2"), 2, "/sweep.json: the directory holds"
        + " another sweep (the grid differ)", "choose another global.output_dir");
    assertOneLineError(sweep(dir, "global.seed=0,1", "global.k=8"), 2,
        "the directory holds another sweep (the overrides ([] there, [global.k=8] here) differ)");
    assertOneLineError(sweep(dir, "global.seed=0,1", "--shard", "0/3"), 2,
        "shard 0/3: the sweep in ", " was created for 2 shards (sweep.json)");
    assertThat(Files.readAllBytes(dir.resolve(SweepManifest.FILE))).isEqualTo(manifest);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("sweep.json");
    }
  }

  @Test
  void aMergeWithMissingOrCorruptCellsIsRefusedNamingThemAndWritesNothing() throws IOException {
    Path dir = temp.resolve("sweep");
    List<String> args = SweepFixture.args(dir);
    args.removeAll(SweepFixture.GRID);
    args.add("global.seed=0,1,2");
    Cli run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    String name = "outcome_reward_uniform";
    Files.delete(RunCompletion.marker(dir.resolve("cells/1"), name));
    Files.writeString(dir.resolve("cells/2").resolve(name + ".json"), "{}\n");

    assertOneLineError(Cli.run("merge", dir.toString()), 2, "merge " + dir + ": 2 of 3 cells"
        + " are not complete: missing 1; corrupt 2 (" + name + ".json does not match its"
        + " completion marker); rerun the sweep (it redoes only these cells), then merge");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "sweep.json", "cells");
    }
  }

  @Test
  void aMergeOfADirectoryThatIsNoSweepIsRefused() throws IOException {
    assertOneLineError(Cli.run("merge", temp.resolve("none").toString()), 2, ": not a directory");
    assertOneLineError(Cli.run("merge", temp.toString()), 2,
        "no sweep.json: not a sweep directory");
    Files.writeString(temp.resolve(SweepManifest.FILE), "{\"format\": ");
    assertOneLineError(Cli.run("merge", temp.toString()), 2,
        "/sweep.json: not valid JSON", "the sweep's manifest is damaged");
  }
}
