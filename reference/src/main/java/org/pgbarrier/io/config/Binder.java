package org.pgbarrier.io.config;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pgbarrier.experiment.BehaviourSettings;
import org.pgbarrier.experiment.CdfExperimentSettings;
import org.pgbarrier.experiment.DataSettings;
import org.pgbarrier.experiment.DataSettings.InputGenerator;
import org.pgbarrier.experiment.DataSettings.TrackSource;
import org.pgbarrier.experiment.ExperimentSettings;
import org.pgbarrier.experiment.OptimizerSettings;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.experiment.PgExperimentSettings.Reward;
import org.pgbarrier.experiment.PhaseSettings;
import org.pgbarrier.experiment.TrackingSettings;

/**
 * Binds a resolved config tree to the typed settings of {@code org.pgbarrier.experiment}, with
 * the authors' schema and defaults [CODE: main.py, utils/experiments.py, utils/training.py,
 * utils/data_generator.py, utils/behavior_policy.py, configs/*.yaml at every published version].
 * The schema, the defaults and the accepted-but-ignored keys are listed in docs/config.md; the
 * key sets below are its source of truth.
 */
final class Binder {
  /** Keys of the document. */
  static final Set<String> ROOT_KEYS = Set.of("global", "experiment");

  /** Keys of {@code global}. */
  static final Set<String> GLOBAL_KEYS = Set.of("seed", "d", "k", "seq_length", "test_set_size",
      "track_set_size", "track_source", "output_dir", "data_generator");

  /**
   * Keys of {@code experiment} that name output files of the authors' code or label the run: read
   * as strings (or a boolean for {@code enabled}) and otherwise ignored, since pgbarrier names its
   * artifacts itself and runs the one experiment of the file.
   */
  static final Set<String> PG_IGNORED_KEYS = Set.of("name", "enabled", "likelihood_plot_file",
      "expected_error_plot_file", "supervised_track_histogram_file",
      "supervised_track_likelihood_tensor_file", "selected_initial_likelihood_tensor_file",
      "average_likelihood_plot_file");

  /** The same for the {@code cdf_quantile} experiment. */
  static final Set<String> CDF_IGNORED_KEYS =
      Set.of("name", "enabled", "cdf_plot_file", "quantile_plot_file", "alpha_tail_plot_file");

  /** Keys of {@code experiment} for the PG kinds. */
  static final Set<String> PG_EXPERIMENT_KEYS = union(PG_IGNORED_KEYS, Set.of("type", "seed",
      "reward_type", "likelihood_tracking_type", "initial_likelihood_threshold",
      "max_tracked_samples", "track_initial_quantiles", "base_likelihood_histogram_bins",
      "supervised_track_histogram_bins", "supervised", "pg"));

  /** Keys of {@code experiment} for {@code cdf_quantile}. */
  static final Set<String> CDF_EXPERIMENT_KEYS = union(CDF_IGNORED_KEYS, Set.of("type", "seed",
      "num_models", "partial_steps", "batch_size", "optimizer", "cdf_samples"));

  /** Keys of {@code experiment.supervised}. */
  static final Set<String> SUPERVISED_KEYS =
      Set.of("steps", "batch_size", "optimizer", "test_every");

  /** Keys of {@code experiment.pg}. */
  static final Set<String> PG_KEYS = union(SUPERVISED_KEYS,
      Set.of("track_every", "baseline", "behavior"));

  /** Keys of an {@code optimizer}. */
  static final Set<String> OPTIMIZER_KEYS = Set.of("_target_", "_partial_", "lr");

  /** {@code track_initial_quantiles} when absent [CODE: utils/experiments.py]. */
  static final int DEFAULT_QUANTILES = 15;

  /**
   * {@code base_likelihood_histogram_bins} when absent: 80 in the authors' code (every version
   * read, {@code exp.get(..., 80)}), although every config of theirs writes 120 [CODE].
   */
  static final int DEFAULT_HISTOGRAM_BINS = 80;

  /**
   * {@code initial_likelihood_threshold} when absent with uniform tracking, where it is unused:
   * the off-support threshold of the authors' configs.
   */
  static final double DEFAULT_THRESHOLD = 1e-12;

  private static final String DATA_MODULE = "utils.data_generator.";
  private static final String OPTIMIZER_MODULE = "torch.optim.";
  private static final String BEHAVIOUR_MODULE = "utils.behavior_policy.";

