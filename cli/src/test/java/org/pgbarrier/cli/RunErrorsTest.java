package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue of {@code pgbarrier run CONFIG.yaml [key=value ...]} (docs/errors.md):
 * every bad config text, override or output directory is one line naming the key, the value and
 * the rule, exit 2, and no output directory created; a runtime failure is one line, exit 1, and
 * leaves no output directory behind either. The config is the shipped outcome-reward config shrunk
 * to a sub-second run, so that a bad input wrongly accepted would still finish quickly.
 */
class RunErrorsTest {
  @TempDir Path temp;

  /** The shipped outcome-reward config, shrunk, writing into {@code out}. */
  private static String shrunk(String name, Path out) throws IOException {
    return Files.readString(Cli.repositoryRoot().resolve("configs").resolve(name))
        .replace("seq_length: 128", "seq_length: 8")
        .replace("test_set_size: 1024", "test_set_size: 64")
        .replace("steps: 1000", "steps: 20")
        .replace("steps: 4000", "steps: 12")
        .replace("batch_size: 1024", "batch_size: 32")
        .replace("batch_size: 256", "batch_size: 32")
        .replace("seq_length: 100", "seq_length: 8")
        .replace("num_models: 10", "num_models: 2")
        .replace("partial_steps: 500", "partial_steps: 10")
        .replace("cdf_samples: 16384", "cdf_samples: 128")
        .replaceAll("output_dir: \\S+", "output_dir: " + out);
  }

  private static Arguments text(String label, UnaryOperator<String> edit, String... named) {
    return arguments(label, "outcome_reward.yaml", edit, List.of(), named);
  }

  private static Arguments override(String label, String override, String... named) {
    return arguments(label, "outcome_reward.yaml", UnaryOperator.identity(), List.of(override),
        named);
  }

