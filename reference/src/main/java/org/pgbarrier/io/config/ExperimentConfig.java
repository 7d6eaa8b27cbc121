package org.pgbarrier.io.config;

import java.util.Map;
import java.util.Objects;
import org.pgbarrier.experiment.ExperimentSettings;

/**
 * A config read by {@link ConfigReader}.
 *
 * @param source the name the config was read under (the file path as given), as in messages
 * @param kind the experiment, from {@code experiment.type} or the file name
 * @param settings the typed settings, every absent key at its documented default
 *     (docs/config.md); a {@link org.pgbarrier.experiment.PgExperimentSettings} for the PG kinds
 *     (including {@code threshold_track}), a {@link
 *     org.pgbarrier.experiment.CdfExperimentSettings} for {@code cdf_quantile}
 * @param outputDir {@code global.output_dir} as written (relative paths are relative to the
 *     working directory, as in the authors' {@code main.py})
 * @param resolved the config as run: the document after the overrides and with every {@code
 *     ${...}} resolved, as nested unmodifiable maps (keys in document order) and lists of {@code
 *     null}, Boolean, Long, BigInteger, Double and String; absent keys are not filled in. Meant to
 *     be written into artifacts as the resolved config.
 */
public record ExperimentConfig(
    String source,
    ExperimentKind kind,
    ExperimentSettings settings,
    String outputDir,
    Map<String, Object> resolved) {
  public ExperimentConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(resolved, "resolved");
  }
}
