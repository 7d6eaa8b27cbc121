package org.pgbarrier.io.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pgbarrier.experiment.CdfResult;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.ExperimentSeeds;
import org.pgbarrier.experiment.ExperimentSettings;
import org.pgbarrier.experiment.LikelihoodHistory;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.experiment.StepCurve;
import org.pgbarrier.io.AtomicFiles;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.JsonText;
import org.pgbarrier.random.Seeds;

/**
 * Writes an {@link ExperimentResult} into an output directory in the {@value #FORMAT} format
 * (docs/artifacts.md): the artifact {@code NAME.json} (the resolved settings, the seeds and every
 * curve), CSV files {@code NAME_*.csv} with the same curves for other tools, and the run's wall
 * times under key {@code NAME} of {@code timings.json}, the only file whose bytes vary between two
 * runs of the same settings. Every file is written whole to a temporary file in the same
 * directory, then renamed over the target with {@code ATOMIC_MOVE}: a reader sees the old file or
 * the new one, never a part.
 */
public final class ArtifactWriter {
  /** The format identifier, the artifact's {@code format} key. */
  public static final String FORMAT = "pgbarrier/experiment-v1";

  /** The file of wall times, shared by the runs of a directory. */
  public static final String TIMINGS = "timings.json";

  private ArtifactWriter() {}

  /**
   * Writes {@code result} into {@code dir} (created if missing); merges its timings into {@code
   * timings.json}.
   *
   * @return the files written, the artifact first and {@code timings.json} last
   * @throws IOException if a file cannot be written ({@code dir} then holds no partial file)
   */
  public static List<Path> write(ExperimentResult result, Path dir) throws IOException {
    List<Path> written = new ArrayList<>(writeRun(result, dir));
    written.add(writeTimings(result, dir));
    return written;
  }

