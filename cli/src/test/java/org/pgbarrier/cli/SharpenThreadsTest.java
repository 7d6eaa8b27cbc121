package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pgbarrier.cli.OneLineError.filesUnder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sharpen --threads N} gives the same bytes at 1 and 2 threads, and its progress display
 * (standard error a pipe here) prints each phase's 100% line once and ends with a newline.
 */
class SharpenThreadsTest {
  @TempDir Path temp;

  private static String[] sweep(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("sharpen", "--out", out.toString(),
        "--seed", "5", "-k", "8", "--length", "2", "--contexts", "70", "--n", "1,4,16",
        "--samples", "300"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void oneAndTwoThreadsWriteTheSameBytes() throws IOException {
    Path one = temp.resolve("one");
    Path two = temp.resolve("two");
    Cli first = Cli.run(sweep(one, "--threads", "1", "--quiet"));
    Cli second = Cli.run(sweep(two, "--threads", "2", "-q"));
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(filesUnder(two)).isEqualTo(filesUnder(one));
    for (String file : filesUnder(one)) {
      assertThat(Files.mismatch(one.resolve(file), two.resolve(file))).as(file).isEqualTo(-1);
    }
  }

  @Test
  void theProgressPrintsEachFinalLineOnceAndEndsWithANewline() {
    Cli result = Cli.run(sweep(temp.resolve("progress"), "--threads", "2"));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).endsWith("\n");
    List<String> lines = result.err().lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("exact law") && l.contains("100%")))
        .hasSize(1);
    assertThat(lines.stream().filter(l -> l.startsWith("best-of-N") && l.contains("100%")))
        .hasSize(1);
  }

  @Test
  void aThreadCountOutOfRangeIsRefused() {
    OneLineError.assertOneLineError(Cli.run(sweep(temp.resolve("x"), "--threads", "0")), 2,
        "--threads 0: must be between 1 and 1024");
    assertThat(temp.resolve("x")).doesNotExist();
  }
}
