package org.pgbarrier.io.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The configs shipped in the repository's {@code configs/} directory, for the tests. */
final class ShippedConfigs {
  static final String OUTCOME = "outcome_reward.yaml";
  static final String PROCESS = "process_reward.yaml";
  static final String CDF = "cdf_quantile.yaml";

  private ShippedConfigs() {}

  /** The {@code configs/} directory of the repository this test runs in. */
  static Path directory() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("configs").resolve(OUTCOME))) {
        return d.resolve("configs");
      }
    }
    throw new IllegalStateException("no configs/" + OUTCOME + " at or above " + dir);
  }

  /** The text of the shipped config {@code name}. */
  static String text(String name) {
    try {
      return Files.readString(directory().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
