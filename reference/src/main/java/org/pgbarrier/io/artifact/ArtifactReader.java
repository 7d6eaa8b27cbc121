package org.pgbarrier.io.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pgbarrier.experiment.CdfExperimentSettings;
import org.pgbarrier.experiment.CdfResult;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.ExperimentSettings;
import org.pgbarrier.experiment.Histogram;
import org.pgbarrier.experiment.LikelihoodHistory;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.experiment.StepCurve;
import org.pgbarrier.experiment.Timings;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.JsonCursor;

/**
 * Reads back what {@link ArtifactWriter} wrote: an artifact {@code NAME.json} of format {@value
 * ArtifactWriter#FORMAT} as the {@link ExperimentResult} it was written from, with the timings of
 * {@code timings.json} in the same directory when it holds the run ({@link Timings#none()}
 * otherwise). Writing the result read back gives the same bytes. Strict: malformed JSON, a
 * duplicate, missing or unknown key, a wrong type, an out-of-range setting or an inconsistent
 * shape is an {@link InputException} naming the file and the key path.
 */
public final class ArtifactReader {
  private static final JsonMapper MAPPER = JsonMapper.builder(JsonCursor.factory())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private ArtifactReader() {}

  /**
   * The artifact at {@code file}.
   *
   * @throws InputException if the artifact or the {@code timings.json} beside it is not valid
   *     (malformed JSON, a missing or unknown key, a wrong type, an out-of-range setting or an
   *     inconsistent shape); the message starts with the file it concerns
   */
  public static ExperimentResult read(Path file) throws IOException {
    Map<String, Timings> timings = readTimings(file.toAbsolutePath().getParent());
    JsonNode root = tree(file);
    try {
      return read(new SettingsJson.Node(root, ""), timings);
    } catch (IllegalArgumentException e) {
      // InputException from a key, IllegalArgumentException from a record's range check
      throw new InputException(file + ": " + e.getMessage(), e);
    }
  }

  private static ExperimentResult read(SettingsJson.Node node, Map<String, Timings> runs) {
    String format = node.text("format");
    if (!format.equals(ArtifactWriter.FORMAT)) {
      throw node.invalid("format", "'" + format + "': must be " + ArtifactWriter.FORMAT);
    }
    ExperimentSettings settings = SettingsJson.read(node.object("settings"));
    String name = node.text("name");
    Timings timings = runs.getOrDefault(name, Timings.none());
    node.object("seeds");
    ExperimentResult result;
    if (settings instanceof PgExperimentSettings pg) {
      node.only(Set.of("format", "name", "settings", "seeds", "supervised", "pg",
          "base_likelihoods", "tracked", "off_support"));
      result = readPg(node, pg, timings);
    } else {
      node.only(Set.of("format", "name", "settings", "seeds", "steps", "test_error", "alpha",
          "eps", "cdf", "alpha_tail", "log_quantile"));
      int[] steps = node.ints("steps");
      nonEmpty(node, "steps", steps.length);
      result = new CdfResult((CdfExperimentSettings) settings, steps,
          within(node, "test_error", 0, 1), within(node, "alpha", 0, 1),
          within(node, "eps", 0, 1), unit(node, "cdf"), unit(node, "alpha_tail"),
          node.matrix("log_quantile"), timings);
    }
    if (!result.name().equals(name)) {
      throw node.invalid("name", "'" + name + "': the settings make it " + result.name());
    }
    return result;
  }

  /** The artifact of run {@code name} in {@code dir}, {@code dir/NAME.json}. */
  public static ExperimentResult read(Path dir, String name) throws IOException {
    return read(dir.resolve(name + ".json"));
  }