  /**
   * Writes the files of run {@code result} into {@code dir} (created if missing), the artifact
   * first: everything but {@code timings.json}, which {@link #writeTimings} updates.
   *
   * @return the files written
   */
  public static List<Path> writeRun(ExperimentResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, String> files = new java.util.LinkedHashMap<>();
    String name = result.name();
    files.put(name + ".json", json(result));
    if (result instanceof PgResult pg) {
      pgCsv(pg, files);
    } else {
      cdfCsv((CdfResult) result, files);
    }
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      written.add(atomically(dir.resolve(file.getKey()), file.getValue()));
    }
    return written;
  }

  /**
   * Adds or replaces the wall times of {@code result} in {@code dir}'s {@code timings.json},
   * read with the checks of {@link ArtifactReader#readTimings}.
   *
   * @return the file
   * @throws InputException if the existing file is not a valid {@code timings.json}
   */
  public static Path writeTimings(ExperimentResult result, Path dir) throws IOException {
    Path file = dir.resolve(TIMINGS);
    return atomically(file, timings(dir, result));
  }

  /** The artifact {@code NAME.json}, as text. */
  public static String json(ExperimentResult result) {
    JsonText json = new JsonText();
    json.string("format", FORMAT);
    json.string("name", result.name());
    ExperimentSettings settings = result.settings();
    SettingsJson.write(json, settings);
    writeSeeds(json, settings);
    if (result instanceof PgResult pg) {
      writePg(json, pg);
    } else {
      writeCdf(json, (CdfResult) result);
    }
    return json.close();
  }

  private static void writeSeeds(JsonText json, ExperimentSettings settings) {
    long data = settings.data().seed();
    long experiment = settings.seed();
    json.object("seeds");
    json.integer("data_seed", data);
    json.integer("experiment_seed", experiment);
    json.integer("ground_truth", Seeds.derive(data, ExperimentSeeds.GROUND_TRUTH));
    json.integer("test_set", Seeds.derive(data, ExperimentSeeds.TEST_SET));
    json.integer("pool", Seeds.derive(data, ExperimentSeeds.POOL));
    json.integer("cdf_samples", Seeds.derive(data, ExperimentSeeds.CDF_SAMPLES));
    json.integer("supervised", Seeds.derive(experiment, ExperimentSeeds.SUPERVISED));
    json.integer("policy_gradient", Seeds.derive(experiment, ExperimentSeeds.POLICY_GRADIENT));
    json.end();
  }

  private static void curve(JsonText json, String name, StepCurve curve) {
    json.object(name);
    json.ints("steps", curve.steps());
    json.doubles("values", curve.values());
    json.end();
  }

  private static void writePg(JsonText json, PgResult r) {
    json.object("supervised");
    curve(json, "test_error", r.supervisedError());
    json.end();
    json.object("pg");
    curve(json, "test_error", r.pgError());
    json.integer("queries", r.queries());
    json.end();
    json.object("base_likelihoods");
    json.doubles("pool_log_likelihood", r.poolBaseLogLikelihoods());
    json.object("histogram");
    json.doubles("edges", r.baseHistogram().edges());
    json.longs("counts", r.baseHistogram().counts());
    json.end();
    json.end();
    LikelihoodHistory tracked = r.tracked();
    json.object("tracked");
    json.ints("pool_index", tracked.poolIndices());
    json.doubles("quantile", tracked.quantiles());
    json.ints("steps", tracked.steps());
    json.matrix("log_likelihood", tracked.logLikelihoods());
    json.end();
    json.object("off_support");
    json.number("threshold", r.settings().tracking().threshold());
    json.integer("count", r.offSupportCount());
    curve(json, "mean_likelihood", r.offSupportLikelihood());
    json.end();
  }

  private static void writeCdf(JsonText json, CdfResult r) {
    json.ints("steps", r.steps());
    json.doubles("test_error", r.testError());
    json.doubles("alpha", r.alphaGrid());
    json.doubles("eps", r.epsGrid());
    json.matrix("cdf", r.cdf());
    json.matrix("alpha_tail", r.alphaTail());
    json.matrix("log_quantile", r.logQuantile());
  }

  private static void pgCsv(PgResult r, Map<String, String> files) {
    String name = r.name();
    StringBuilder errors = new StringBuilder("phase,step,test_error\n");
    appendCurve(errors, "supervised", r.supervisedError());
    appendCurve(errors, "pg", r.pgError());
    files.put(name + "_test_error.csv", errors.toString());

    LikelihoodHistory tracked = r.tracked();
    int[] steps = tracked.steps();
    int[] indices = tracked.poolIndices();
    double[] quantiles = tracked.quantiles();
    double[][] logp = tracked.logLikelihoods();
    StringBuilder history =
        new StringBuilder("step,pool_index,quantile,log_likelihood,likelihood\n");
    for (int t = 0; t < steps.length; t++) {
      for (int j = 0; j < indices.length; j++) {
        history.append(steps[t]).append(',').append(indices[j]).append(',')
            .append(quantiles.length == 0 ? "" : Double.toString(quantiles[j])).append(',')
            .append(logp[t][j]).append(',').append(Math.exp(logp[t][j])).append('\n');
      }
    }
    files.put(name + "_tracked.csv", history.toString());

    double[] base = r.poolBaseLogLikelihoods();
    boolean[] isTracked = new boolean[base.length];
    for (int c : indices) {
      isTracked[c] = true;
    }
    double logThreshold = Math.log(r.settings().tracking().threshold());
    StringBuilder pool =
        new StringBuilder("pool_index,log_likelihood,likelihood,off_support,tracked\n");
    for (int c = 0; c < base.length; c++) {
      pool.append(c).append(',').append(base[c]).append(',').append(Math.exp(base[c]))
          .append(',').append(base[c] < logThreshold ? 1 : 0).append(',')
          .append(isTracked[c] ? 1 : 0).append('\n');
    }
    files.put(name + "_base_likelihood.csv", pool.toString());

    double[] edges = r.baseHistogram().edges();
    long[] counts = r.baseHistogram().counts();
    StringBuilder histogram = new StringBuilder("lower,upper,count\n");
    for (int b = 0; b < counts.length; b++) {
      histogram.append(edges[b]).append(',').append(edges[b + 1]).append(',').append(counts[b])
          .append('\n');
    }
    files.put(name + "_histogram.csv", histogram.toString());

    StringBuilder offSupport = new StringBuilder("step,mean_likelihood\n");
    appendCurve(offSupport, null, r.offSupportLikelihood());
    files.put(name + "_off_support.csv", offSupport.toString());
  }

  private static void appendCurve(StringBuilder csv, String phase, StepCurve curve) {
    int[] steps = curve.steps();
    double[] values = curve.values();
    for (int j = 0; j < steps.length; j++) {
      if (phase != null) {
        csv.append(phase).append(',');
      }
      csv.append(steps[j]).append(',').append(values[j]).append('\n');
    }
  }

  private static void cdfCsv(CdfResult r, Map<String, String> files) {
    String name = r.name();
    int[] steps = r.steps();
    double[] testError = r.testError();
    StringBuilder errors = new StringBuilder("step,test_error\n");
    for (int c = 0; c < steps.length; c++) {
      errors.append(steps[c]).append(',').append(testError[c]).append('\n');
    }
    files.put(name + "_test_error.csv", errors.toString());

    double[] alpha = r.alphaGrid();
    double[][] cdf = r.cdf();
    double[][] tail = r.alphaTail();
    StringBuilder cdfCsv = new StringBuilder("step,alpha,cdf,alpha_tail\n");
    for (int c = 0; c < steps.length; c++) {
      for (int j = 0; j < alpha.length; j++) {
        cdfCsv.append(steps[c]).append(',').append(alpha[j]).append(',').append(cdf[c][j])
            .append(',').append(tail[c][j]).append('\n');
      }
    }
    files.put(name + "_cdf.csv", cdfCsv.toString());

    double[] eps = r.epsGrid();
    double[][] logQuantile = r.logQuantile();
    StringBuilder quantile = new StringBuilder("step,eps,log_quantile,quantile\n");
    for (int c = 0; c < steps.length; c++) {
      for (int j = 0; j < eps.length; j++) {
        quantile.append(steps[c]).append(',').append(eps[j]).append(',')
            .append(logQuantile[c][j]).append(',').append(Math.exp(logQuantile[c][j]))
            .append('\n');
      }
    }
    files.put(name + "_quantile.csv", quantile.toString());
  }

  /** {@code timings.json} with this run's entry added or replaced, runs sorted by name. */
  private static String timings(Path dir, ExperimentResult result) throws IOException {
    Map<String, Map<String, Double>> runs = new TreeMap<>();
    ArtifactReader.readTimings(dir).forEach((run, times) -> runs.put(run, times.seconds()));
    runs.put(result.name(), result.timings().seconds());
    JsonText json = new JsonText();
    for (Map.Entry<String, Map<String, Double>> run : runs.entrySet()) {
      json.object(run.getKey());
      for (Map.Entry<String, Double> phase : run.getValue().entrySet()) {
        json.number(phase.getKey(), phase.getValue());
      }
      json.end();
    }
    return json.close();
  }

  /** Writes {@code text} (UTF-8) to {@code target} with {@link AtomicFiles}. */
  private static Path atomically(Path target, String text) throws IOException {
    AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
    return target;
  }
}
