package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.pgbarrier.cli.OneLineError.assertEmpty;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pgbarrier eval} on {@code pgbarrier/lq-v1} and {@code pgbarrier/pg-step-v1} inputs, end
 * to end: a good input gives the same JSON on standard output and in {@code --out}; every class of
 * bad input is one line naming the field, its value and the rule, exit code 2, nothing on
 * standard output and no file (not even a temporary one) in the output directory.
 */
class EvalLqAndPgStepErrorsTest {
  private static final String LQ = """
      {"format": "pgbarrier/lq-v1", "eps": [0, 0.2, 0.3, 1],
       "log_likelihoods": [-1, -2, -3, -4, -5, -6, -7, -8, -9, -10]}
      """;

  private static final String LQ_TOKENS = """
      {"format": "pgbarrier/lq-v1", "eps": [0.5],
       "token_log_likelihoods": [[-1, -0.5], [-0.25, -3]]}
      """;

  private static final String PG = """
      {"format": "pgbarrier/pg-step-v1", "d": 2, "k": 3, "N": 2,
       "W1": [[1, 2, 0.5], [3, 4, -1]],
       "W2": [[0, 1, 2], [1, 0, 0], [0, 0, 0]],
       "x": [[1, 0.5], [-1, 0.25]],
       "y": [[0, 1], [2, 2]],
       "rewards": {"outcome": [1, 0]},
       "step": {"rule": "gradient-norm"}}
      """;

  @TempDir Path temp;

  private static String edit(String base, String target, String replacement) {
    int at = base.indexOf(target);
    if (at < 0 || base.indexOf(target, at + 1) >= 0) {
      throw new IllegalArgumentException("not exactly once: " + target);
    }
    return base.replace(target, replacement);
  }

  private static final String ADAGRAD = edit(PG, "{\"rule\": \"gradient-norm\"}",
      "{\"rule\": \"adagrad\", \"lr\": 0.1, \"eps\": 1e-10, \"state_W1\": [[0, 0, 0], [0, 0, 0]],"
          + " \"state_W2\": [[0, 0, 0], [0, 0, 0], [0, 0, 0]]}");

  private Cli evalBoth(String json, String expectedStart) throws IOException {
    Path input = Files.writeString(temp.resolve("in.json"), json);
    Path out = temp.resolve("o.json");
    Cli toStdout = Cli.run("eval", input.toString());
    Cli toFile = Cli.run("eval", input.toString(), "--out", out.toString());
    assertThat(toStdout.exitCode()).as("stderr: %s", toStdout.err()).isZero();
    assertThat(toFile.exitCode()).isZero();
    assertThat(toStdout.err()).isEmpty();
    assertThat(toFile.out()).isEmpty();
    assertThat(toStdout.out()).startsWith(expectedStart).isEqualTo(Files.readString(out));
    return toStdout;
  }

  @Test
  void anLqInputGivesThePapersEstimatorAndTheAuthorsIndex() throws IOException {
    Cli result = evalBoth(LQ, "{\n  \"format\": \"pgbarrier/lq-v1-eval\",");
    // n = 10: eps 0.2 -> 3rd smallest (-8), eps 0.3 -> 4th (-7), eps 1 -> log 1; authors:
    // floor(0.2 * 9) = 1 -> -9, floor(0.3 * 9) = 2 -> -8.
    assertThat(result.out()).contains("\"eps\": [0, 0.2, 0.3, 1]")
        .contains("\"log_lq\": [-10.0, -8.0, -7.0, 0.0]")
        .contains("\"log_authors_quantile\": [-10.0, -9.0, -8.0, -1.0]")
        .doesNotContain("log_token_lq");
  }

  @Test
  void tokenRowsAddTheTokenLevelLq() throws IOException {
    Cli result = evalBoth(LQ_TOKENS, "{\n  \"format\": \"pgbarrier/lq-v1-eval\",");
    // Sums -1.5, -3.25; minima -1, -3; floor(0.5 * 2) + 1 = 2nd smallest.
    assertThat(result.out()).contains("\"log_lq\": [-1.5]")
        .contains("\"log_authors_quantile\": [-3.25]")
        .contains("\"log_token_lq\": [-1.0]");
  }

