package org.pgbarrier.io.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.pgbarrier.experiment.BehaviourSettings;
import org.pgbarrier.experiment.CdfExperimentSettings;
import org.pgbarrier.experiment.DataSettings;
import org.pgbarrier.experiment.ExperimentSettings;
import org.pgbarrier.experiment.OptimizerSettings;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.experiment.PhaseSettings;
import org.pgbarrier.experiment.TrackingSettings;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.JsonText;

/**
 * The resolved settings of an artifact, in the authors' YAML key names [CODE: configs/*.yaml]
 * (docs/artifacts.md): a {@code global} and an {@code experiment} object, {@code _target_} naming
 * the input generator, the optimiser and the behaviour by the authors' class names without their
 * module path.
 */
final class SettingsJson {
  private SettingsJson() {}

  static void write(JsonText json, ExperimentSettings settings) {
    json.object("settings");
    writeGlobal(json, settings.data());
    json.object("experiment");
    if (settings instanceof PgExperimentSettings pg) {
      json.string("type", type(pg));
      json.integer("seed", pg.seed());
      TrackingSettings t = pg.tracking();
      json.string("likelihood_tracking_type", t.type().name().toLowerCase(Locale.ROOT));
      json.number("initial_likelihood_threshold", t.threshold());
      json.integer("max_tracked_samples", t.maxTracked());
      json.integer("track_initial_quantiles", t.quantiles());
      json.integer("base_likelihood_histogram_bins", t.histogramBins());
      writePhase(json, "supervised", pg.supervised());
      writePhase(json, "pg", pg.pg());
      json.bool("baseline", pg.baseline());
      writeBehaviour(json, "behavior", pg.behaviour());
    } else {
      CdfExperimentSettings cdf = (CdfExperimentSettings) settings;
      json.string("type", "cdf_quantile");
      json.integer("seed", cdf.seed());
      json.integer("num_models", cdf.numModels());
      json.integer("partial_steps", cdf.partialSteps());
      json.integer("batch_size", cdf.batchSize());
      writeOptimizer(json, cdf.optimizer());
      json.integer("cdf_samples", cdf.cdfSamples());
    }
    json.end();
    json.end();
  }

  /** {@code outcome_reward} or {@code process_reward}. */
  static String type(PgExperimentSettings settings) {
    return settings.reward().name().toLowerCase(Locale.ROOT) + "_reward";
  }

  private static void writeGlobal(JsonText json, DataSettings data) {
    json.object("global");
    json.integer("seed", data.seed());
    json.integer("d", data.d());
    json.integer("k", data.k());
    json.integer("seq_length", data.seqLength());
    json.integer("test_set_size", data.testSetSize());
    json.integer("track_set_size", data.trackSetSize());
    json.string("track_source", data.trackSource().name().toLowerCase(Locale.ROOT));
    json.object("data_generator");
    if (data.inputs() instanceof DataSettings.InputGenerator.Mixture mixture) {
      json.string("_target_", "MixtureInputGenerator");
      json.integer("num_mix", mixture.numMix());
      json.number("sigma", mixture.sigma());
    } else {
      json.string("_target_", "RademacherInputGenerator");
    }
    json.end();
    json.end();
  }

  private static void writePhase(JsonText json, String name, PhaseSettings phase) {
    json.object(name);
    json.integer("steps", phase.steps());
    json.integer("batch_size", phase.batchSize());
    writeOptimizer(json, phase.optimizer());
    json.integer("test_every", phase.testEvery());
    json.integer("track_every", phase.trackEvery());
    json.end();
  }

  private static void writeOptimizer(JsonText json, OptimizerSettings optimizer) {
    json.object("optimizer");
    json.string("_target_", optimizer.kind() == OptimizerSettings.Kind.ADAGRAD ? "Adagrad" : "SGD");
    json.number("lr", optimizer.lr());
    json.end();
  }

  private static void writeBehaviour(JsonText json, String name, BehaviourSettings behaviour) {
    json.object(name);
    json.string("_target_", BehaviourSettings.Target.of(behaviour).className());
    if (behaviour instanceof BehaviourSettings.EpsilonMixture mixture) {
      json.number("epsilon", mixture.epsilon());
      writeBehaviour(json, "base_behavior", mixture.base());
    } else if (behaviour instanceof BehaviourSettings.BestOfM best) {
      json.integer("m", best.m());
      writeBehaviour(json, "base_policy", best.base());
    }
    json.end();
  }

