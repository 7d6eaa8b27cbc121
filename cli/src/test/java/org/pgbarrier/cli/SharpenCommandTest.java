package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgbarrier.io.RunCompletion;

/**
 * {@code pgbarrier sharpen} end to end on tiny instances. The expected values are worked out by
 * hand for two responses: {@code k = 2}, one token, one context and base token likelihood {@code
 * 0.7}, so {@code pi_base = (0.7, 0.3)} up to relabelling, {@code y*} the response of mass 0.7 and
 * {@code P(BoN_N = y*) = 1 - 0.3^N}.
 */
class SharpenCommandTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private static final List<String> FILES = List.of("sharpen.json", "bon_sweep.csv",
      "regime_map.csv", "bon_sweep.png", "bon_sweep.svg", "bon_sweep.pdf", "regime_map.png",
      "regime_map.svg", "regime_map.pdf");

  @TempDir Path temp;

  /** Two responses of masses 0.7 and 0.3; q = 0.95 puts 0.7 between tau(5) and tau(2). */
  private static String[] twoResponses(Path out, String seed) {
    return new String[] {"sharpen", "--out", out.toString(), "--seed", seed, "-k", "2",
        "--length", "1", "--contexts", "1", "--base-min", "0.7", "--base-max", "0.7", "-n",
        "10,1,3,2", "--samples", "400", "--budget", "2", "--max-budget", "5", "--confidence",
        "0.95"};
  }

  @Test
  void writesEveryFileWithTheExactLawOfTwoResponsesAndMonteCarloInsideItsInterval()
      throws IOException {
    Path out = temp.resolve("out");
    Cli result = Cli.run(twoResponses(out, "7"));

    assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
    // standard error carries only the progress of the two phases (SharpenThreadsTest)
    assertThat(result.err().lines()).allMatch(l -> l.startsWith("exact law")
        || l.startsWith("best-of-N"));
    for (String file : FILES) {
      assertThat(out.resolve(file)).isRegularFile();
    }
    assertThat(Files.readAllBytes(out.resolve("bon_sweep.png"))).startsWith(PNG_SIGNATURE);
    assertThat(Files.readAllBytes(out.resolve("regime_map.png"))).startsWith(PNG_SIGNATURE);
    assertThat(Files.readString(out.resolve("regime_map.svg"))).contains("<svg");

    JsonNode json = new ObjectMapper().readTree(out.resolve("sharpen.json").toFile());
    assertThat(json.get("format").asText()).isEqualTo("pgbarrier/sharpen-v1");
    JsonNode points = json.get("best_of_n").get("points");
    int[] n = {1, 2, 3, 10};
    assertThat(points).hasSize(n.length);
    for (int j = 0; j < n.length; j++) {
      JsonNode point = points.get(j);
      assertThat(point.get("N").asInt()).isEqualTo(n[j]);
      assertThat(point.get("exact").asDouble()).isCloseTo(1 - Math.pow(0.3, n[j]),
          within(1e-12));
      int successes = point.get("successes").asInt();
      double monteCarlo = point.get("monte_carlo").asDouble();
      assertThat(monteCarlo).isEqualTo(successes / 400.0);
      assertThat(point.get("ci_low").asDouble()).isLessThanOrEqualTo(monteCarlo);
      assertThat(point.get("ci_high").asDouble()).isGreaterThanOrEqualTo(monteCarlo);
    }
    JsonNode regimes = json.get("regimes");
    assertThat(regimes.get("tau_budget").asDouble()).isCloseTo(1 - Math.sqrt(0.05),
        within(1e-15));
    assertThat(regimes.get("tau_max_budget").asDouble()).isCloseTo(1 - Math.pow(0.05, 0.2),
        within(1e-15));
    JsonNode context = regimes.get("contexts").get(0);
    assertThat(context.get("p_star").asDouble()).isCloseTo(0.7, within(1e-12));
    assertThat(context.get("regime").asText()).isEqualTo("tail");
    assertThat(Files.readAllLines(out.resolve("bon_sweep.csv"))).hasSize(1 + n.length)
        .first().isEqualTo("N,exact,successes,samples,monte_carlo,ci_low,ci_high");
    assertThat(result.out()).contains("Monte Carlo").contains("95% CI")
        .contains("tail 1").contains("wrote sharpen.json");
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    Path other = temp.resolve("other");
    assertThat(Cli.run(twoResponses(first, "11")).exitCode()).isZero();
    assertThat(Cli.run(twoResponses(second, "11")).exitCode()).isZero();
    assertThat(Cli.run(twoResponses(other, "12")).exitCode()).isZero();

    for (String file : FILES) {
      assertThat(Files.readAllBytes(second.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
    assertThat(Files.readString(other.resolve("sharpen.json"), StandardCharsets.UTF_8))
        .isNotEqualTo(Files.readString(first.resolve("sharpen.json"), StandardCharsets.UTF_8));
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        arguments(List.of("-k", "1"), "-k 1: the vocabulary needs at least 2 tokens"),
        arguments(List.of("--length", "0"), "--length 0: must be at least 1"),
        arguments(List.of("--contexts", "0"), "--contexts 0: must be at least 1"),
        arguments(List.of("-k", "10", "--length", "6"), "k^length must be at most 100000"),
        arguments(List.of("--contexts", "2000"), "contexts * k^length = 8192000"),
        arguments(List.of("-k", "2", "--base-min", "0.5", "--base-max", "0.9"),
            "--base-min 0.5: must be in (1/k, 1) = (0.5, 1)"),
        arguments(List.of("--base-max", "0.1"), "--base-max 0.1: must be in [base-min, 1)"),
        arguments(List.of("-n", "1,0,5"), "--n 0: every N must be in [1, 1000000]"),
        arguments(List.of("-n", "1,two"), "Invalid value for option '--n'"),
        arguments(List.of("--samples", "0"), "--samples 0: must be in [1, 1000000]"),
        arguments(List.of("--budget", "0.5"), "--budget 0.5: must be at least 1"),
        arguments(List.of("--max-budget", "10"),
            "--max-budget 10.0: must be finite and greater than --budget 10.0"),
        arguments(List.of("--confidence", "1"), "--confidence 1.0: must be in (0, 1)"),
        arguments(List.of("--level", "0"), "--level 0.0: must be in (0, 1)"),
        arguments(List.of("--seed", "x"), "Invalid value for option '--seed'"),
        arguments(List.of("--frobnicate"), "Unknown option: '--frobnicate'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOptions")
  void aBadOptionIsOneLineWithExitTwoAndNoOutput(List<String> options, String message)
      throws IOException {
    Path out = temp.resolve("out");
    List<String> args = new ArrayList<>(List.of("sharpen", "--out", out.toString()));
    args.addAll(options);
    Cli result = Cli.run(args.toArray(String[]::new));
    assertOneLineError(result, message);
    assertThat(out).doesNotExist();
  }

  @Test
  void anOutputDirectoryWhoseParentIsMissingIsCreatedWithItAsRunsOutputDir() throws IOException {
    Path out = temp.resolve("missing/out");
    Cli result = Cli.run(twoResponses(out, "7"));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(RunCompletion.isComplete(out, "sharpen")).isTrue();
  }

  @Test
  void anOutputPathThatIsAFileIsExitTwoAndLeavesTheFile() throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "keep");
    Cli result = Cli.run("sharpen", "--out", file.toString());
    assertOneLineError(result, "--out " + file + ": exists and is not a directory");
    assertThat(Files.readString(file)).isEqualTo("keep");
  }

  private static void assertOneLineError(Cli result, String fragment) {
    assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(2);
    assertThat(result.out()).as("stdout").isEmpty();
    assertThat(result.err()).as("stderr").startsWith("pgbarrier: ").endsWith("\n")
        .doesNotContain("Exception").doesNotContain("\tat ").contains(fragment);
    assertThat(result.err().lines().count()).as("stderr lines: %s", result.err()).isEqualTo(1);
  }
}
