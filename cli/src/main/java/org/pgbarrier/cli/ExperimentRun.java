package org.pgbarrier.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pgbarrier.cli.plot.Concurrently;
import org.pgbarrier.cli.plot.ExperimentFigures;
import org.pgbarrier.experiment.CdfExperiment;
import org.pgbarrier.experiment.BehaviourSettings;
import org.pgbarrier.experiment.CdfExperimentSettings;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.MemoryEstimate;
import org.pgbarrier.experiment.PgExperiment;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.io.artifact.ArtifactReader;
import org.pgbarrier.io.artifact.ArtifactWriter;
import org.pgbarrier.io.AtomicFiles;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.config.ExperimentConfig;

/**
 * One experiment of a config, run end to end: its memory estimate checked against the heap and
 * the output directory checked before any work ({@link #checkOutput}: everything that could make
 * the writing fail), the experiment run with a progress display, then the directory created, its
 * artifacts ({@link ArtifactWriter}) and figures ({@link ExperimentFigures}) written into a
 * staging directory and published over the previous run of the same name ({@link
 * OutputDirectory#publish}), the completion marker written last. A run that fails, is killed or
 * is stopped (SIGTERM, Ctrl-C: a shutdown hook deletes the staging directory and the temporary
 * files of the writes in progress) leaves no output directory it created empty behind, and the
 * directory holding the previous run whole, the new run whole, or the files of one of the two
 * without its marker, which {@code plot} refuses.
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
      "worker buffers", "lower the batch_size",
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
    return of(config, progress, threads, false);
  }

  /** {@link #of(ExperimentConfig, ProgressDisplay, int)}, {@code allowLong} lifting the work ceiling. */
  static ExperimentRun of(ExperimentConfig config, ProgressDisplay progress, int threads,
      boolean allowLong) throws IOException {
    return of(config, progress, threads, allowLong, null);
  }

  /**
   * {@link #of(ExperimentConfig, ProgressDisplay, int, boolean)}, with a copy of the artifact
   * saved as {@code artifactFile} in the output directory when it is not null (the authors'
   * {@code run --artifact-file}; checked with {@link #checkArtifactFile}).
   */
  static ExperimentRun of(ExperimentConfig config, ProgressDisplay progress, int threads,
      boolean allowLong, String artifactFile) throws IOException {
    requireHeap(config);
    if (!allowLong) {
      requireWork(config);
    }
    OutputDirectory out = OutputDirectory.prepare("output_dir", config.outputDir());
    checkOutput(config, out);
    ExperimentResult result = run(config, progress, threads);
    progress.close();
    return write(result, out, artifactFile);
  }

  /**
   * Refuses an {@code --artifact-file} that is not a plain {@code .json} file name, or that is a
   * name the run of {@code config} writes itself.
   *
   * @throws UsageException naming the option, its value and the rule
   */
  static void checkArtifactFile(ExperimentConfig config, String artifactFile) {
    if (artifactFile == null) {
      return;
    }
    String name = name(config);
    if (!artifactFile.matches("[^/\\\\]+\\.json") || artifactFile.startsWith(".")) {
      throw new UsageException("--artifact-file " + artifactFile + ": must be a file name ending"
          + " in .json, without a directory (it is saved into the output directory)");
    }
    if (artifactFile.startsWith(name + ".") || artifactFile.startsWith(name + "_")
        || artifactFile.equals(ArtifactWriter.TIMINGS)) {
      throw new UsageException("--artifact-file " + artifactFile + ": the run writes a file of"
          + " that name itself; choose another");
    }
  }

  /**
   * Writes {@code result} into {@code out} (checked): every file of the run into a staging
   * directory, then published over the previous run of the same name ({@link
   * OutputDirectory#publish}), the completion marker last.
   */
  static ExperimentRun write(ExperimentResult result, OutputDirectory out, String artifactFile)
      throws IOException {
    String name = result.name();
    List<Path> files = out.publish("output_dir", name, stage -> {
      // the artifacts (mostly decimal text) are written while the figures are drawn: about 0.6
      // and 1.8 s of CPU at the authors' settings, in separate files
      List<Path> artifacts = new ArrayList<>();
      List<Path> figures = new ArrayList<>();
      Concurrently.run("artifacts " + name,
          () -> artifacts.addAll(ArtifactWriter.writeRun(result, stage)),
          () -> figures.addAll(ExperimentFigures.draw(result, stage)));
      List<Path> staged = new ArrayList<>(artifacts);
      staged.addAll(figures);
      return staged;
    }, dir -> {
      List<Path> shared = new ArrayList<>(List.of(ArtifactWriter.writeTimings(result, dir)));
      if (artifactFile != null) {
        Path copy = dir.resolve(artifactFile);
        AtomicFiles.write(copy, Files.readAllBytes(dir.resolve(name + ".json")));
        shared.add(copy);
      }
      return shared;
    });
    return new ExperimentRun(result, out.path(), files);
  }

  /** The name of the run of {@code config}: its artifact is {@code NAME.json}. */
  static String name(ExperimentConfig config) {
    return config.settings() instanceof PgExperimentSettings pg ? PgResult.name(pg)
        : "cdf_quantile";
  }

  /**
   * Refuses, before any work, what would make the writing fail at the end: a {@code
   * timings.json} in the directory that does not parse, and a path the run writes (its artifact,
   * CSVs, figures, marker: {@code NAME.*}, {@code NAME_*}; {@code timings.json}) taken by a
   * directory or another non-regular file.
   *
   * @throws InputException naming the file
   */
  static void checkOutput(ExperimentConfig config, OutputDirectory out) throws IOException {
    Path dir = out.path();
    if (!Files.isDirectory(dir)) {
      return;
    }
    String name = name(config);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String file = entry.getFileName().toString();
        boolean ours = file.startsWith(name + ".") || file.startsWith(name + "_")
            || file.equals(ArtifactWriter.TIMINGS);
        if (ours && !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          throw new InputException("output_dir " + config.outputDir() + ": " + file + " is not a"
              + " regular file (a directory, link or device): the run writes a file of that name;"
              + " move it or choose another global.output_dir");
        }
      }
    }
    if (Files.exists(dir.resolve(ArtifactWriter.TIMINGS))) {
      ArtifactReader.readTimings(dir);
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

  /**
   * The ceiling of {@link #work}: about 60 times the authors' process run (1.8e10), or some 40
   * minutes on two cores; {@code --allow-long} lifts it.
   */
  static final double WORK_CEILING = 1e12;

  /**
   * An estimate of the run's work in token-vocabulary steps: {@code sum over phases of steps x
   * batch x N x k}, the PG phase times {@code m} under best-of-m (each token draws {@code m}
   * candidates), the cdf run's {@code num_models x partial_steps x batch x N x k}. Counted in
   * double: the product of four 32-bit values overflows a long.
   */
  static double work(ExperimentConfig config) {
    if (config.settings() instanceof PgExperimentSettings pg) {
      double tokens = (double) pg.data().seqLength() * pg.data().k();
      double m = 1;
      for (BehaviourSettings b = pg.behaviour(); b != null; ) {
        if (b instanceof BehaviourSettings.BestOfM best) {
          m *= best.m();
          b = best.base();
        } else if (b instanceof BehaviourSettings.EpsilonMixture mix) {
          b = mix.base();
        } else {
          b = null;
        }
      }
      return tokens * ((double) pg.supervised().steps() * pg.supervised().batchSize()
          + (double) pg.pg().steps() * pg.pg().batchSize() * m);
    }
    CdfExperimentSettings cdf = (CdfExperimentSettings) config.settings();
    return (double) cdf.data().seqLength() * cdf.data().k() * cdf.numModels()
        * cdf.partialSteps() * cdf.batchSize();
  }

  /**
   * Refuses a run whose {@link #work} exceeds {@link #WORK_CEILING} before anything starts.
   *
   * @throws InputException naming the estimate and the ceiling
   */
  static void requireWork(ExperimentConfig config) {
    double work = work(config);
    if (work > WORK_CEILING) {
      throw new InputException(config.source() + ": the run's work estimate steps x batch x N x"
          + " k (x m for best-of-m) = " + String.format(java.util.Locale.ROOT, "%.3g", work)
          + ": must be at most " + String.format(java.util.Locale.ROOT, "%.0g", WORK_CEILING)
          + " (hours of computing); lower the steps or batch_size, or pass --allow-long");
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