  static ExperimentSettings read(Node settings) {
    DataSettings data = readGlobal(settings.object("global"));
    Node e = settings.object("experiment");
    String type = e.text("type");
    if (type.equals("cdf_quantile")) {
      e.only(Set.of("type", "seed", "num_models", "partial_steps", "batch_size", "optimizer",
          "cdf_samples"));
      return new CdfExperimentSettings(data, e.longValue("seed"), e.intValue("num_models"),
          e.intValue("partial_steps"), e.intValue("batch_size"),
          readOptimizer(e.object("optimizer")), e.intValue("cdf_samples"));
    }
    PgExperimentSettings.Reward reward = switch (type) {
      case "outcome_reward" -> PgExperimentSettings.Reward.OUTCOME;
      case "process_reward" -> PgExperimentSettings.Reward.PROCESS;
      default -> throw e.invalid("type", "'" + type
          + "': must be outcome_reward, process_reward or cdf_quantile");
    };
    e.only(Set.of("type", "seed", "likelihood_tracking_type", "initial_likelihood_threshold",
        "max_tracked_samples", "track_initial_quantiles", "base_likelihood_histogram_bins",
        "supervised", "pg", "baseline", "behavior"));
    TrackingSettings tracking = new TrackingSettings(
        e.enumValue("likelihood_tracking_type", TrackingSettings.Type.class),
        e.intValue("track_initial_quantiles"), e.doubleValue("initial_likelihood_threshold"),
        e.intValue("max_tracked_samples"), e.intValue("base_likelihood_histogram_bins"));
    return new PgExperimentSettings(data, e.longValue("seed"), reward,
        readPhase(e.object("supervised")), readPhase(e.object("pg")), e.bool("baseline"),
        readBehaviour(e.object("behavior")), tracking);
  }

  private static DataSettings readGlobal(Node g) {
    g.only(Set.of("seed", "d", "k", "seq_length", "test_set_size", "track_set_size",
        "track_source", "data_generator"));
    Node generator = g.object("data_generator");
    String target = generator.text("_target_");
    DataSettings.InputGenerator inputs;
    if (target.equals("MixtureInputGenerator")) {
      generator.only(Set.of("_target_", "num_mix", "sigma"));
      inputs = new DataSettings.InputGenerator.Mixture(
          generator.intValue("num_mix"), generator.doubleValue("sigma"));
    } else if (target.equals("RademacherInputGenerator")) {
      generator.only(Set.of("_target_"));
      inputs = new DataSettings.InputGenerator.Rademacher();
    } else {
      throw generator.invalid("_target_", "'" + target
          + "': must be MixtureInputGenerator or RademacherInputGenerator");
    }
    return new DataSettings(g.longValue("seed"), g.intValue("d"), g.intValue("k"),
        g.intValue("seq_length"), g.intValue("test_set_size"), g.intValue("track_set_size"),
        g.enumValue("track_source", DataSettings.TrackSource.class), inputs);
  }

  private static PhaseSettings readPhase(Node p) {
    p.only(Set.of("steps", "batch_size", "optimizer", "test_every", "track_every"));
    return new PhaseSettings(p.intValue("steps"), p.intValue("batch_size"),
        readOptimizer(p.object("optimizer")), p.intValue("test_every"), p.intValue("track_every"));
  }

  private static OptimizerSettings readOptimizer(Node o) {
    o.only(Set.of("_target_", "lr"));
    String target = o.text("_target_");
    OptimizerSettings.Kind kind = switch (target) {
      case "Adagrad" -> OptimizerSettings.Kind.ADAGRAD;
      case "SGD" -> OptimizerSettings.Kind.SGD;
      default -> throw o.invalid("_target_", "'" + target + "': must be Adagrad or SGD");
    };
    return new OptimizerSettings(kind, o.doubleValue("lr"));
  }

  private static BehaviourSettings readBehaviour(Node b) {
    String name = b.text("_target_");
    BehaviourSettings.Target target = BehaviourSettings.Target.named(name).orElse(null);
    if (target == BehaviourSettings.Target.EPSILON_MIXTURE) {
      b.only(Set.of("_target_", "epsilon", "base_behavior"));
      return new BehaviourSettings.EpsilonMixture(
          b.doubleValue("epsilon"), readBehaviour(b.object("base_behavior")));
    }
    if (target == BehaviourSettings.Target.BEST_OF_M) {
      b.only(Set.of("_target_", "m", "base_policy"));
      return new BehaviourSettings.BestOfM(b.intValue("m"), readBehaviour(b.object("base_policy")));
    }
    b.only(Set.of("_target_"));
    if (target == null) {
      throw b.invalid("_target_", "'" + name + "': not a known behaviour");
    }
    return target.only().orElseThrow();
  }

