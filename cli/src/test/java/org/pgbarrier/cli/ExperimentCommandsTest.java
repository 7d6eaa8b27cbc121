package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}, {@code plot} and {@code reproduce} end to end on the shipped configs shrunk by
 * overrides (N = 8, a few dozen steps), with absolute output directories under a temporary folder.
 */
class ExperimentCommandsTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  @TempDir Path temp;

  private static Path config(String name) {
    return Cli.repositoryRoot().resolve("configs").resolve(name + ".yaml");
  }

  /** Overrides that make a shipped PG config run in well under a second. */
  private List<String> small(String experiment, Path out) {
    return List.of("global.seq_length=8", "global.test_set_size=64",
        "global.output_dir=" + out.resolve(experiment),
        "experiment.supervised.steps=20", "experiment.supervised.batch_size=32",
        "experiment.pg.steps=12", "experiment.pg.batch_size=32", "experiment.pg.test_every=4");
  }

  private Cli run(String experiment, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("run", config(experiment).toString()));
    args.addAll(small(experiment, out));
    args.addAll(List.of(more));
    args.add("--quiet");
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void runWritesArtifactsAndFiguresAndSummarises() throws IOException {
    Cli result = run("outcome_reward", temp);
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("outcome_reward_uniform").contains("base error");
    Path dir = temp.resolve("outcome_reward");
    for (String figure : List.of("base_histogram", "likelihood", "test_error")) {
      assertThat(Files.readAllBytes(dir.resolve("outcome_reward_uniform_" + figure + ".png")))
          .startsWith(PNG);
      assertThat(Files.readString(dir.resolve("outcome_reward_uniform_" + figure + ".svg")))
          .contains("<svg");
    }
    assertThat(dir.resolve("outcome_reward_uniform.json")).exists();
    assertThat(dir.resolve("timings.json")).exists();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void theSameSeedWritesTheSameBytesButTheTimingsAtAnyThreadCount() throws IOException {
    Path a = temp.resolve("a");
    Path b = temp.resolve("b");
    assertThat(run("process_reward", a, "--threads", "1").exitCode()).isZero();
    assertThat(run("process_reward", b, "--threads", "2").exitCode()).isZero();
    List<String> names;
    try (Stream<Path> files = Files.list(a.resolve("process_reward"))) {
      names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") || n.endsWith(".csv"))
          .filter(n -> !n.equals("timings.json")).sorted().toList();
    }
    assertThat(names).hasSizeGreaterThan(4);
    for (String name : names) {
      assertThat(Files.readAllBytes(b.resolve("process_reward").resolve(name)))
          .as(name).isEqualTo(Files.readAllBytes(a.resolve("process_reward").resolve(name)));
    }
  }

  @Test
  void aBadOverrideIsOneLineAndExitTwoAndWritesNothing() {
    Cli result = run("outcome_reward", temp, "experiment.pg.baseline=fasle");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("pgbarrier: ").contains("experiment.pg.baseline")
        .contains("fasle").hasLineCount(1);
    assertThat(temp.resolve("outcome_reward")).doesNotExist();
  }

  @Test
  void anOutputDirectoryThatIsAFileIsRefusedBeforeAnyWork() throws IOException {
    Path file = Files.writeString(temp.resolve("occupied"), "x");
    Cli result = Cli.run("run", config("cdf_quantile").toString(),
        "global.output_dir=" + file, "--quiet");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("pgbarrier: output_dir " + file
        + ": exists and is not a directory\n");
  }

  @Test
  void plotRedrawsARunAndTheComparisonFromArtifacts() throws IOException {
    assertThat(run("outcome_reward", temp).exitCode()).isZero();
    assertThat(run("process_reward", temp).exitCode()).isZero();
    Path figure = temp.resolve("outcome_reward").resolve("outcome_reward_uniform_likelihood.png");
    Files.delete(figure);

    Cli redraw = Cli.run("plot", "outcome_reward_uniform", "--from", temp.toString());
    Cli compare = Cli.run("plot", "comparison", "--from", temp.toString(),
        "--out", temp.resolve("figures").toString());
    // without --out the comparison goes into FROM/comparison, where reproduce --out puts it
    Cli besideTheRuns = Cli.run("plot", "compare_outcome_process_err", "--from", temp.toString());

    assertThat(redraw.exitCode()).isZero();
    assertThat(Files.readAllBytes(figure)).startsWith(PNG);
    assertThat(compare.exitCode()).isZero();
    assertThat(temp.resolve("figures").resolve("comparison_test_error.png")).exists();
    assertThat(besideTheRuns.exitCode()).isZero();
    assertThat(temp.resolve("comparison").resolve("comparison_test_error.png")).exists();
  }

  @Test
  void plotOfAMissingArtifactSaysWhatToRun() {
    Cli result = Cli.run("plot", "cdf_quantile", "--from", temp.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("pgbarrier: cdf_quantile: no artifact cdf_quantile.json"
        + " under " + temp + " (run ./pgbarrier run CONFIG first)\n");
  }

  @Test
  void reproduceRunsTheThreeConfigsAndEndsWithTheTable() throws IOException {
    Path configs = Files.createDirectory(temp.resolve("configs"));
    shrink("outcome_reward", configs);
    shrink("process_reward", configs);
    Files.writeString(configs.resolve("cdf_quantile.yaml"), Files.readString(
        config("cdf_quantile"))
        .replace("seq_length: 100", "seq_length: 8")
        .replace("num_models: 10", "num_models: 2")
        .replace("partial_steps: 500", "partial_steps: 10")
        .replace("cdf_samples: 16384", "cdf_samples: 128")
        .replace("output_dir: outputs/cdf_quantile",
            "output_dir: " + temp.resolve("out/cdf_quantile")));

    Cli result = Cli.run("reproduce", "--configs", configs.toString(),
        "--out", temp.resolve("runs").toString(), "--quiet");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines().limit(4)).hasSize(4)
        .satisfies(lines -> assertThat(lines.get(0)).startsWith("run").contains("wall time"))
        .satisfies(lines -> assertThat(lines.get(1)).startsWith("outcome_reward_uniform"))
        .satisfies(lines -> assertThat(lines.get(2)).startsWith("process_reward_uniform"))
        .satisfies(lines -> assertThat(lines.get(3)).startsWith("cdf_quantile"));
    // --out puts everything under it, whatever the configs' own output_dir say
    assertThat(temp.resolve("runs/comparison/comparison_test_error.svg")).exists();
    assertThat(temp.resolve("runs/outcome_reward/outcome_reward_uniform.complete")).exists();
    assertThat(temp.resolve("runs/process_reward/process_reward_uniform.complete")).exists();
    assertThat(temp.resolve("runs/cdf_quantile/cdf_quantile.complete")).exists();
    assertThat(temp.resolve("out")).doesNotExist();
    assertThat(result.out()).contains("comparison figures into " + temp.resolve("runs/comparison"));
  }

  private void shrink(String experiment, Path configs) throws IOException {
    Files.writeString(configs.resolve(experiment + ".yaml"), Files.readString(config(experiment))
        .replace("seq_length: 128", "seq_length: 8")
        .replace("test_set_size: 1024", "test_set_size: 64")
        .replace("steps: 1000", "steps: 20")
        .replace("steps: 4000", "steps: 12")
        .replace("batch_size: 1024", "batch_size: 32")
        .replace("output_dir: outputs/" + experiment,
            "output_dir: " + temp.resolve("out").resolve(experiment)));
  }
}
