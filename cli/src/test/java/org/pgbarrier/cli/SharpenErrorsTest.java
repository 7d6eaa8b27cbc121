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
  void anOutputDirectoryUnderARegularFileIsExitTwo() throws IOException {
    Path file = Files.writeString(temp.resolve("occupied"), "x");
    assertOneLineError(Cli.run("sharpen", "--out", file.resolve("out").toString()), 2,
        "--out " + file.resolve("out") + ": cannot be created (Not a directory)");
    assertOneLineError(Cli.run("sharpen", "--out", file.toString()), 2,
        "--out " + file + ": exists and is not a directory");
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

  /** Runs {@code sharpen} in a JVM with heap {@code xmx}; returns its exit code and stderr. */
  private static Cli sharpenIn(String xmx, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), xmx,
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sharpen"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Cli(process.exitValue(), "", err);
  }

  /**
   * The heap keeps room for the JVM's own memory: the 76 MiB sweep of {@link
   * #anInstanceLargerThanTheHeapIsRefusedUpFrontWithTheEstimate} is refused at {@code -Xmx96m}
   * too, where it used to start (96 MiB less 32 MiB and a fifth of the rest leaves 51 MiB).
   */
  @Test
  void aHeapJustAboveTheEstimateIsRefusedForTheJvmsOwnMemory()
      throws IOException, InterruptedException {
    Path out = temp.resolve("out");
    assertOneLineError(sharpenIn("-Xmx96m", "-k", "2", "--length", "16", "--contexts", "76",
        "--base-min", "0.6", "--out", out.toString()), 2,
        "the sweep needs an estimated 76.", " MiB available; raise it with",
        "heap less the JVM's own 32.0 MiB and a fifth of the rest for the collector)");
    assertThat(out).doesNotExist();
  }

  @Test
  void aTimeBombIsRefusedUpFrontAndAllowLongLiftsTheCeiling()
      throws IOException, InterruptedException {
    Path out = temp.resolve("out");
    assertOneLineError(Cli.run("sharpen", "--samples", "1000000", "--n", "1000000", "--out",
        out.toString()), 2, "--samples 1000000 --n ... -k 8 --length 4 --contexts 50: the sweep's"
        + " work estimate samples x sum(N) x length x k + contexts x curve points x k^length = 3.20e+13:"
        + " must be at most 1e+12 (hours of computing); lower --samples, --n, --contexts, -k or"
        + " --length, or pass --allow-long");
    assertThat(out).doesNotExist();
    // with --allow-long the next check refuses: the heap of a 24 MiB JVM
    assertOneLineError(sharpenIn("-Xmx24m", "--samples", "1000000", "--n", "1000000", "-k", "2",
        "--length", "16", "--contexts", "76", "--base-min", "0.6", "--allow-long", "--out",
        out.toString()), 2, "the sweep needs an estimated");
    assertThat(out).doesNotExist();
  }

  @Test
  void aFileNameOfTheSweepTakenByADirectoryIsRefusedBeforeTheSweep() throws IOException {
    Path out = Files.createDirectories(temp.resolve("out").resolve("bon_sweep.png"));
    assertOneLineError(Cli.run("sharpen", "--out", out.getParent().toString()), 2,
        "--out " + out.getParent() + ": bon_sweep.png is not a regular file (a directory, link or"
        + " device): the sweep writes a file of that name; move it or choose another --out");
  }
}