  @Test
  void aPgStepInputGivesTheNewWeights() throws IOException {
    Cli result = evalBoth(PG, "{\n  \"format\": \"pgbarrier/pg-step-v1-eval\",");
    assertThat(result.out()).contains("\"W1\": [").contains("\"W2\": [")
        .doesNotContain("state_W1");
  }

  @Test
  void anAdagradStepAlsoGivesTheState() throws IOException {
    Cli result = evalBoth(ADAGRAD, "{\n  \"format\": \"pgbarrier/pg-step-v1-eval\",");
    assertThat(result.out()).contains("\"state_W1\": [").contains("\"state_W2\": [");
  }

  @Test
  void versionNamesAllThreeFormats() {
    assertThat(Cli.run("--version").out())
        .contains("pgbarrier/lq-v1 -> pgbarrier/lq-v1-eval")
        .contains("pgbarrier/pg-step-v1 -> pgbarrier/pg-step-v1-eval");
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        arguments("unknown format", edit(LQ, "lq-v1", "lq-v9"),
            "format = \"pgbarrier/lq-v9\": must be one of \"pgbarrier/bigram-v1\","),
        arguments("lq: eps above 1", edit(LQ, "0.3, 1]", "0.3, 1.0000000000000000001]"),
            "eps[3] = 1.0000000000000000001: must be a decimal number in [0, 1]"),
        arguments("lq: negative eps", edit(LQ, "[0, 0.2", "[-0.1, 0.2"),
            "eps[0] = -0.1: must be a decimal number in [0, 1]"),
        arguments("lq: eps a string", edit(LQ, "[0, 0.2", "[\"0\", 0.2"),
            "eps[0] = \"0\": must be a decimal number in [0, 1]"),
        arguments("lq: eps NaN", edit(LQ, "[0, 0.2", "[NaN, 0.2"),
            "eps[0] = NaN: must be a decimal number in [0, 1]"),
        arguments("lq: no eps", edit(LQ, "\"eps\": [0, 0.2, 0.3, 1],", ""),
            "missing key \"eps\""),
        arguments("lq: empty eps", edit(LQ, "[0, 0.2, 0.3, 1]", "[]"),
            "eps has 0 entries: must have at least 1 entry"),
        arguments("lq: positive log-likelihood", edit(LQ, "-3, -4", "-3, 0.5"),
            "log_likelihoods[3] = 0.5: must be a finite number <= 0"),
        arguments("lq: -Infinity", edit(LQ, "-3, -4", "-3, -Infinity"),
            "log_likelihoods[3] = -Infinity: must be a finite number"),
        arguments("lq: null value", edit(LQ, "-3, -4", "-3, null"),
            "log_likelihoods[3] = null: must be a number"),
        arguments("lq: no values", edit(LQ, "-1, -2, -3, -4, -5, -6, -7, -8, -9, -10", ""),
            "log_likelihoods has 0 entries"),
        arguments("lq: both value keys", edit(LQ, "\"log_likelihoods\"",
            "\"token_log_likelihoods\": [[-1]], \"log_likelihoods\""),
            "both of log_likelihoods, token_log_likelihoods given"),
        arguments("lq: neither value key", "{\"format\": \"pgbarrier/lq-v1\", \"eps\": [0]}",
            "neither of log_likelihoods, token_log_likelihoods given"),
        arguments("lq: ragged token rows", edit(LQ_TOKENS, "[-0.25, -3]", "[-0.25]"),
            "token_log_likelihoods[1] has 1 entry: must have N (the length of row 0) = 2"),
        arguments("lq: token row sum overflows", edit(LQ_TOKENS, "[-0.25, -3]",
            "[-1e308, -1e308]"), "token_log_likelihoods[1] sums to -Infinity"),
        arguments("lq: unknown key", edit(LQ, "\"eps\"", "\"epsilon\": 1, \"eps\""),
            "unknown key \"epsilon\": must be one of format, eps, log_likelihoods,"),
        arguments("lq: malformed JSON", edit(LQ, "[0, 0.2", "[0,, 0.2"), "invalid JSON at line"),
        arguments("pg: missing step", edit(PG, ",\n \"step\": {\"rule\": \"gradient-norm\"}", ""),
            "missing key \"step\": a pgbarrier/pg-step-v1 object needs all of"),
        arguments("pg: unknown rule", edit(PG, "gradient-norm", "sgd"),
            "step.rule = \"sgd\": must be \"gradient-norm\", \"constant\" or \"adagrad\""),
        arguments("pg: constant without eta", edit(PG, "gradient-norm", "constant"),
            "missing key \"eta\" in step: step.rule = \"constant\" needs rule, eta"),
        arguments("pg: eta on gradient-norm", edit(PG, "\"gradient-norm\"",
            "\"gradient-norm\", \"eta\": 0.1"),
            "step.rule = \"gradient-norm\" takes no key \"eta\""),
        arguments("pg: negative eta", edit(PG, "{\"rule\": \"gradient-norm\"}",
            "{\"rule\": \"constant\", \"eta\": -1}"), "step.eta = -1.0: must be a finite number > 0"),
        arguments("pg: outcome length", edit(PG, "[1, 0]", "[1, 0, 1]"),
            "rewards.outcome has 3 entries: must have B (the rows of x) = 2 entries"),
        arguments("pg: outcome NaN", edit(PG, "[1, 0]", "[1, NaN]"),
            "rewards.outcome[1] = NaN: must be a finite number"),
        arguments("pg: process row length", edit(PG, "{\"outcome\": [1, 0]}",
            "{\"process\": [[1, 1], [0]]}"),
            "rewards.process[1] has 1 entry: must have N = 2 entries"),
        arguments("pg: both reward kinds", edit(PG, "{\"outcome\": [1, 0]}",
            "{\"outcome\": [1, 0], \"process\": [[1, 1], [0, 0]]}"),
            "rewards has keys outcome, process: must have exactly one of outcome, process"),
        arguments("pg: unknown reward kind", edit(PG, "{\"outcome\": [1, 0]}",
            "{\"reward\": [1, 0]}"), "unknown key \"reward\" in rewards"),
        arguments("pg: rewards not an object", edit(PG, "{\"outcome\": [1, 0]}", "[1, 0]"),
            "rewards = an array: must be an object"),
        arguments("pg: adagrad negative state", edit(ADAGRAD, "\"state_W1\": [[0, 0, 0]",
            "\"state_W1\": [[0, -1, 0]"),
            "step.state_W1[0][1] = -1.0: must be a finite number >= 0"),
        arguments("pg: adagrad state shape", edit(ADAGRAD, "\"state_W1\": [[0, 0, 0], [0, 0, 0]]",
            "\"state_W1\": [[0, 0, 0]]"), "step.state_W1 has 1 row: must have d = 2 rows"),
        arguments("pg: adagrad zero eps", edit(ADAGRAD, "1e-10", "0"),
            "step.eps = 0.0: must be a finite number > 0"),
        arguments("pg: a bigram-v1 rule", edit(PG, "[[0, 1], [2, 2]]", "[[0, 1], [2, 3]]"),
            "y[1][1] = 3: must be a token id in [0, 2]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsOneLineNamingTheFieldWithExitTwoAndNoOutput(
      String category, String json, String named) throws IOException {
    Path input = temp.resolve("in.json");
    Files.writeString(input, json);
    Path outDir = Files.createDirectory(temp.resolve("out"));
    Cli result = Cli.run("eval", input.toString(), "--out", outDir.resolve("o.json").toString());
    assertOneLineError(result, 2, "in.json: ", named);
    assertEmpty(outDir);
  }

  @Test
  void aStepThatOverflowsIsARuntimeFailureWithExitOne() throws IOException {
    Path input = temp.resolve("in.json");
    Files.writeString(input, edit(edit(PG, "{\"rule\": \"gradient-norm\"}",
        "{\"rule\": \"constant\", \"eta\": 1e308}"), "[[1, 0.5]", "[[1000, 0.5]"));
    Path outDir = Files.createDirectory(temp.resolve("out"));
    Cli result = Cli.run("eval", input.toString(), "--out", outDir.resolve("o.json").toString());
    assertOneLineError(result, 1, "in.json: ", "weights left unchanged");
    assertEmpty(outDir);
  }
}
