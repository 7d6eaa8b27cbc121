package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;
import static org.pgbarrier.cli.OneLineError.filesUnder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refusals of the authors' habits on {@code run} and {@code plot} (docs/errors.md): a config
 * NAME that names nothing, a bad {@code --artifact-file}, {@code --ema_beta} and {@code --offset}
 * out of range, an ambiguous experiment name: one line naming the option and rule, exit 2, and no
 * output written.
 */
class CliHabitsErrorsTest {
  @TempDir static Path runs;

  @TempDir Path temp;

  /** A small outcome run's overrides, into {@code dir}, with {@code more} after them. */
  static String[] smallRun(Path dir, String... more) {
    List<String> args = new ArrayList<>(List.of("run",
        Cli.repositoryRoot().resolve("configs/outcome_reward.yaml").toString(),
        "global.seq_length=8", "global.test_set_size=64", "global.output_dir=" + dir,
        "experiment.supervised.steps=20", "experiment.supervised.batch_size=32",
        "experiment.pg.steps=12", "experiment.pg.batch_size=32", "experiment.pg.test_every=4",
        "--quiet"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @BeforeAll
  static void runTheTwoTrackingsOfOneExperiment() {
    Cli uniform = Cli.run(smallRun(runs.resolve("uniform")));
    assertThat(uniform.exitCode()).as(uniform.err()).isZero();
    Cli threshold = Cli.run(smallRun(runs.resolve("threshold"),
        "experiment.likelihood_tracking_type=threshold",
        "experiment.initial_likelihood_threshold=0.999"));
    assertThat(threshold.exitCode()).as(threshold.err()).isZero();
  }

  @Test
  void aBareConfigNameThatIsNeitherAFileNorAShippedConfigIsExitTwo() {
    assertOneLineError(Cli.run("run", "no_such_experiment"), 2,
        "no_such_experiment: no such file, nor ", "configs/no_such_experiment.yaml (a config"
            + " file, or the NAME of configs/NAME.yaml)");
  }

  @Test
  void anArtifactFileThatIsNotAJsonFileNameIsExitTwoBeforeAnyWork() {
    Path out = temp.resolve("out");
    for (String bad : List.of("sub/a.json", "a.pt", ".hidden.json")) {
      assertOneLineError(Cli.run(smallRun(out, "--artifact-file", bad)), 2,
          "--artifact-file " + bad + ": must be a file name ending in .json, without a directory"
              + " (it is saved into the output directory)");
    }
    assertOneLineError(Cli.run(smallRun(out, "--artifact-file", "outcome_reward_uniform.json")),
        2, "--artifact-file outcome_reward_uniform.json: the run writes a file of that name"
            + " itself; choose another");
    assertOneLineError(Cli.run(smallRun(out, "--artifact-file", "a.json", "--multirun")), 2,
        "--artifact-file a.json: names one run's artifact, not a sweep's");
    assertThat(out).doesNotExist();
  }

  @Test
  void plotOptionsOutOfTheirRangesAreExitTwo() {
    for (String beta : List.of("1", "-0.1", "NaN")) {
      assertOneLineError(Cli.run("plot", "outcome_reward_uniform", "--from",
          runs.resolve("uniform").toString(), "--ema_beta", beta), 2,
          ": must be in [0, 1)", "--ema_beta = ");
    }
    assertOneLineError(Cli.run("plot", "outcome_reward_uniform", "--from",
        runs.resolve("uniform").toString(), "--offset", "-1"), 2,
        "--offset = -1: must be at least 0");
  }

  @Test
  void anExperimentNameWithTwoRunsNamesThem() throws IOException {
    List<String> before = filesUnder(runs);
    assertOneLineError(Cli.run("plot", "outcome_reward", "--from", runs.toString()), 2,
        "outcome_reward: several runs of that experiment under " + runs
            + " (outcome_reward_uniform, outcome_reward_threshold): name one");
    assertThat(filesUnder(runs)).isEqualTo(before);
  }

  @Test
  void aBadPlotArtifactFileIsExitTwo() throws IOException {
    Path dir = runs.resolve("uniform");
    assertOneLineError(Cli.run("plot", "outcome_reward_uniform", "--from", dir.toString(),
        "--artifact-file", "missing.json"), 2,
        "--artifact-file missing.json: no such file under " + dir);
    assertOneLineError(Cli.run("plot", "comparison", "--from", dir.toString(),
        "--artifact-file", "a.json"), 2, "--artifact-file a.json: goes with a run NAME, not with"
            + " comparison");
    Path copy = Files.createDirectory(temp.resolve("copy"));
    for (String file : List.of("outcome_reward_uniform.json", "outcome_reward_uniform.complete")) {
      Files.copy(dir.resolve(file), copy.resolve(file));
    }
    // a copy of the run whose one digit of a test error differs: a copy of another run
    String text = Files.readString(copy.resolve("outcome_reward_uniform.json"));
    int at = text.indexOf("0.", text.indexOf("\"test_error\""));
    char changed = text.charAt(at + 3) == '1' ? '2' : '1';
    Files.writeString(copy.resolve("old.json"),
        text.substring(0, at + 3) + changed + text.substring(at + 4));
    assertOneLineError(Cli.run("plot", "x", "--from", copy.toString(), "--artifact-file",
        "old.json"), 2, "old.json: differs from outcome_reward_uniform.json of the complete run"
            + " beside it (a copy of an older run?); rerun it");
    assertThat(filesUnder(copy)).containsExactly("old.json", "outcome_reward_uniform.complete",
        "outcome_reward_uniform.json");
  }
}
