package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input, bad argument and failure of {@code pgbarrier eval} is one line on standard
 * error, {@code pgbarrier: ...}, naming the field or path, with exit code 2 (arguments and input)
 * or 1 (runtime), no stack trace, nothing on standard output and no file left in the output
 * directory, not even a temporary one.
 */
class EvalErrorsTest {
  /** A valid input: d = 2, k = 3, N = 2, B = 2. */
  private static final String VALID = """
      {"format": "pgbarrier/bigram-v1", "d": 2, "k": 3, "N": 2,
       "W1": [[1, 2, 0.5], [3, 4, -1]],
       "W2": [[0, 1, 2], [1, 0, 0], [0, 0, 0]],
       "x": [[1, 0.5], [-1, 0.25]],
       "y": [[0, 1], [2, 2]]}
      """;

  @TempDir Path temp;

  /** {@code VALID} with {@code target}, which must occur exactly once, replaced. */
  private static String edit(String target, String replacement) {
    int at = VALID.indexOf(target);
    if (at < 0 || VALID.indexOf(target, at + 1) >= 0) {
      throw new IllegalArgumentException("not exactly once in VALID: " + target);
    }
    return VALID.replace(target, replacement);
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        arguments("malformed JSON", edit("\"d\": 2,", "\"d\": 2,,"), "line 1, column"),
        arguments("truncated JSON", VALID.substring(0, VALID.length() / 2), "end-of-input"),
        arguments("empty file", "", "empty"),
        arguments("not an object", "[1, 2]", "must be a JSON object"),
        arguments("trailing content", VALID + "{}", "after the top-level object"),
        arguments("missing key", edit("\"W2\": [[0, 1, 2], [1, 0, 0], [0, 0, 0]],", ""),
            "missing key \"W2\""),
        arguments("unknown key", edit("\"N\": 2,", "\"N\": 2, \"W3\": [],"),
            "unknown key \"W3\""),
        arguments("duplicate key", edit("\"k\": 3,", "\"k\": 3, \"k\": 3,"),
            "Duplicate field 'k'"),
        arguments("wrong format", edit("bigram-v1", "bigram-v2"),
            "format = \"pgbarrier/bigram-v2\""),
        arguments("string for a number", edit("[[1, 2, 0.5]", "[[1, \"2\", 0.5]"),
            "W1[0][1] = \"2\": must be a number"),
        arguments("null for a number", edit("[-1, 0.25]", "[-1, null]"),
            "x[1][1] = null: must be a number"),
        arguments("non-integer token id", edit("[[0, 1]", "[[0, 1.5]"), "y[0][1] = 1.5"),
        arguments("non-integer d", edit("\"d\": 2", "\"d\": 2.5"), "d = 2.5"),
        arguments("string d", edit("\"d\": 2", "\"d\": \"2\""), "d = \"2\""),
        arguments("d beyond 32 bits", edit("\"d\": 2", "\"d\": 4294967298"), "d = 4294967298"),
        arguments("W1 row count", edit("[3, 4, -1]]", "[3, 4, -1], [1, 1, 1]]"),
            "W1 has 3 rows: must have d = 2 rows"),
        arguments("W1 row length", edit("[3, 4, -1]", "[3, 4]"),
            "W1[1] has 2 entries: must have k = 3 entries"),
        arguments("W2 row length", edit("[1, 0, 0]", "[1, 0, 0, 0]"), "W2[1] has 4 entries"),
        arguments("W2 row not an array", edit("[1, 0, 0]", "7"),
            "W2[1] = 7: must be an array of numbers"),
        arguments("x row length", edit("[-1, 0.25]", "[-1, 0.25, 7]"), "x[1] has 3 entries"),
        arguments("y row length", edit("[2, 2]", "[2, 2, 2]"),
            "y[1] has 3 entries: must have N = 2 entries"),
        arguments("y rows differ from x rows", edit("[[0, 1], [2, 2]]", "[[0, 1]]"),
            "y has 1 row: must have B (the rows of x) = 2 rows"),
        arguments("token id too large", edit("[2, 2]", "[2, 3]"),
            "y[1][1] = 3: must be a token id in [0, 2]"),
        arguments("negative token id", edit("[[0, 1]", "[[-1, 1]"), "y[0][0] = -1"),
        arguments("NaN", edit("[[0, 1, 2]", "[[0, NaN, 2]"),
            "W2[0][1] = NaN: must be a finite number"),
        arguments("Infinity", edit("[1, 0.5]", "[1, Infinity]"), "x[0][1] = Infinity"),
        arguments("-Infinity", edit("[3, 4, -1]", "[3, -Infinity, -1]"), "W1[1][1] = -Infinity"),
        arguments("overflowing number", edit("[[1, 2, 0.5]", "[[1e999, 2, 0.5]"),
            "W1[0][0] = 1e999: must be a finite number (it overflows a double)"),
        arguments("k below 2", edit("\"k\": 3", "\"k\": 1"), "k = 1: must be at least 2"),
        arguments("N below 1", edit("\"N\": 2", "\"N\": 0"), "N = 0: must be at least 1"),
        arguments("d below 1", edit("\"d\": 2", "\"d\": 0"), "d = 0: must be at least 1"),
        arguments("B below 1",
            edit("\"x\": [[1, 0.5], [-1, 0.25]],\n \"y\": [[0, 1], [2, 2]]",
                "\"x\": [],\n \"y\": []"),
            "x has 0 rows"),
        arguments("more memory than the heap", edit("\"N\": 2", "\"N\": 500000000"),
            "evaluation needs an estimated"),
        arguments("larger than one array", edit("\"N\": 2", "\"N\": 2000000000"),
            "N*k = 6000000000"));
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
  void aResultThatOverflowsIsARuntimeFailureWithExitOne() throws IOException {
    Path input = temp.resolve("in.json");
    Files.writeString(input, edit("[[1, 2, 0.5]", "[[1e300, 2, 0.5]")
        .replace("[1, 0.5]", "[1e300, 0.5]"));
    Path outDir = Files.createDirectory(temp.resolve("out"));
    Cli result = Cli.run("eval", input.toString(), "--out", outDir.resolve("o.json").toString());
    assertOneLineError(result, 1, "= NaN: not finite", "overflows the double range");
    assertEmpty(outDir);
  }

