package org.pgbarrier.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The config argument of {@code run} as the authors' {@code main.py run NAME} reads it [CODE:
 * main.py, {@code Path("configs") / NAME.yaml}]: a file path when such a file exists, else a bare
 * {@code NAME} or {@code NAME.yaml} names {@code configs/NAME.yaml} of the pgbarrier checkout
 * ({@link Home}); and the option shortcuts that become overrides.
 */
final class ConfigName {
  private ConfigName() {}

  /**
   * The config file {@code given} names.
   *
   * @throws UsageException if {@code given} is a bare name that is neither a file here nor one of
   *     the shipped configs
   */
  static Path resolve(Path given) {
    if (Files.exists(given) || given.getParent() != null) {
      return given;
    }
    String name = given.toString();
    Path shipped = Home.configs().resolve(name.endsWith(".yaml") ? name : name + ".yaml");
    if (Files.exists(shipped)) {
      return shipped;
    }
    throw new UsageException(name + ": no such file, nor " + shipped + " (a config file, or the"
        + " NAME of configs/NAME.yaml)");
  }

  /**
   * {@code overrides} followed by those of the shortcuts: {@code --seed S} sets both seeds of a
   * config, {@code global.seed} (the data) and {@code experiment.seed} (the learners) [CODE:
   * main.py, {@code set_seed(global.seed if exp.seed is None else exp.seed)}]; {@code
   * --output-dir DIR} sets {@code global.output_dir}. Written as Hydra's {@code ++key=value}, so
   * that they add or replace whatever the file and the overrides say.
   */
  static List<String> withShortcuts(List<String> overrides, Long seed, String outputDir) {
    List<String> all = new ArrayList<>(overrides);
    if (seed != null) {
      all.add("++global.seed=" + seed);
      all.add("++experiment.seed=" + seed);
    }
    if (outputDir != null) {
      all.add("++global.output_dir='" + outputDir.replace("'", "''") + "'");
    }
    return all;
  }
}
