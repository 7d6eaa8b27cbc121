package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every behaviour of the authors' code ({@code utils/behavior_policy.py}), for the outcome and
 * the process reward, run at 1, 2 and 5 threads on a small config: every byte of every artifact
 * (all but {@code timings.json}) is the same, {@code pg.queries} included. Mutant twin: with a
 * query counter that is not thread-safe (the best-of-m behaviour charges the process queries of
 * its candidates from the worker threads), the best-of-m runs at 2 and 5 threads lose charges and
 * this test fails on {@code NAME.json} (run once against the old counter: the outcome and process
 * best-of-m cases failed, {@code pg.queries} short by a few hundred; the other ten passed).
 */
class ThreadCountArtifactsTest {
  @TempDir Path temp;

  static Stream<Arguments> behaviours() {
    List<String> behaviours = List.of(
        "{_target_: utils.behavior_policy.OnPolicyBehavior}",
        "{_target_: utils.behavior_policy.FrozenPolicyBehavior}",
        "{_target_: utils.behavior_policy.UniformBehavior}",
        "{_target_: utils.behavior_policy.EpsilonMixtureBehavior, epsilon: 0.3,"
            + " base_behavior: {_target_: utils.behavior_policy.FrozenPolicyBehavior}}",
        "{_target_: utils.behavior_policy.BoMProcessPolicy, m: 6,"
            + " base_policy: {_target_: utils.behavior_policy.OnPolicyBehavior}}",
        "{_target_: utils.behavior_policy.TeacherForcingBehavior}");
    return Stream.of("outcome_reward", "process_reward")
        .flatMap(e -> behaviours.stream().map(b -> Arguments.of(e, b)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("behaviours")
  void everyArtifactHasTheSameBytesAtOneTwoAndFiveThreads(String experiment, String behaviour)
      throws IOException {
    Path one = run(experiment, behaviour, "1");
    List<String> names;
    try (Stream<Path> files = Files.list(one)) {
      names = files.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("timings.json") && !n.startsWith("."))
          .filter(n -> n.endsWith(".json") || n.endsWith(".csv")).sorted().toList();
    }
    assertThat(names).hasSizeGreaterThan(4);
    for (String threads : List.of("2", "5")) {
      Path other = run(experiment, behaviour, threads);
      try (Stream<Path> files = Files.list(other)) {
        assertThat(files.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".json") || n.endsWith(".csv"))
            .filter(n -> !n.equals("timings.json")).sorted().toList())
            .as("files at %s threads", threads).isEqualTo(names);
      }
      for (String name : names) {
        assertThat(Files.readString(other.resolve(name)))
            .as("%s at %s threads, %s", name, threads, behaviour)
            .isEqualTo(Files.readString(one.resolve(name)));
      }
    }
  }

  private Path run(String experiment, String behaviour, String threads) throws IOException {
    Path out = temp.resolve(experiment + "-" + threads);
    String text = Files.readString(
            Cli.repositoryRoot().resolve("configs").resolve(experiment + ".yaml"))
        .replace("_target_: utils.behavior_policy.OnPolicyBehavior",
            "_target_: REPLACED")
        .replaceAll("behavior:\\n\\s+_target_: REPLACED", "behavior: " + behaviour);
    Path config = temp.resolve(experiment + ".yaml");
    Files.writeString(config, text);
    Cli result = Cli.run("run", config.toString(), "global.seq_length=8",
        "global.test_set_size=64", "global.output_dir=" + out,
        "experiment.supervised.steps=10", "experiment.supervised.batch_size=32",
        "experiment.pg.steps=10", "experiment.pg.batch_size=256", "experiment.pg.test_every=5",
        "--threads", threads, "--quiet");
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    return out;
  }
}
