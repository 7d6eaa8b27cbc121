package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The successful paths of {@code pgbarrier}: help, version, and eval to stdout or a file. */
class EvalCommandTest {
  @TempDir Path temp;

  private static Path golden(String name) {
    return Cli.repositoryRoot().resolve("conformance").resolve(name);
  }

  @Test
  void helpListsTheSubcommands() {
    Cli result = Cli.run("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Commands:").contains("eval").contains("help");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void versionNamesTheFormats() {
    Cli result = Cli.run("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("pgbarrier ")
        .contains("pgbarrier/bigram-v1 -> pgbarrier/bigram-v1-eval");
  }

  @Test
  void evalWritesTheSameJsonToStandardOutputAndToOut() throws IOException {
    Path out = temp.resolve("o.json");
    Cli toStdout = Cli.run("eval", golden("tiny.json").toString());
    Cli toFile = Cli.run("eval", golden("tiny.json").toString(), "--out", out.toString());
    assertThat(toStdout.exitCode()).isZero();
    assertThat(toFile.exitCode()).isZero();
    assertThat(toStdout.err()).isEmpty();
    assertThat(toFile.out()).isEmpty();
    assertThat(toStdout.out()).startsWith("{\n  \"format\": \"pgbarrier/bigram-v1-eval\",")
        .isEqualTo(Files.readString(out));
  }

  @Test
  void outReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    Path out = Files.writeString(temp.resolve("o.json"), "old contents");
    Cli result = Cli.run("eval", golden("tiny.json").toString(), "--out", out.toString());
    assertThat(result.exitCode()).isZero();
    assertThat(Files.readString(out)).startsWith("{");
    try (Stream<Path> entries = Files.list(temp)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("o.json");
    }
  }
}
