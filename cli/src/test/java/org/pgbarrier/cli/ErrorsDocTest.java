package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md matches the tests: every message pattern in its tables (the backticked text of a
 * row's first column, up to its first placeholder) is asserted by one of the error tests.
 */
class ErrorsDocTest {
  /** The placeholders of the patterns, {@code <PATH>}, and elisions, {@code ...}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>|\\.\\.\\.");

  /**
   * Permission messages: the tests run as root, who may write anywhere, so these are documented
   * but cannot be produced by a test; the directory-under-a-file tests cover a directory that
   * cannot be written.
   */
  private static final List<String> ROOT_ONLY = List.of(": is not writable",
      ": the figures go beside ");

  @Test
  void everyDocumentedMessagePatternIsAssertedByAnErrorTest() throws IOException {
    Path root = Cli.repositoryRoot();
    String tests;
    try (Stream<Path> files = Files.list(root.resolve("cli/src/test/java/org/pgbarrier/cli"))) {
      tests = files.filter(p -> p.getFileName().toString().matches(".*(Errors|Corruption).*"))
          .map(ErrorsDocTest::read).collect(Collectors.joining("\n")).replace("\\\"", "\"")
          .replaceAll("\"\\s*\\+\\s*\"", "");
    }
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String line : Files.readAllLines(root.resolve("docs/errors.md"))) {
      if (!line.startsWith("| ") || line.startsWith("| message") || line.startsWith("| exit")) {
        continue;
      }
      String first = line.substring(2, line.indexOf(" | "));
      Matcher code = Pattern.compile("`([^`]+)`").matcher(first);
      while (code.find()) {
        String fixed = fixedPart(code.group(1));
        if (fixed.length() >= 6 && !ROOT_ONLY.contains(fixed)) {
          checked++;
          if (!tests.contains(fixed)) {
            missing.add(code.group(1) + "  (looked for: " + fixed + ")");
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(missing).as("patterns of docs/errors.md no test asserts").isEmpty();
  }

  /** The longest run of the pattern without a placeholder. */
  private static String fixedPart(String pattern) {
    String longest = "";
    for (String part : PLACEHOLDER.split(pattern)) {
      String p = part.replaceAll("^[\\s:;,()\\[\\]/]+|[\\s:;,()\\[\\]/]+$", "");
      if (p.length() > longest.length()) {
        longest = p;
      }
    }
    return longest;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