  /**
   * The wall times of every run recorded in {@code dir/timings.json}; empty if there is none.
   *
   * @throws InputException if the file is not a JSON object of runs, each an object of seconds;
   *     the message starts with the file
   */
  public static Map<String, Timings> readTimings(Path dir) throws IOException {
    Path file = dir.resolve(ArtifactWriter.TIMINGS);
    Map<String, Timings> runs = new TreeMap<>();
    if (!Files.exists(file)) {
      return runs;
    }
    JsonNode root = tree(file);
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> run = it.next();
      if (!run.getValue().isObject()) {
        throw new InputException(file + ": " + run.getKey() + " = " + run.getValue()
            + ": must be an object of seconds per phase");
      }
      Map<String, Double> phases = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> p = run.getValue().fields(); p.hasNext(); ) {
        Map.Entry<String, JsonNode> phase = p.next();
        if (!phase.getValue().isNumber()) {
          throw new InputException(file + ": " + run.getKey() + "." + phase.getKey() + " = "
              + phase.getValue() + ": must be a number of seconds");
        }
        phases.put(phase.getKey(), phase.getValue().doubleValue());
      }
      runs.put(run.getKey(), new Timings(phases));
    }
    return runs;
  }

  /**
   * The JSON object in {@code file}: refuses malformed or truncated JSON, duplicate keys, and a
   * file that is empty or holds something else than one object.
   */
  private static JsonNode tree(Path file) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InputException(file + ": not a readable regular file");
    }
    JsonNode root;
    try {
      JsonCursor.requireUtf8(file);
    } catch (InputException e) {
      throw new InputException(file + ": " + e.getMessage(), e);
    }
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new InputException(file + ": " + JsonCursor.syntaxMessage(e), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new InputException(file + ": the file is empty: must hold one JSON object");
    }
    if (!root.isObject()) {
      throw new InputException(file + ": the top-level value is " + root.getNodeType()
          .name().toLowerCase(Locale.ROOT) + ": must be a JSON object");
    }
    return root;
  }

  private static PgResult readPg(SettingsJson.Node node, PgExperimentSettings settings,
      Timings timings) {
    SettingsJson.Node supervised = node.object("supervised");
    supervised.only(Set.of("test_error"));
    SettingsJson.Node pg = node.object("pg");
    pg.only(Set.of("test_error", "queries"));
    SettingsJson.Node base = node.object("base_likelihoods");
    base.only(Set.of("pool_log_likelihood", "histogram"));
    SettingsJson.Node histogram = base.object("histogram");
    histogram.only(Set.of("edges", "counts"));
    SettingsJson.Node tracked = node.object("tracked");
    tracked.only(Set.of("pool_index", "quantile", "steps", "log_likelihood"));
    SettingsJson.Node offSupport = node.object("off_support");
    offSupport.only(Set.of("threshold", "count", "mean_likelihood"));
    double threshold = offSupport.doubleValue("threshold");
    if (threshold != settings.tracking().threshold()) {
      throw offSupport.invalid("threshold", threshold
          + ": must equal experiment.initial_likelihood_threshold");
    }
    double[] pool = within(base, "pool_log_likelihood", -Double.MAX_VALUE, 0);
    nonEmpty(base, "pool_log_likelihood", pool.length);
    double[] edges = within(histogram, "edges", -Double.MAX_VALUE, Double.MAX_VALUE);
    for (int j = 1; j < edges.length; j++) {
      if (!(edges[j] > edges[j - 1])) {
        throw histogram.invalid("edges[" + j + "]", edges[j] + ": must be greater than edges["
            + (j - 1) + "] = " + edges[j - 1] + " (edges ascend)");
      }
    }
    long[] counts = histogram.longs("counts");
    for (int j = 0; j < counts.length; j++) {
      if (counts[j] < 0) {
        throw histogram.invalid("counts[" + j + "]", counts[j] + ": must be at least 0");
      }
    }
    int[] indices = tracked.ints("pool_index");
    for (int j = 0; j < indices.length; j++) {
      if (indices[j] < 0 || indices[j] >= pool.length) {
        throw tracked.invalid("pool_index[" + j + "]", indices[j] + ": must be an index into"
            + " the pool, in [0, " + (pool.length - 1) + "]");
      }
    }
    double[][] rows = tracked.matrix("log_likelihood");
    for (int t = 0; t < rows.length; t++) {
      for (int j = 0; j < rows[t].length; j++) {
        if (!(rows[t][j] <= 0)) {
          throw tracked.invalid("log_likelihood[" + t + "][" + j + "]", rows[t][j]
              + ": must be a log-likelihood, at most 0");
        }
      }
    }
    int offCount = offSupport.intValue("count");
    if (offCount < 0 || offCount > pool.length) {
      throw offSupport.invalid("count", offCount + ": must be in [0, " + pool.length
          + "], the pool size");
    }
    long queries = pg.longValue("queries");
    if (queries < 0) {
      throw pg.invalid("queries", queries + ": must be at least 0");
    }
    return new PgResult(settings, curve(supervised.object("test_error"), true),
        curve(pg.object("test_error"), true), pool, new Histogram(edges, counts),
        new LikelihoodHistory(tracked.ints("steps"), indices,
            within(tracked, "quantile", 0, 1), rows),
        offCount, curve(offSupport.object("mean_likelihood"), offCount > 0), queries, timings);
  }

  /**
   * A curve of {@code steps} and {@code values} in {@code [0, 1]} (an error or a likelihood),
   * non-empty if {@code required}.
   */
  private static StepCurve curve(SettingsJson.Node node, boolean required) {
    node.only(Set.of("steps", "values"));
    int[] steps = node.ints("steps");
    if (required) {
      nonEmpty(node, "steps", steps.length);
    }
    return new StepCurve(steps, within(node, "values", 0, 1));
  }

  private static void nonEmpty(SettingsJson.Node node, String key, int length) {
    if (length == 0) {
      throw node.invalid(key, "[]: must hold at least one value");
    }
  }

  /** The numbers of {@code key}, each in {@code [lo, hi]}. */
  private static double[] within(SettingsJson.Node node, String key, double lo, double hi) {
    double[] values = node.doubles(key);
    for (int j = 0; j < values.length; j++) {
      if (!(values[j] >= lo && values[j] <= hi) || Double.isNaN(values[j])) {
        throw node.invalid(key + "[" + j + "]", values[j] + ": must be in [" + lo + ", " + hi
            + "]");
      }
    }
    return values;
  }


  /** A matrix of values in {@code [0, 1]}. */
  private static double[][] unit(SettingsJson.Node node, String key) {
    double[][] rows = node.matrix(key);
    for (int t = 0; t < rows.length; t++) {
      for (int j = 0; j < rows[t].length; j++) {
        if (!(rows[t][j] >= 0 && rows[t][j] <= 1)) {
          throw node.invalid(key + "[" + t + "][" + j + "]", rows[t][j] + ": must be in [0, 1]");
        }
      }
    }
    return rows;
  }
}
