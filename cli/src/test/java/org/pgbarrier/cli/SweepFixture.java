package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A 16-cell outcome-reward sweep at reduced size, and helpers to run and compare sweeps. */
final class SweepFixture {
  /** Two lengths, four seeds, two baselines: 16 cells of well under a second each. */
  static final List<String> GRID = List.of("global.seq_length=4,6", "global.seed=range(0,4)",
      "experiment.pg.baseline=true,false");

  private SweepFixture() {}

  static Path config() {
    return Cli.repositoryRoot().resolve("configs/outcome_reward.yaml");
  }

  /** {@code run configs/outcome_reward.yaml --multirun ... } into {@code dir}, plus {@code more}. */
  static List<String> args(Path dir, String... more) {
    List<String> args = new ArrayList<>(List.of("run", config().toString(), "--multirun",
        "--quiet", "global.test_set_size=32", "global.track_set_size=64",
        "experiment.supervised.steps=10", "experiment.supervised.batch_size=16",
        "experiment.pg.steps=6", "experiment.pg.batch_size=16", "experiment.pg.test_every=3",
        "experiment.track_initial_quantiles=4", "global.output_dir=" + dir));
    args.addAll(GRID);
    args.addAll(List.of(more));
    return args;
  }

  static Cli run(Path dir, String... more) {
    return Cli.run(args(dir, more).toArray(String[]::new));
  }

  /**
   * The bytes of every merge output but the timings, by file name: {@code sweep_results.*} and
   * the figures.
   */
  static Map<String, byte[]> merged(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("sweep_") && !name.equals(MergeCommand.TIMINGS)) {
          files.put(name, Files.readAllBytes(p));
        }
      }
    }
    assertThat(files).containsKeys("sweep_results.csv", "sweep_results.json",
        "sweep_final_error.png", "sweep_final_error.svg", "sweep_final_error.pdf");
    return files;
  }

  static void assertSameBytes(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String name : expected.keySet()) {
      assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
    }
  }
}
