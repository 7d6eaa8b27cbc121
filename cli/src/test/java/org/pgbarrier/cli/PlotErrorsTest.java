package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;
import static org.pgbarrier.cli.OneLineError.filesUnder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue of {@code pgbarrier plot NAME|comparison} (docs/errors.md): a missing,
 * ambiguous or corrupt artifact, a corrupt {@code timings.json}, a bad {@code --from} or {@code
 * --out}: one line naming the file and key, exit 2, and no figure written.
 */
class PlotErrorsTest {
  private static final String NAME = "outcome_reward_uniform";

  @TempDir static Path runs;

  private static String artifact;

  @TempDir Path temp;

  @BeforeAll
  static void runOneSmallExperiment() throws IOException {
    Cli result = Cli.run("run", Cli.repositoryRoot().resolve("configs/outcome_reward.yaml")
        .toString(), "global.seq_length=8", "global.test_set_size=64",
        "global.output_dir=" + runs.resolve("ok"), "experiment.supervised.steps=20",
        "experiment.supervised.batch_size=32", "experiment.pg.steps=12",
        "experiment.pg.batch_size=32", "experiment.pg.test_every=4", "--quiet");
    assertThat(result.exitCode()).as(result.err()).isZero();
    artifact = Files.readString(runs.resolve("ok").resolve(NAME + ".json"));
  }

  private static UnaryOperator<String> replace(String target, String replacement) {
    return text -> {
      if (!text.contains(target)) {
        throw new IllegalArgumentException("not in the artifact: " + target);
      }
      return text.replaceFirst(java.util.regex.Pattern.quote(target), replacement);
    };
  }

  static Stream<Arguments> corruptArtifacts() {
    return Stream.of(
        arguments("empty file", (UnaryOperator<String>) t -> "",
            "the file is empty: must hold one JSON object"),
        arguments("truncated JSON", (UnaryOperator<String>) t -> t.substring(0, t.length() / 2),
            "invalid JSON at line "),
        arguments("malformed JSON", replace("\"name\":", "\"name\"::"), "invalid JSON at line "),
        arguments("not an object", (UnaryOperator<String>) t -> "[1, 2]",
            "the top-level value is array: must be a JSON object"),
        arguments("null", (UnaryOperator<String>) t -> "null",
            "the top-level value is null: must be a JSON object"),
        arguments("wrong format", replace("pgbarrier/experiment-v1", "pgbarrier/experiment-v9"),
            "format = 'pgbarrier/experiment-v9': must be pgbarrier/experiment-v1"),
        arguments("unknown key", replace("\"num_mix\"", "\"num_mixes\""),
            "settings.global.data_generator.num_mixes: unknown key"),
        arguments("missing key", replace("\"name\":", "\"nom\":"), "name is missing"),
        arguments("duplicate key", replace("\"name\":", "\"format\": \"x\", \"name\":"),
            "Duplicate field 'format'"),
        arguments("string for a number", replace("\"d\": 32", "\"d\": \"32\""),
            "settings.global.d = \"32\": must be a 32-bit integer"),
        arguments("zero size", replace("\"d\": 32", "\"d\": 0"), "d = 0: must be at least 1"),
        arguments("k = 1", replace("\"k\": 32", "\"k\": 1"), "k = 1: must be at least 2"),
        arguments("N = 0", replace("\"seq_length\": 8", "\"seq_length\": 0"),
            "seq_length = 0: must be at least 1"),
        arguments("NaN", replace("\"sigma\": 0.05", "\"sigma\": NaN"), "invalid JSON at line "),
        arguments("wrong name", replace("\"name\": \"outcome_reward_uniform\"",
            "\"name\": \"process_reward_uniform\""),
            "name = 'process_reward_uniform': the settings make it outcome_reward_uniform"),
        arguments("empty curve", (UnaryOperator<String>) t -> t.replaceFirst(
            "\"steps\": \\[[^\\]]*\\],\\s*\"values\": \\[[^\\]]*\\]",
            "\"steps\": [], \"values\": []"),
            "supervised.test_error.steps = []: must hold at least one value"),
        arguments("descending edges", (UnaryOperator<String>) t -> replace("\"counts\": [",
            "\"counts\": [0, ").apply(replace("\"edges\": [", "\"edges\": [1.0, ").apply(t)),
            ": must be greater than edges[0] = 1.0 (edges ascend)"),
        arguments("index out of range", replace("\"pool_index\": [", "\"pool_index\": [99999, "),
            "tracked.pool_index[0] = 99999: must be an index into the pool, in [0, "),
        arguments("1e308", replace("\"values\": [", "\"values\": [1e308, "),
            "supervised.test_error.values[0] = 1.0E308: must be in [0.0, 1.0]"),
        arguments("negative count", replace("\"counts\": [", "\"counts\": [-1, "),
            "base_likelihoods.histogram.counts[0] = -1: must be at least 0"),
        arguments("second document", (UnaryOperator<String>) t -> t + "{}\n",
            "a second JSON value after the top-level object: the file holds one object"),
        arguments("deep nesting", replace("\"name\":", "\"deep\": " + "[".repeat(100)
            + "]".repeat(100) + ", \"name\":"),
            "nesting depth 65: arrays and objects may nest at most 64 levels deep"),
        arguments("long key", replace("\"name\":", "\"" + "k".repeat(60_000) + "\": 1, \"name\":"),
            "a key of 60000 characters: keys may be at most 50000 long"));
  }

