package org.pgbarrier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pgbarrier.cli.plot.ExperimentFigures;
import org.pgbarrier.experiment.CdfExperiment;
import org.pgbarrier.experiment.CdfExperimentSettings;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.PgExperiment;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.io.ArtifactWriter;
import org.pgbarrier.io.config.ExperimentConfig;

/**
 * One experiment of a config, run end to end: the output directory checked (and created) before
 * any work, the experiment run with a progress display, then its artifacts ({@link
 * ArtifactWriter}) and figures ({@link ExperimentFigures}) written into the directory.
 *
 * @param result what the run measured
 * @param directory where its files went
 * @param files the files written: artifacts first, then figures
 */
record ExperimentRun(ExperimentResult result, Path directory, List<Path> files) {
  /**
   * Runs {@code config} on {@code threads} threads (the results do not depend on it), writing
   * into its {@code output_dir} (relative to the working directory).
   *
   * @throws UsageException if the output directory cannot be created or written
   */
  static ExperimentRun of(ExperimentConfig config, ProgressDisplay progress, int threads)
      throws IOException {
    Path directory = outputDirectory(config.outputDir());
    ExperimentResult result;
    if (config.settings() instanceof PgExperimentSettings pg) {
      result = PgExperiment.run(pg, progress::onStep, threads);
    } else {
      result = CdfExperiment.run(
          (CdfExperimentSettings) config.settings(), progress::onStep, threads);
    }
    progress.close();
    List<Path> files = new ArrayList<>(ArtifactWriter.write(result, directory));
    files.addAll(ExperimentFigures.draw(result, directory));
    return new ExperimentRun(result, directory, List.copyOf(files));
  }

  /** The directory {@code path}, created if absent; refused if it cannot hold the outputs. */
  static Path outputDirectory(String path) {
    Path directory = Path.of(path);
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new UsageException("output_dir " + path + ": exists and is not a directory");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UsageException("output_dir " + path + ": cannot be created ("
          + ErrorReporter.describe(e) + ")");
    }
    if (!Files.isWritable(directory)) {
      throw new UsageException("output_dir " + path + ": is not writable");
    }
    return directory;
  }
}