  private static final Map<String, ExperimentKind> KINDS = names(ExperimentKind.values());
  private static final Map<String, TrackSource> TRACK_SOURCES = ordered(
      "test", TrackSource.TEST, "sample", TrackSource.SAMPLE,
      "mixture_centers", TrackSource.MIXTURE_CENTERS);
  private static final Map<String, TrackingSettings.Type> TRACKING_TYPES = ordered(
      "uniform", TrackingSettings.Type.UNIFORM, "threshold", TrackingSettings.Type.THRESHOLD);
  private static final Map<String, Reward> REWARDS =
      ordered("outcome", Reward.OUTCOME, "process", Reward.PROCESS);
  private static final Map<String, OptimizerSettings.Kind> OPTIMIZERS = ordered(
      "Adagrad", OptimizerSettings.Kind.ADAGRAD, "SGD", OptimizerSettings.Kind.SGD);
  private static final List<String> GENERATORS =
      List.of("MixtureInputGenerator", "RademacherInputGenerator");
  private static final List<String> BEHAVIOURS = BehaviourSettings.Target.classNames();

  /** The kind, the settings and the output directory of a config. */
  record Bound(ExperimentKind kind, ExperimentSettings settings, String outputDir) {}

  private Binder() {}

  /**
   * Binds {@code root}.
   *
   * @param fileName the config's file name, for the experiment kind when {@code experiment.type}
   *     is absent
   */
  static Bound bind(Node.Mapping root, Origin first, String fileName) {
    Block document = new Block("", first, root);
    document.allowOnly(ROOT_KEYS);
    Block experiment = document.block("experiment");
    ExperimentKind kind = kind(experiment, fileName);
    Block global = document.block("global");
    global.allowOnly(GLOBAL_KEYS);
    DataSettings data = data(global, kind != ExperimentKind.CDF_QUANTILE);
    String outputDir = global.string("output_dir");
    if (outputDir.isBlank()) {
      throw global.invalid("output_dir", "must not be empty");
    }
    ExperimentSettings settings = kind == ExperimentKind.CDF_QUANTILE
        ? cdf(experiment, data) : pg(experiment, data, kind);
    return new Bound(kind, settings, outputDir);
  }

  private static ExperimentKind kind(Block experiment, String fileName) {
    String stem = fileName.replaceFirst("\\.(yaml|yml)$", "");
    ExperimentKind named = KINDS.get(stem);
    if (!experiment.has("type")) {
      if (named == null) {
        throw experiment.missing("type", ": the file name " + fileName + " names no experiment"
            + " (" + String.join(", ", KINDS.keySet()) + ")");
      }
      return named;
    }
    ExperimentKind declared = experiment.choice("type", KINDS);
    if (named != null && named != declared) {
      throw experiment.invalid("type", "contradicts the file name " + fileName);
    }
    return declared;
  }

  private static DataSettings data(Block global, boolean tracks) {
    long seed = global.longInteger("seed");
    int d = global.integer("d");
    int k = global.integer("k");
    int seqLength = global.integer("seq_length");
    int testSetSize = global.integer("test_set_size");
    InputGenerator inputs = global.has("data_generator")
        ? generator(global.block("data_generator")) : new InputGenerator.Rademacher();
    TrackSource source = tracks ? global.choice("track_source", TRACK_SOURCES)
        : global.choice("track_source", TRACK_SOURCES, TrackSource.TEST);
    int trackSetSize = tracks ? global.integer("track_set_size")
        : global.integer("track_set_size", testSetSize);
    if (source == TrackSource.MIXTURE_CENTERS && !(inputs instanceof InputGenerator.Mixture)) {
      throw global.invalid("track_source", "needs global.data_generator to be"
          + " MixtureInputGenerator, whose means are the centres");
    }
    return global.build(() -> new DataSettings(
        seed, d, k, seqLength, testSetSize, trackSetSize, source, inputs));
  }

  private static InputGenerator generator(Block block) {
    String target = target(block, DATA_MODULE, GENERATORS);
    if (target.equals("RademacherInputGenerator")) {
      block.allowOnly(Set.of("_target_"));
      return new InputGenerator.Rademacher();
    }
    block.allowOnly(Set.of("_target_", "num_mix", "sigma"));
    int numMix = block.integer("num_mix");
    double sigma = block.number("sigma");
    return block.build(() -> new InputGenerator.Mixture(numMix, sigma));
  }