  @Test
  void aNumberOfAnyLengthIsAccepted() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("run"));
    Files.writeString(dir.resolve(NAME + ".json"),
        artifact.replace("\"sigma\": 0.05", "\"sigma\": 0.05" + "0".repeat(5000)));
    org.pgbarrier.io.RunCompletion.complete(dir, NAME);
    Cli result = Cli.run("plot", NAME, "--from", temp.toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void aUtf16ArtifactIsRefusedAsNotUtf8() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("run"));
    Path file = Files.writeString(dir.resolve(NAME + ".json"), artifact,
        java.nio.charset.StandardCharsets.UTF_16);
    assertOneLineError(Cli.run("plot", NAME, "--from", temp.toString()), 2,
        file + ": not UTF-8 text (it looks like UTF-16 or UTF-32): save it as UTF-8");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptArtifacts")
  void aCorruptArtifactIsOneLineNamingTheFileAndKeyWithExitTwoAndNoFigure(String label,
      UnaryOperator<String> corrupt, String named) throws IOException {
    Path dir = Files.createDirectory(temp.resolve("run"));
    Path file = Files.writeString(dir.resolve(NAME + ".json"), corrupt.apply(artifact));
    assertOneLineError(Cli.run("plot", NAME, "--from", temp.toString()), 2, file + ": ", named);
    assertThat(filesUnder(dir)).containsExactly(NAME + ".json");
  }

  @Test
  void aCorruptTimingsFileIsExitTwoNamingIt() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("run"));
    Files.writeString(dir.resolve(NAME + ".json"), artifact);
    Path timings = Files.writeString(dir.resolve("timings.json"), "{\"" + NAME + "\": {\"pg\": ");
    assertOneLineError(Cli.run("plot", NAME, "--from", temp.toString()), 2,
        timings.toAbsolutePath() + ": ", "timings.json: invalid JSON");
    Files.writeString(timings, "{\"" + NAME + "\": {\"pg\": \"slow\"}}");
    assertOneLineError(Cli.run("plot", NAME, "--from", temp.toString()), 2,
        NAME + ".pg = \"slow\": must be a number of seconds");
    assertThat(filesUnder(dir)).containsExactly(NAME + ".json", "timings.json");
  }

  @Test
  void anArtifactThatDoesNotExistSaysWhatToRun() {
    assertOneLineError(Cli.run("plot", "cdf_quantile", "--from", runs.toString()), 2,
        "cdf_quantile: no artifact cdf_quantile.json under " + runs,
        "run ./pgbarrier run CONFIG first");
  }

  @Test
  void aComparisonWithoutTheProcessRunIsExitTwoAndCreatesNoOutput() {
    Path out = temp.resolve("comparison");
    assertOneLineError(Cli.run("plot", "comparison", "--from", runs.toString(),
        "--out", out.toString()), 2, "comparison: no artifact process_reward_uniform.json or"
        + " process_reward_threshold.json");
    assertThat(out).doesNotExist();
  }

  @Test
  void twoArtifactsOfTheSameNameAreExitTwo() throws IOException {
    for (String dir : List.of("a", "b")) {
      Files.writeString(Files.createDirectory(temp.resolve(dir)).resolve(NAME + ".json"),
          artifact);
    }
    assertOneLineError(Cli.run("plot", NAME, "--from", temp.toString()), 2,
        "several artifacts " + NAME + ".json", "name one directory with --from");
  }

  @Test
  void aFromThatIsNotADirectoryIsExitTwo() throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "x");
    assertOneLineError(Cli.run("plot", NAME, "--from", file.toString()), 2,
        "--from " + file + ": not a directory");
    assertOneLineError(Cli.run("plot", NAME, "--from", temp.resolve("missing").toString()), 2,
        "not a directory");
  }

  @Test
  void aComparisonOutputUnderARegularFileIsExitTwo() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("runs"));
    for (String name : List.of("outcome_reward_uniform", "process_reward_uniform")) {
      Files.writeString(Files.createDirectory(dir.resolve(name)).resolve(name + ".json"),
          artifact.replace("outcome_reward", name.replace("_uniform", ""))
              .replace("\"type\": \"outcome_reward\"", "\"type\": \""
                  + name.replace("_uniform", "") + "\""));
    }
    Path file = Files.writeString(temp.resolve("occupied"), "x");
    assertOneLineError(Cli.run("plot", "comparison", "--from", dir.toString(),
        "--out", file.resolve("out").toString()), 2,
        "--out " + file.resolve("out") + ": cannot be created (Not a directory)");
  }

  @Test
  void aMissingNameIsExitTwo() {
    assertOneLineError(Cli.run("plot"), 2, "Missing required parameter: 'NAME'");
  }
}
