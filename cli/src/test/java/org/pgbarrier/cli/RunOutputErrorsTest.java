package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pgbarrier.cli.OneLineError.assertEmpty;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;
import static org.pgbarrier.cli.OneLineError.filesUnder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.io.artifact.RunCompletion;

/**
 * A run's output directory is all or nothing: what would make the writing fail is refused before
 * the computation, the completion marker is written last and {@code plot} refuses a run without
 * it, a rerun with other settings replaces the run whole, temporary files of killed writers are
 * removed, and {@code eval --out} refuses a device and a name ending with a separator.
 */
class RunOutputErrorsTest {
  private static final String NAME = "process_reward_uniform";

  @TempDir Path temp;

  private static Cli run(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("run",
        Cli.repositoryRoot().resolve("configs/process_reward.yaml").toString(),
        "global.seq_length=8", "global.test_set_size=64", "global.output_dir=" + out,
        "experiment.supervised.steps=6", "experiment.supervised.batch_size=16",
        "experiment.pg.steps=4", "experiment.pg.batch_size=16", "experiment.pg.test_every=2"));
    args.addAll(List.of(more));
    args.add("--quiet");
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void anUnparsableTimingsFileIsRefusedBeforeTheRunAndNothingIsWritten() throws IOException {
    Path out = Files.createDirectory(temp.resolve("out"));
    Files.writeString(out.resolve("timings.json"), "{\"x\": ");
    assertOneLineError(run(out), 2, "timings.json: invalid JSON");
    assertThat(filesUnder(out)).containsExactly("timings.json");
  }

  @Test
  void aFigureNameTakenByADirectoryIsRefusedBeforeTheRun() throws IOException {
    Path out = Files.createDirectory(temp.resolve("out"));
    Files.createDirectory(out.resolve(NAME + "_likelihood.png"));
    assertOneLineError(run(out), 2, "output_dir " + out + ": " + NAME + "_likelihood.png",
        "is not a regular file (a directory, link or device): the run writes a file of that name");
    assertThat(filesUnder(out)).isEmpty();
  }

  @Test
  void anOutputDirectoryUnderProcIsRefusedBeforeTheRun() {
    assertOneLineError(run(Path.of("/proc/pgbarrier-out")), 2,
        "output_dir /proc/pgbarrier-out: cannot be created (the file system refuses new files in");
  }

  @Test
  void aDotDotThroughAMissingFolderIsRefusedAndCreatesNothing() throws IOException {
    Path out = temp.resolve("missing/../run");
    assertOneLineError(run(out), 2, "output_dir " + out + ": '..' after ",
        "which does not exist: name the directory without it");
    assertEmpty(temp);
  }

  @Test
  void theMarkerIsWrittenLastAndPlotRefusesARunWithoutIt() throws IOException {
    Path out = temp.resolve("out");
    assertThat(run(out).exitCode()).isZero();
    assertThat(RunCompletion.isComplete(out, NAME)).isTrue();
    assertThat(Cli.run("plot", NAME, "--from", out.toString()).exitCode()).isZero();

    Files.delete(RunCompletion.marker(out, NAME));
    assertOneLineError(Cli.run("plot", NAME, "--from", out.toString()), 2,
        NAME + ": the run in ", "is incomplete (no " + NAME + ".complete matching " + NAME
        + ".json: it was interrupted, failed, or its artifact was changed since); rerun it");
    // an artifact changed after the run completed is no longer that complete run
    assertThat(run(out).exitCode()).isZero();
    Files.writeString(out.resolve(NAME + ".json"),
        Files.readString(out.resolve(NAME + ".json")).replace("\"seed\": 0", "\"seed\": 0 "));
    assertOneLineError(Cli.run("plot", NAME, "--from", out.toString()), 2, "is incomplete");
  }

  @Test
  void aRerunWithAnotherSeedReplacesTheRunWhole() throws IOException {
    Path out = temp.resolve("out");
    Path fresh = temp.resolve("fresh");
    assertThat(run(out).exitCode()).isZero();
    assertThat(run(out, "experiment.seed=7").exitCode()).isZero();
    assertThat(run(fresh, "experiment.seed=7").exitCode()).isZero();
    List<String> files = filesUnder(fresh);
    assertThat(filesUnder(out)).isEqualTo(files);
    for (String file : files) {
      if (!file.equals("timings.json")) {
        assertThat(Files.readAllBytes(out.resolve(file))).as(file)
            .isEqualTo(Files.readAllBytes(fresh.resolve(file)));
      }
    }
    assertThat(RunCompletion.isComplete(out, NAME)).isTrue();
  }

  @Test
  void theTemporaryFilesOfAKilledWriterAreRemovedByTheNextRun() throws IOException {
    Path out = Files.createDirectory(temp.resolve("out"));
    // no process has id 2^31 - 2 (Linux caps ids at 2^22)
    Path stale = Files.writeString(out.resolve("." + NAME + ".json.2147483646-0.tmp"), "{");
    Path staleFigure = Files.writeString(
        out.resolve("." + NAME + "_likelihood.png.2147483646-3.tmp"), "x");
    Path mine = Files.writeString(out.resolve("." + NAME + ".json."
        + ProcessHandle.current().pid() + "-0.tmp"), "live");
    assertThat(run(out).exitCode()).isZero();
    assertThat(stale).doesNotExist();
    assertThat(staleFigure).doesNotExist();
    assertThat(mine).exists(); // a live process's temporary file is left to it
  }

  @Test
  void evalRefusesADeviceAndATrailingSlash() throws IOException {
    Path in = Cli.repositoryRoot().resolve("conformance/tiny.json");
    assertOneLineError(Cli.run("eval", in.toString(), "--out", "/dev/null"), 2,
        "--out /dev/null: is not a regular file (a device, pipe or socket)");
    Path dir = Files.createDirectory(temp.resolve("dir"));
    assertOneLineError(Cli.run("eval", in.toString(), "--out", dir + "/new/"), 2,
        "ends with '/', so it names a directory: the output is a file");
    assertEmpty(dir);
  }
}