  @Test
  void aMissingInputFileIsExitTwoNamingThePath() {
    Path missing = temp.resolve("missing.json");
    assertOneLineError(Cli.run("eval", missing.toString()), 2, missing.toString(),
        "no such file");
  }

  @Test
  void aDirectoryAsInputIsExitTwoNamingThePath() {
    assertOneLineError(Cli.run("eval", temp.toString()), 2, temp.toString(),
        "not a readable regular file");
  }

  @Test
  void aMissingOutputDirectoryIsExitTwoNamingIt() throws IOException {
    Path input = Files.writeString(temp.resolve("in.json"), VALID);
    Path dir = temp.resolve("no-such-dir");
    Cli result = Cli.run("eval", input.toString(), "--out", dir.resolve("o.json").toString());
    assertOneLineError(result, 2, "--out", "directory " + dir + " does not exist");
    assertThat(dir).doesNotExist();
  }

  @Test
  void anOutputDirectoryThatIsAFileIsExitTwoNamingIt() throws IOException {
    Path input = Files.writeString(temp.resolve("in.json"), VALID);
    Cli result = Cli.run("eval", input.toString(), "--out", input.resolve("o.json").toString());
    assertOneLineError(result, 2, "--out", input + " is not a directory");
    assertThat(Files.readString(input)).isEqualTo(VALID);
  }

  @Test
  void anOutputPathThatIsADirectoryIsExitTwo() throws IOException {
    Path input = Files.writeString(temp.resolve("in.json"), VALID);
    Path outDir = Files.createDirectory(temp.resolve("out"));
    Cli result = Cli.run("eval", input.toString(), "--out", outDir.toString());
    assertOneLineError(result, 2, "--out " + outDir, "is a directory");
    assertEmpty(outDir);
  }

  @Test
  void anUnknownOptionIsExitTwo() {
    assertOneLineError(Cli.run("eval", "--frobnicate", "in.json"), 2, "Unknown option",
        "'--frobnicate'");
  }

  @Test
  void aMissingInputArgumentIsExitTwo() {
    assertOneLineError(Cli.run("eval"), 2, "Missing required parameter", "IN.json");
  }

  @Test
  void anUnknownSubcommandIsExitTwo() {
    assertOneLineError(Cli.run("frobnicate"), 2, "Unmatched argument", "'frobnicate'");
  }

  @Test
  void noSubcommandIsExitTwo() {
    assertOneLineError(Cli.run(), 2, "missing subcommand", "eval");
  }

  private static void assertOneLineError(Cli result, int exitCode, String... fragments) {
    assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(exitCode);
    assertThat(result.out()).as("stdout").isEmpty();
    assertThat(result.err()).as("stderr").startsWith("pgbarrier: ").endsWith("\n");
    assertThat(result.err().lines().count()).as("stderr lines: %s", result.err()).isEqualTo(1);
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    for (String fragment : fragments) {
      assertThat(result.err()).contains(fragment);
    }
  }

  private static void assertEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> left = entries.toList();
      assertThat(left).as("files left in %s", dir).isEmpty();
    }
  }
}