  /** A JSON object with its path, read strictly: every key required, no unknown key. */
  static final class Node {
    private final JsonNode node;
    private final String path;

    Node(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        throw new InputException(path + " = " + node + ": must be an object");
      }
      this.node = node;
      this.path = path;
    }

    private String at(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    InputException invalid(String key, String why) {
      return new InputException(at(key) + " = " + why);
    }

    JsonNode get(String key) {
      JsonNode value = node.get(key);
      if (value == null) {
        throw new InputException(at(key) + " is missing");
      }
      return value;
    }

    void only(Set<String> keys) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!keys.contains(name)) {
          throw new InputException(at(name) + ": unknown key");
        }
      }
    }

    Node object(String key) {
      return new Node(get(key), at(key));
    }

    String text(String key) {
      JsonNode value = get(key);
      if (!value.isTextual()) {
        throw invalid(key, value + ": must be a string");
      }
      return value.textValue();
    }

    boolean bool(String key) {
      JsonNode value = get(key);
      if (!value.isBoolean()) {
        throw invalid(key, value + ": must be true or false");
      }
      return value.booleanValue();
    }

    long longValue(String key) {
      JsonNode value = get(key);
      if (!value.canConvertToLong() || !value.isIntegralNumber()) {
        throw invalid(key, value + ": must be an integer");
      }
      return value.longValue();
    }

    int intValue(String key) {
      JsonNode value = get(key);
      if (!value.isInt()) {
        throw invalid(key, value + ": must be a 32-bit integer");
      }
      return value.intValue();
    }

    double doubleValue(String key) {
      JsonNode value = get(key);
      if (!value.isNumber()) {
        throw invalid(key, value + ": must be a number");
      }
      return value.doubleValue();
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
      String text = text(key);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
          return constant;
        }
      }
      throw invalid(key, "'" + text + "': not one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }

    double[] doubles(String key) {
      JsonNode value = get(key);
      if (!value.isArray()) {
        throw invalid(key, "must be an array of numbers");
      }
      double[] out = new double[value.size()];
      for (int j = 0; j < out.length; j++) {
        if (!value.get(j).isNumber()) {
          throw new InputException(at(key) + "[" + j + "] = " + value.get(j) + ": must be a number");
        }
        out[j] = value.get(j).doubleValue();
      }
      return out;
    }

    int[] ints(String key) {
      JsonNode value = get(key);
      if (!value.isArray()) {
        throw invalid(key, "must be an array of integers");
      }
      int[] out = new int[value.size()];
      for (int j = 0; j < out.length; j++) {
        if (!value.get(j).isInt()) {
          throw new InputException(at(key) + "[" + j + "] = " + value.get(j)
              + ": must be a 32-bit integer");
        }
        out[j] = value.get(j).intValue();
      }
      return out;
    }

    long[] longs(String key) {
      JsonNode value = get(key);
      if (!value.isArray()) {
        throw invalid(key, "must be an array of integers");
      }
      long[] out = new long[value.size()];
      for (int j = 0; j < out.length; j++) {
        if (!value.get(j).isIntegralNumber() || !value.get(j).canConvertToLong()) {
          throw new InputException(at(key) + "[" + j + "] = " + value.get(j)
              + ": must be an integer");
        }
        out[j] = value.get(j).longValue();
      }
      return out;
    }

    double[][] matrix(String key) {
      JsonNode value = get(key);
      if (!value.isArray()) {
        throw invalid(key, "must be an array of rows");
      }
      double[][] out = new double[value.size()][];
      for (int r = 0; r < out.length; r++) {
        JsonNode row = value.get(r);
        if (!row.isArray()) {
          throw new InputException(at(key) + "[" + r + "]: must be an array of numbers");
        }
        out[r] = new double[row.size()];
        for (int j = 0; j < out[r].length; j++) {
          if (!row.get(j).isNumber()) {
            throw new InputException(at(key) + "[" + r + "][" + j + "] = " + row.get(j)
                + ": must be a number");
          }
          out[r][j] = row.get(j).doubleValue();
        }
      }
      return out;
    }
  }
}