  private static UnaryOperator<String> replace(String target, String replacement) {
    return text -> {
      if (!text.contains(target)) {
        throw new IllegalArgumentException("not in the config: " + target);
      }
      return text.replace(target, replacement);
    };
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        text("malformed YAML", replace("  d: 32\n", "  d: [32\n"), "outcome_reward.yaml:",
            "malformed YAML"),
        text("truncated YAML", t -> t.substring(0, t.indexOf("  supervised:") + 20),
            "outcome_reward.yaml:"),
        text("truncated before a block", t -> t.substring(0, t.indexOf("experiment:")),
            "experiment: required key is missing"),
        text("empty file", t -> "", "outcome_reward.yaml"),
        text("not a mapping", t -> "- 1\n- 2\n", "must be a mapping with the keys global and"
            + " experiment"),
        text("unknown key", replace("  d: 32\n", "  d: 32\n  dd: 3\n"), "global.dd = 3",
            "unknown key"),
        text("missing key", replace("  k: 32\n", ""), "global.k: required key is missing"),
        text("duplicate key", replace("  k: 32\n", "  k: 32\n  k: 32\n"), "global.k = 32",
            "duplicate key"),
        text("list for a number", replace("test_every: 50\n    track_every",
            "test_every: [50]\n    track_every"),
            "experiment.pg.test_every = [...]: must be an integer, not a list"),
        override("unknown key by override", "+global.foo=1", "global.foo = 1", "unknown key"),
        override("missing key by override", "~global.d", "global.d: required key is missing"),
        override("string for an integer", "global.d=abc", "global.d = abc",
            "must be an integer"),
        override("decimal for an integer", "global.d=3.5", "global.d = 3.5"),
        override("string for a boolean", "experiment.pg.baseline=fasle",
            "experiment.pg.baseline = fasle", "must be a boolean"),
        override("NaN", "experiment.pg.optimizer.lr=.nan", "experiment.pg.optimizer.lr = .nan",
            "must be finite and > 0"),
        override("NaN spelled out", "experiment.pg.optimizer.lr=NaN",
            "experiment.pg.optimizer.lr = NaN", "must be a number"),
        override("infinity", "experiment.pg.optimizer.lr=.inf", "experiment.pg.optimizer.lr = .inf",
            "must be finite and > 0"),
        override("minus infinity", "experiment.pg.optimizer.lr=-.inf", "lr = -.inf"),
        override("zero size", "global.test_set_size=0", "global.test_set_size = 0",
            "must be at least 1"),
        override("negative size", "experiment.pg.batch_size=-5",
            "experiment.pg.batch_size = -5", "must be at least 1"),
        override("zero steps", "experiment.pg.steps=0", "experiment.pg.steps = 0"),
        override("zero dimension", "global.d=0", "global.d = 0", "must be at least 1"),
        override("k = 1", "global.k=1", "global.k = 1", "must be at least 2"),
        override("N = 0", "global.seq_length=0", "global.seq_length = 0", "must be at least 1"),
        override("integer beyond 32 bits", "global.test_set_size=4294967296",
            "global.test_set_size = 4294967296"),
        override("unknown target", "experiment.pg.optimizer._target_=torch.optim.Adam",
            "experiment.pg.optimizer._target_ = torch.optim.Adam", "unknown target"),
        override("threshold out of range", "+experiment.initial_likelihood_threshold=2",
            "experiment.initial_likelihood_threshold = 2"),
        override("bad interpolation", "global.output_dir=${global.nope}",
            "interpolation ${global.nope}: no such key"),
        override("override without a value", "global.d", "override global.d: must be key=value"),
        override("more memory than the heap", "global.test_set_size=2000000000",
            "the run needs an estimated ", "(test set ", "GiB available; raise it with"
            + " PGBARRIER_JAVA_OPTS=-Xmx<size> ./pgbarrier ... or lower global.test_set_size"),
        arguments("a tracked history larger than the heap (work ceiling lifted)",
            "outcome_reward.yaml", UnaryOperator.identity(),
            List.of("experiment.pg.steps=2000000000", "--allow-long"),
            new String[] {"the run needs an estimated ", "tracked history",
                "raise experiment.pg.track_every"}),
        override("weights larger than the heap", "global.k=100000", "(weights ",
            "lower global.d or global.k"),
        arguments("no pool sample below the threshold", "outcome_reward.yaml",
            UnaryOperator.identity(), List.of("experiment.likelihood_tracking_type=threshold",
                "+experiment.initial_likelihood_threshold=1e-300"),
            new String[] {"initial_likelihood_threshold = 1.0E-300: no sample of the tracking pool",
                "raise it or enlarge the pool"}),
        arguments("cdf samples larger than the heap", "cdf_quantile.yaml",
            UnaryOperator.identity(), List.of("experiment.cdf_samples=2000000000"),
            new String[] {"(cdf samples ", "lower experiment.cdf_samples"}),
        arguments("cdf step count beyond 32 bits", "cdf_quantile.yaml", UnaryOperator.identity(),
            List.of("experiment.num_models=100000", "experiment.partial_steps=100000"),
            new String[] {"num_models * partial_steps = 10000000000 must be at most"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void aBadConfigIsOneLineNamingTheKeyWithExitTwoAndNoOutputDirectory(String label,
      String name, UnaryOperator<String> edit, List<String> overrides, String[] named)
      throws IOException {
    Path out = temp.resolve("out");
    Path config = temp.resolve(name);
    Files.writeString(config, edit.apply(shrunk(name, out)));
    List<String> args = new ArrayList<>(List.of("run", config.toString()));
    args.addAll(overrides);
    args.add("--quiet");

    assertOneLineError(Cli.run(args.toArray(String[]::new)), 2, named);
    assertThat(out).doesNotExist();
  }

  @Test
  void aMissingConfigIsExitTwoNamingIt() {
    Path missing = temp.resolve("missing.yaml");
    assertOneLineError(Cli.run("run", missing.toString()), 2, missing + ": no such file");
  }

  @Test
  void aConfigThatIsNotUtf8IsExitTwoNamingIt() throws IOException {
    Path config = Files.write(temp.resolve("outcome_reward.yaml"), new byte[] {'a', (byte) 0xff});
    assertOneLineError(Cli.run("run", config.toString()), 2, config + ": not UTF-8 text");
  }

  @Test
  void aThreadCountOutsideItsRangeIsExitTwoBeforeAnyWork() throws IOException {
    Path config = Files.writeString(temp.resolve("outcome_reward.yaml"),
        shrunk("outcome_reward.yaml", temp.resolve("out")));
    assertOneLineError(Cli.run("run", config.toString(), "--threads", "0", "--quiet"), 2,
        "--threads 0: must be between 1 and 1024");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void aDirectoryAsConfigIsExitTwoNamingIt() {
    assertOneLineError(Cli.run("run", temp.toString()), 2, temp + ": not a readable regular file");
  }

  @Test
  void anOutputDirectoryUnderARegularFileIsExitTwoAndCreatesNothing() throws IOException {
    Path file = Files.writeString(temp.resolve("occupied"), "x");
    Path config = Files.writeString(temp.resolve("outcome_reward.yaml"),
        shrunk("outcome_reward.yaml", file.resolve("out")));
    assertOneLineError(Cli.run("run", config.toString(), "--quiet"), 2,
        "output_dir " + file.resolve("out") + ": cannot be created (Not a directory)");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void anOutputDirectoryThatIsAFileIsExitTwoAndLeavesItAlone() throws IOException {
    Path file = Files.writeString(temp.resolve("occupied"), "x");
    Path config = Files.writeString(temp.resolve("outcome_reward.yaml"),
        shrunk("outcome_reward.yaml", file));
    assertOneLineError(Cli.run("run", config.toString(), "--quiet"), 2,
        "output_dir " + file + ": exists and is not a directory");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void aLearnerThatOverflowsIsARuntimeFailureWithExitOneAndNoOutputDirectory() throws IOException {
    Path out = temp.resolve("a/b");
    Path config = Files.writeString(temp.resolve("outcome_reward.yaml"),
        shrunk("outcome_reward.yaml", out));
    Cli result = Cli.run("run", config.toString(), "experiment.supervised.optimizer.lr=1e308",
        "experiment.supervised.optimizer._target_=torch.optim.SGD", "--quiet");
    assertOneLineError(result, 1, "E1 supervised cross-entropy, step ", "is not finite");
    assertThat(temp.resolve("a")).doesNotExist();
  }

  @Test
  void aMissingConfigArgumentIsExitTwo() {
    assertOneLineError(Cli.run("run"), 2, "Missing required parameter: 'CONFIG'");
  }

  @Test
  void anUnknownOptionIsExitTwo() {
    assertOneLineError(Cli.run("run", "x.yaml", "--frobnicate"), 2,
        "Unknown option: '--frobnicate'");
  }
}