  private static PgExperimentSettings pg(Block exp, DataSettings data, ExperimentKind kind) {
    exp.allowOnly(PG_EXPERIMENT_KEYS);
    ignored(exp, PG_IGNORED_KEYS);
    long seed = exp.has("seed") ? exp.longInteger("seed") : data.seed();
    Reward reward = reward(exp, kind);
    TrackingSettings tracking = tracking(exp, data, kind);
    Block supervisedBlock = exp.block("supervised");
    supervisedBlock.allowOnly(SUPERVISED_KEYS);
    PhaseSettings supervised = phase(supervisedBlock, false);
    Block pgBlock = exp.block("pg");
    pgBlock.allowOnly(PG_KEYS);
    PhaseSettings pg = phase(pgBlock, true);
    boolean baseline = pgBlock.bool("baseline", true);
    BehaviourSettings behaviour = pgBlock.has("behavior")
        ? behaviour(pgBlock.block("behavior"), data.k()) : new BehaviourSettings.OnPolicy();
    return exp.build(() -> new PgExperimentSettings(
        data, seed, reward, supervised, pg, baseline, behaviour, tracking));
  }

  private static Reward reward(Block exp, ExperimentKind kind) {
    if (kind == ExperimentKind.THRESHOLD_TRACK) {
      return exp.choice("reward_type", REWARDS);
    }
    Reward reward = kind == ExperimentKind.OUTCOME_REWARD ? Reward.OUTCOME : Reward.PROCESS;
    if (exp.has("reward_type") && exp.choice("reward_type", REWARDS) != reward) {
      throw exp.invalid("reward_type", "contradicts the experiment " + kind.configName());
    }
    return reward;
  }

  private static TrackingSettings tracking(Block exp, DataSettings data, ExperimentKind kind) {
    boolean thresholdTrack = kind == ExperimentKind.THRESHOLD_TRACK;
    TrackingSettings.Type type = exp.choice("likelihood_tracking_type", TRACKING_TYPES,
        thresholdTrack ? TrackingSettings.Type.THRESHOLD : TrackingSettings.Type.UNIFORM);
    if (thresholdTrack && type != TrackingSettings.Type.THRESHOLD) {
      throw exp.invalid("likelihood_tracking_type", "must be threshold in a threshold_track"
          + " experiment");
    }
    double threshold;
    if (type == TrackingSettings.Type.THRESHOLD) {
      if (!exp.has("initial_likelihood_threshold")) {
        throw exp.missing("initial_likelihood_threshold", " (threshold tracking needs it)");
      }
      threshold = exp.number("initial_likelihood_threshold");
    } else {
      threshold = exp.number("initial_likelihood_threshold", DEFAULT_THRESHOLD);
    }
    int maxTracked = exp.integer("max_tracked_samples", poolSize(data));
    int quantiles = exp.integer("track_initial_quantiles", DEFAULT_QUANTILES);
    String binsKey = "base_likelihood_histogram_bins";
    if (exp.has("supervised_track_histogram_bins")) {
      if (exp.has(binsKey)) {
        throw exp.invalid("supervised_track_histogram_bins", "conflicts with " + binsKey
            + " (the later name of the same setting): give one");
      }
      binsKey = "supervised_track_histogram_bins";
    }
    int bins = exp.integer(binsKey, DEFAULT_HISTOGRAM_BINS);
    return exp.build(() -> new TrackingSettings(type, quantiles, threshold, maxTracked, bins),
        Map.of("base_likelihood_histogram_bins", binsKey));
  }

  /** The size of the pool the tracked samples come from: no cap by default. */
  private static int poolSize(DataSettings data) {
    return switch (data.trackSource()) {
      case TEST -> data.testSetSize();
      case SAMPLE -> data.trackSetSize();
      case MIXTURE_CENTERS -> ((InputGenerator.Mixture) data.inputs()).numMix();
    };
  }

  private static PhaseSettings phase(Block block, boolean tracks) {
    int steps = block.integer("steps");
    int batchSize = block.integer("batch_size");
    OptimizerSettings optimizer = optimizer(block.block("optimizer"));
    int testEvery = block.integer("test_every");
    int trackEvery = tracks ? block.integer("track_every", testEvery) : testEvery;
    return block.build(() -> new PhaseSettings(steps, batchSize, optimizer, testEvery,
        trackEvery));
  }

