package org.pgbarrier.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
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

/**
 * Reads back what {@link ArtifactWriter} wrote: an artifact {@code NAME.json} of format {@value
 * ArtifactWriter#FORMAT} as the {@link ExperimentResult} it was written from, with the timings of
 * {@code timings.json} in the same directory when it holds the run ({@link Timings#none()}
 * otherwise). Writing the result read back gives the same bytes. Strict: malformed JSON, a
 * duplicate, missing or unknown key, a wrong type, an out-of-range setting or an inconsistent
 * shape is an {@link InputException} naming the file and the key path.
 */
public final class ArtifactReader {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

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
      result = new CdfResult((CdfExperimentSettings) settings, node.ints("steps"),
          node.doubles("test_error"), node.doubles("alpha"), node.doubles("eps"),
          node.matrix("cdf"), node.matrix("alpha_tail"), node.matrix("log_quantile"), timings);
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
    return new PgResult(settings, curve(supervised.object("test_error")),
        curve(pg.object("test_error")), base.doubles("pool_log_likelihood"),
        new Histogram(histogram.doubles("edges"), histogram.longs("counts")),
        new LikelihoodHistory(tracked.ints("steps"), tracked.ints("pool_index"),
            tracked.doubles("quantile"), tracked.matrix("log_likelihood")),
        offSupport.intValue("count"), curve(offSupport.object("mean_likelihood")),
        pg.longValue("queries"), timings);
  }

  private static StepCurve curve(SettingsJson.Node node) {
    node.only(Set.of("steps", "values"));
    return new StepCurve(node.ints("steps"), node.doubles("values"));
  }
}
