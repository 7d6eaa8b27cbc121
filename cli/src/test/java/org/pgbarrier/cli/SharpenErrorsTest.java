package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue of {@code pgbarrier sharpen} (docs/errors.md): every bad option is one
 * line naming the option, its value and the rule, exit 2, and no output directory created.
 */
class SharpenErrorsTest {
  @TempDir Path temp;

  static Stream<Arguments> badOptions() {
    return Stream.of(
        arguments(List.of("-k", "1"), "-k 1: the vocabulary needs at least 2 tokens"),
        arguments(List.of("-k", "0"), "-k 0: the vocabulary needs at least 2 tokens"),
        arguments(List.of("--length", "0"), "--length 0: must be at least 1"),
        arguments(List.of("--length", "-2"), "--length -2: must be at least 1"),
        arguments(List.of("--contexts", "0"), "--contexts 0: must be at least 1"),
        arguments(List.of("-k", "10", "--length", "6"), "k^length must be at most 100000"),
        arguments(List.of("--contexts", "100000"), "contexts * k^length = 409600000"),
        arguments(List.of("--base-min", "NaN"), "--base-min NaN: must be in (1/k, 1)"),
        arguments(List.of("--base-min", "0.1"), "--base-min 0.1: must be in (1/k, 1)"),
        arguments(List.of("--base-max", "Infinity"), "--base-max Infinity: must be in [base-min,"),
        arguments(List.of("--n", "0"), "--n 0: every N must be in [1, 1000000]"),
        arguments(List.of("--n", "1,x"), "Invalid value for option '--n' (N): 'x' is not an int"),
        arguments(List.of("--samples", "-1"), "--samples -1: must be in [1, 1000000]"),
        arguments(List.of("--samples", "1.5"), "'1.5' is not an int"),
        arguments(List.of("--budget", "NaN"), "--budget NaN: must be at least 1"),
        arguments(List.of("--budget", "Infinity"), "--budget Infinity: must be at least 1"),
        arguments(List.of("--max-budget", "5"), "--max-budget 5.0: must be finite and greater"),
        arguments(List.of("--confidence", "1"), "--confidence 1.0: must be in (0, 1)"),
        arguments(List.of("--level", "NaN"), "--level NaN: must be in (0, 1)"),
        arguments(List.of("--seed", "x"), "Invalid value for option '--seed': 'x' is not a long"),
        arguments(List.of("--frobnicate"), "Unknown option: '--frobnicate'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOptions")
  void aBadOptionIsOneLineNamingItWithExitTwoAndNoOutputDirectory(List<String> options,
      String named) {
    Path out = temp.resolve("out");
    List<String> args = new ArrayList<>(List.of("sharpen", "--out", out.toString()));
    args.addAll(options);
    assertOneLineError(Cli.run(args.toArray(String[]::new)), 2, named);
    assertThat(out).doesNotExist();
  }

  @Test
  void anOutputDirectoryWithoutItsParentIsExitTwo() {
    Path out = temp.resolve("missing/out");
    assertOneLineError(Cli.run("sharpen", "--out", out.toString()), 2,
        "--out " + out + ": parent directory " + out.getParent() + " does not exist");
    assertThat(out.getParent()).doesNotExist();
  }

  @Test
  void anOutputDirectoryUnderARegularFileIsExitTwo() throws IOException {
    Path file = Files.writeString(temp.resolve("occupied"), "x");
    assertOneLineError(Cli.run("sharpen", "--out", file.resolve("out").toString()), 2,
        "parent directory " + file + " does not exist");
    assertOneLineError(Cli.run("sharpen", "--out", file.toString()), 2,
        "--out " + file + ": is not a directory");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  /**
   * The in-process heap is too large for any allowed instance to exceed it, so this runs the
   * command in a fresh JVM with a 24 MiB heap: {@code k = 2, length = 16, 76 contexts} enumerate
   * {@code 76 * 2^16} base probabilities twice, about 76 MiB.
   */
  @Test
  void anInstanceLargerThanTheHeapIsRefusedUpFrontWithTheEstimate()
      throws IOException, InterruptedException {
    Path out = temp.resolve("out");
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "sharpen", "-k", "2", "--length", "16", "--contexts", "76", "--base-min", "0.6",
        "--out", out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertOneLineError(new Cli(process.exitValue(), "", err), 2,
        "-k 2 --length 16 --contexts 76: the sweep needs an estimated 76.", " MiB of heap, more"
        + " than the ", "PGBARRIER_JAVA_OPTS=-Xmx", "lower --contexts, -k or --length");
    assertThat(out).doesNotExist();
  }
}
