package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to crash a reader end in the usual one line: YAML nested deeper than the stated
 * depth (a config file or an override), and JSON inputs of {@code eval} nested too deep or in
 * UTF-16.
 */
class ReaderLimitsErrorsTest {
  @TempDir Path temp;

  private static String nested(int depth) {
    return "[".repeat(depth) + "1" + "]".repeat(depth);
  }

  @Test
  void aDeeplyNestedConfigIsRefusedAtItsLine() throws IOException {
    Path config = Files.writeString(temp.resolve("outcome_reward.yaml"),
        Files.readString(Cli.repositoryRoot().resolve("configs/outcome_reward.yaml"))
            .replace("  d: 32", "  d: " + nested(100_000))
            .replace("output_dir: outputs/outcome_reward", "output_dir: " + temp.resolve("o")));
    assertOneLineError(Cli.run("run", config.toString(), "--quiet"), 2,
        config + ":7: global.d", " = [...]: nested deeper than 64 levels: a config is at most 64"
            + " levels deep");
    assertThat(temp.resolve("o")).doesNotExist();
  }

  @Test
  void aDeeplyNestedOverrideIsRefused() {
    assertOneLineError(Cli.run("run",
        Cli.repositoryRoot().resolve("configs/outcome_reward.yaml").toString(),
        "global.d=" + nested(100_000), "--quiet"), 2,
        "override global.d=", "nested deeper than 64 levels");
  }

  @Test
  void evalRefusesDeepNestingAndUtf16() throws IOException {
    String tiny = Files.readString(Cli.repositoryRoot().resolve("conformance/tiny.json"));
    Path deep = Files.writeString(temp.resolve("deep.json"),
        tiny.replaceFirst("\"format\"", "\"x\": " + nested(5000) + ", \"format\""));
    assertOneLineError(Cli.run("eval", deep.toString()), 2, deep + ": invalid JSON: ",
        "nesting depth 65: arrays and objects may nest at most 64 levels deep");
    Path utf16 = Files.writeString(temp.resolve("utf16.json"), tiny, StandardCharsets.UTF_16LE);
    assertOneLineError(Cli.run("eval", utf16.toString()), 2,
        "not UTF-8 text (it looks like UTF-16 or UTF-32)");
    Path utf32 = Files.write(temp.resolve("utf32.json"), tiny.getBytes("UTF-32BE"));
    assertOneLineError(Cli.run("eval", utf32.toString()), 2,
        "not UTF-8 text (it looks like UTF-16 or UTF-32)");
  }

  @Test
  void aTimeBombIsRefusedUpFrontUnlessAllowed() {
    Cli result = Cli.run("run",
        Cli.repositoryRoot().resolve("configs/process_reward.yaml").toString(),
        "experiment.pg.batch_size=65536", "global.output_dir=" + temp.resolve("o"), "--quiet");
    assertOneLineError(result, 2, "the run's work estimate steps x batch x N x k (x m for"
        + " best-of-m) = ", ": must be at most 1e+12 (hours of computing); lower the steps or"
        + " batch_size, or pass --allow-long");
    assertThat(temp.resolve("o")).doesNotExist();
  }
}
