package org.pgbarrier.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * otherwise). Writing the result read back gives the same bytes. Strict: a missing or unknown key,
 * a wrong type or an inconsistent shape is an {@link InputException} naming the key path.
 */
public final class ArtifactReader {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ArtifactReader() {}

  /** The artifact at {@code file}. */
  public static ExperimentResult read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new InputException(file + ": not JSON: " + e.getOriginalMessage(), e);
    }
    SettingsJson.Node node = new SettingsJson.Node(root, "");
    String format = node.text("format");
    if (!format.equals(ArtifactWriter.FORMAT)) {
      throw node.invalid("format", "'" + format + "': must be " + ArtifactWriter.FORMAT);
    }
    ExperimentSettings settings = SettingsJson.read(node.object("settings"));
    String name = node.text("name");
    Path dir = file.toAbsolutePath().getParent();
    Timings timings = readTimings(dir).getOrDefault(name, Timings.none());
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

  /** The wall times of every run recorded in {@code dir/timings.json}; empty if there is none. */
  public static Map<String, Timings> readTimings(Path dir) throws IOException {
    Path file = dir.resolve(ArtifactWriter.TIMINGS);
    Map<String, Timings> runs = new TreeMap<>();
    if (!Files.exists(file)) {
      return runs;
    }
    JsonNode root = MAPPER.readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new InputException(file + ": must hold a JSON object of runs");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> run = it.next();
      Map<String, Double> phases = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> p = run.getValue().fields(); p.hasNext(); ) {
        Map.Entry<String, JsonNode> phase = p.next();
        if (!phase.getValue().isNumber()) {
          throw new InputException(run.getKey() + "." + phase.getKey() + " = "
              + phase.getValue() + ": must be a number of seconds");
        }
        phases.put(phase.getKey(), phase.getValue().doubleValue());
      }
      runs.put(run.getKey(), new Timings(phases));
    }
    return runs;
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
