package org.pgbarrier.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pgbarrier.cli.plot.ExperimentFigures;
import org.pgbarrier.experiment.CdfExperiment;
import org.pgbarrier.experiment.CdfExperimentSettings;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.MemoryEstimate;
import org.pgbarrier.experiment.PgExperiment;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.io.ArtifactWriter;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.config.ExperimentConfig;

/**
 * One experiment of a config, run end to end: its memory estimate checked against the heap and
 * the output directory checked (and created) before any work, the experiment run with a progress
 * display, then its artifacts ({@link ArtifactWriter}) and figures ({@link ExperimentFigures})
 * written into the directory. A run that fails leaves no output directory it created behind.
 *
 * @param result what the run measured
 * @param directory where its files went
 * @param files the files written: artifacts first, then figures
 */
record ExperimentRun(ExperimentResult result, Path directory, List<Path> files) {
  /** What to lower when a part of {@link MemoryEstimate} is the largest. */
  private static final Map<String, String> LOWER = Map.of(
      "weights", "lower global.d or global.k",
      "test set", "lower global.test_set_size (or global.seq_length)",
      "pool", "lower global.track_set_size (or choose another global.track_source)",
      "batch", "lower the batch_size",
      "tracked history", "raise experiment.pg.track_every or lower experiment.pg.steps",
      "cdf samples", "lower experiment.cdf_samples",
      "written text", "raise experiment.pg.track_every, lower the tracked samples or the pool");

  /**
   * Runs {@code config} on {@code threads} threads (the results do not depend on it), writing
   * into its {@code output_dir} (relative to the working directory).
   *
   * @throws InputException if the run would not fit in the heap ({@link #requireHeap}), or the
   *     experiment refuses its settings (an {@link IllegalArgumentException} of the runner, such
   *     as a likelihood threshold below every pool sample), named with the config
   * @throws UsageException if the output directory cannot be created or written
   */
  static ExperimentRun of(ExperimentConfig config, ProgressDisplay progress, int threads)
      throws IOException {
    requireHeap(config);
    OutputDirectory out = OutputDirectory.prepare("output_dir", config.outputDir());
    boolean done = false;
    try {
      ExperimentResult result = run(config, progress, threads);
      progress.close();
      List<Path> files = new ArrayList<>(ArtifactWriter.write(result, out.path()));
      files.addAll(ExperimentFigures.draw(result, out.path()));
      done = true;
      return new ExperimentRun(result, out.path(), List.copyOf(files));
    } finally {
      if (!done) {
        out.discardIfEmpty();
      }
    }
  }

  /**
   * Refuses {@code config} if its {@link MemoryEstimate} exceeds the heap: one line with the
   * estimate, its parts, the heap, and what to lower.
   *
   * @throws InputException if it does not fit
   */
  static void requireHeap(ExperimentConfig config) {
    MemoryEstimate estimate = MemoryEstimate.of(config.settings());
    if (!HeapBudget.fits(estimate.bytes())) {
      String largest = estimate.parts().entrySet().stream()
          .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      throw new InputException(config.source() + ": " + HeapBudget.refusal("the run",
          estimate.describe(), LOWER.get(largest)));
    }
  }

  private static ExperimentResult run(
      ExperimentConfig config, ProgressDisplay progress, int threads) {
    try {
      if (config.settings() instanceof PgExperimentSettings pg) {
        return PgExperiment.run(pg, progress::onStep, threads);
      }
      return CdfExperiment.run(
          (CdfExperimentSettings) config.settings(), progress::onStep, threads);
    } catch (IllegalArgumentException e) {
      throw new InputException(config.source() + ": " + e.getMessage(), e);
    }
  }
}
