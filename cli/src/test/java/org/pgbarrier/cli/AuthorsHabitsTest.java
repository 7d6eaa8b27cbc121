package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pgbarrier.cli.OneLineError.filesUnder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authors' {@code main.py} habits work [CODE: main.py]: {@code run NAME} finds {@code
 * configs/NAME.yaml}; {@code --output-dir}, {@code --artifact-file} and {@code --seed}; {@code plot
 * NAME} with an experiment name, {@code --out}, {@code --output-dir}, the smoothing and legend
 * options and the authors' comparison names.
 */
class AuthorsHabitsTest {
  private static final List<String> SMALL = List.of("global.seq_length=8",
      "global.test_set_size=64", "experiment.supervised.steps=20",
      "experiment.supervised.batch_size=32", "experiment.pg.steps=12",
      "experiment.pg.batch_size=32", "experiment.pg.test_every=4", "--quiet");

  private static String home;

  @TempDir static Path runs;

  @TempDir Path temp;

  @BeforeAll
  static void theLauncherSetsTheHome() {
    home = System.getProperty(Home.PROPERTY);
    System.setProperty(Home.PROPERTY, Cli.repositoryRoot().toString());
  }

  @AfterAll
  static void restoreTheHome() {
    if (home == null) {
      System.clearProperty(Home.PROPERTY);
    } else {
      System.setProperty(Home.PROPERTY, home);
    }
  }

  private static Cli run(String name, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("run", name));
    args.addAll(SMALL);
    args.addAll(List.of("--output-dir", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void runNameFindsTheShippedConfigAndTheShortcutsBecomeOverrides() throws IOException {
    Path out = temp.resolve("by-name");
    Cli result = run("outcome_reward", out, "--seed", "7", "--artifact-file", "mine.json");
    assertThat(result.exitCode()).as(result.err()).isZero();
    Path artifact = out.resolve("outcome_reward_uniform.json");
    assertThat(Files.readString(artifact)).contains("\"data_seed\": 7",
        "\"experiment_seed\": 7");
    assertThat(Files.mismatch(artifact, out.resolve("mine.json"))).isEqualTo(-1);
    Cli yaml = run("outcome_reward.yaml", temp.resolve("by-file-name"), "--seed", "7");
    assertThat(yaml.exitCode()).as(yaml.err()).isZero();
    assertThat(Files.mismatch(artifact,
        temp.resolve("by-file-name/outcome_reward_uniform.json"))).isEqualTo(-1);
  }

  @Test
  void plotOutWritesIntoOutAndTheExperimentNameFindsItsOnlyRun() throws IOException {
    Path out = temp.resolve("run");
    assertThat(run("outcome_reward", out).exitCode()).isZero();
    List<String> before = filesUnder(out);
    Path figures = temp.resolve("figures");
    Cli plot = Cli.run("plot", "outcome_reward", "--from", out.toString(), "--out",
        figures.toString(), "--ema_beta", "0.9", "--no-colorbar", "--offset", "4");
    assertThat(plot.exitCode()).as(plot.err()).isZero();
    assertThat(filesUnder(out)).isEqualTo(before);
    assertThat(filesUnder(figures)).contains("outcome_reward_uniform_likelihood.png",
        "outcome_reward_uniform_test_error.pdf");
    assertThat(plot.out()).contains(figures.resolve("outcome_reward_uniform_likelihood.png")
        .toString());
  }

  @Test
  void plotOutputDirAndArtifactFileReadAsInTheAuthorsMainPy() throws IOException {
    Path out = temp.resolve("authors");
    assertThat(run("outcome_reward", out, "--artifact-file", "saved.json").exitCode()).isZero();
    Cli plot = Cli.run("plot", "outcome_reward.yaml", "--output-dir", out.toString(),
        "--artifact-file", "saved.json", "--colorbar");
    assertThat(plot.exitCode()).as(plot.err()).isZero();
    assertThat(plot.out()).contains(out.resolve("outcome_reward_uniform_likelihood.svg")
        .toString());
  }

  @Test
  void theAuthorsComparisonNamesDrawOneComparisonFigureEach() throws IOException {
    assertThat(run("outcome_reward", runs.resolve("outcome")).exitCode()).isZero();
    assertThat(run("process_reward", runs.resolve("process")).exitCode()).isZero();
    Path err = temp.resolve("err");
    Cli plot = Cli.run("plot", "compare_outcome_process_err", "--from", runs.toString(),
        "--out", err.toString(), "--no-legend", "--offset", "4");
    assertThat(plot.exitCode()).as(plot.err()).isZero();
    assertThat(filesUnder(err)).containsExactly("comparison_test_error.pdf",
        "comparison_test_error.png", "comparison_test_error.svg");
    Path off = temp.resolve("off");
    Cli offSupport = Cli.run("plot", "compare_outcome_process_off_support", "--output-dir",
        runs.toString(), "--out", off.toString());
    assertThat(offSupport.exitCode()).as(offSupport.err()).isZero();
    assertThat(filesUnder(off)).allMatch(f -> f.startsWith("comparison_off_support."));
  }
}
