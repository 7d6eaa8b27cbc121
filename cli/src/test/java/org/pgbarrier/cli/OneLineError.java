package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The assertions every error test makes of a failed {@code pgbarrier} command. */
final class OneLineError {
  private OneLineError() {}

  /**
   * Exit {@code exitCode}, nothing on standard output, exactly one line {@code pgbarrier: ...} on
   * standard error containing every fragment, and no stack trace.
   */
  static void assertOneLineError(Cli result, int exitCode, String... fragments) {
    assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(exitCode);
    assertThat(result.out()).as("stdout").isEmpty();
    assertThat(result.err()).as("stderr").startsWith("pgbarrier: ").endsWith("\n");
    assertThat(result.err().lines().count()).as("stderr lines: %s", result.err()).isEqualTo(1);
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    for (String fragment : fragments) {
      assertThat(result.err()).contains(fragment);
    }
  }

  /** {@code dir} holds nothing, not even a hidden temporary file. */
  static void assertEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> left = entries.toList();
      assertThat(left).as("files left in %s", dir).isEmpty();
    }
  }

  /** The regular files under {@code dir}, recursively, relative to it, sorted. */
  static List<String> filesUnder(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
          .toList();
    }
  }
}