  private static OptimizerSettings optimizer(Block block) {
    block.allowOnly(OPTIMIZER_KEYS);
    OptimizerSettings.Kind kind = OPTIMIZERS.get(target(block, OPTIMIZER_MODULE,
        List.copyOf(OPTIMIZERS.keySet())));
    if (!block.bool("_partial_", true)) {
      throw block.invalid("_partial_", "must be true: the optimiser is created afresh for each"
          + " phase, on that phase's weights");
    }
    double lr = block.number("lr");
    return block.build(() -> new OptimizerSettings(kind, lr));
  }

  private static BehaviourSettings behaviour(Block block, int k) {
    BehaviourSettings.Target target = BehaviourSettings.Target.named(
        target(block, BEHAVIOUR_MODULE, BEHAVIOURS)).orElseThrow();
    switch (target) {
      case UNIFORM -> {
        block.allowOnly(Set.of("_target_", "k"));
        vocabulary(block, k);
        return new BehaviourSettings.Uniform();
      }
      case EPSILON_MIXTURE -> {
        block.allowOnly(Set.of("_target_", "k", "epsilon", "base_behavior"));
        vocabulary(block, k);
        double epsilon = block.number("epsilon");
        BehaviourSettings base = block.has("base_behavior")
            ? behaviour(block.block("base_behavior"), k) : new BehaviourSettings.OnPolicy();
        return block.build(() -> new BehaviourSettings.EpsilonMixture(epsilon, base));
      }
      case BEST_OF_M -> {
        block.allowOnly(Set.of("_target_", "base_policy", "m"));
        int m = block.integer("m");
        BehaviourSettings base = behaviour(block.block("base_policy"), k);
        return block.build(() -> new BehaviourSettings.BestOfM(m, base));
      }
      default -> {
        block.allowOnly(Set.of("_target_"));
        return target.only().orElseThrow();
      }
    }
  }

  /** The optional {@code k} of a behaviour, which must be the model's vocabulary size. */
  private static void vocabulary(Block block, int k) {
    if (block.has("k") && block.integer("k") != k) {
      throw block.invalid("k", "must equal global.k = " + k
          + ", the vocabulary the model samples from");
    }
  }

  /** The short class name of {@code _target_}, with or without its module prefix. */
  private static String target(Block block, String module, List<String> names) {
    String target = block.string("_target_");
    String name = target.startsWith(module) ? target.substring(module.length()) : target;
    if (!names.contains(name)) {
      throw block.invalid("_target_", "unknown target; expected one of "
          + String.join(", ", names) + " (optionally prefixed with " + module + ")");
    }
    return name;
  }

  private static CdfExperimentSettings cdf(Block exp, DataSettings data) {
    exp.allowOnly(CDF_EXPERIMENT_KEYS);
    ignored(exp, CDF_IGNORED_KEYS);
    long seed = exp.has("seed") ? exp.longInteger("seed") : data.seed();
    int numModels = exp.integer("num_models");
    int partialSteps = exp.integer("partial_steps");
    int batchSize = exp.integer("batch_size");
    OptimizerSettings optimizer = optimizer(exp.block("optimizer"));
    int cdfSamples = exp.integer("cdf_samples");
    return exp.build(() -> new CdfExperimentSettings(
        data, seed, numModels, partialSteps, batchSize, optimizer, cdfSamples));
  }

  /** Type-checks the accepted-but-ignored keys: strings, and a boolean {@code enabled}. */
  private static void ignored(Block exp, Set<String> keys) {
    for (String key : new TreeSet<>(keys)) {
      if (exp.has(key)) {
        if (key.equals("enabled")) {
          exp.bool(key);
        } else {
          exp.string(key);
        }
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }

  private static Map<String, ExperimentKind> names(ExperimentKind[] kinds) {
    Map<String, ExperimentKind> out = new LinkedHashMap<>();
    for (ExperimentKind kind : kinds) {
      out.put(kind.configName(), kind);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <E> Map<String, E> ordered(Object... pairs) {
    Map<String, E> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], (E) pairs[i + 1]);
    }
    return out;
  }
}
