package org.pgbarrier.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.random.Seeds;

/**
 * The data of one run, drawn from the data seed ({@link ExperimentSeeds}): the G3 bigram instance
 * ({@link BigramInstances}: the authors' inputs, {@code W1*, W2* ~ N(0,1)}, greedy {@code y*}
 * [CODE: utils/data_generator.py]), its fixed test set and the tracking pool.
 *
 * <p>Inputs: the mixture samples are rescaled to norm {@code sqrt(d)}, like the mixture centres
 * of {@code track_source: mixture_centers}. One stored version of the authors' generator divides
 * the samples by a further {@code sqrt(d)} (norm 1) while keeping the centres at norm {@code
 * sqrt(d)}; we follow the version in which both have norm {@code sqrt(d)} (docs/theory.md §7.6).
 */
public final class ExperimentData {
  private final DataSettings settings;
  private final BigramInstances.Spec spec;
  private final Instance<double[]> instance;

  private ExperimentData(DataSettings settings) {
    this.settings = settings;
    DataSettings.InputGenerator inputs = settings.inputs();
    if (inputs instanceof DataSettings.InputGenerator.Mixture mixture) {
      spec = new BigramInstances.Spec(settings.d(), settings.k(), settings.seqLength(),
          BigramInstances.Inputs.MIXTURE, mixture.numMix(), mixture.sigma(),
          settings.testSetSize());
    } else {
      spec = new BigramInstances.Spec(settings.d(), settings.k(), settings.seqLength(),
          BigramInstances.Inputs.RADEMACHER, 1, 0.0, settings.testSetSize());
    }
    if (settings.trackSource() == DataSettings.TrackSource.MIXTURE_CENTERS
        && spec.inputs() != BigramInstances.Inputs.MIXTURE) {
      throw new IllegalArgumentException("track_source = mixture_centers: requires the"
          + " data_generator MixtureInputGenerator, not RademacherInputGenerator");
    }
    // Streams GROUND_TRUTH and TEST_SET of the data seed: w* and the certification sample,
    // which is the test set.
    this.instance = BigramInstances.generate(spec, settings.seed());
  }

  /**
   * Draws the data of {@code settings}.
   *
   * @throws IllegalArgumentException if {@code track_source} is {@code mixture_centers} with
   *     Rademacher inputs
   */
  public static ExperimentData of(DataSettings settings) {
    return new ExperimentData(settings);
  }

  public DataSettings settings() {
    return settings;
  }

  /** The model class: the bigram feature map, {@code D = dk + k^2}, length {@code N}. */
  public LinearAutoregressiveModel<double[]> model() {
    return instance.model();
  }

  /** The labelled context distribution {@code D} the training batches are drawn from. */
  public ContextDistribution<double[]> distribution() {
    return instance.distribution();
  }

  /** The fixed test set, {@code test_set_size} contexts (data stream {@code TEST_SET}). */
  public List<Labeled<double[]>> testSet() {
    return instance.contexts();
  }

  /**
   * The tracking pool of {@code track_source} [CODE: utils/experiments.py::_sample_track_pool]:
   * the test set; or {@code track_set_size} fresh contexts (data stream {@code POOL}); or the
   * {@code num_mix} mixture centres {@code sqrt(d) e_(j mod d)}, {@code j < num_mix}, labelled by
   * greedy decoding of {@code w*}.
   */
  public List<Labeled<double[]>> pool() {
    return switch (settings.trackSource()) {
      case TEST -> testSet();
      case SAMPLE -> sample(settings.trackSetSize(), ExperimentSeeds.POOL);
      case MIXTURE_CENTERS -> centres();
    };
  }

  /** {@code n} fresh contexts from data stream {@code stream}, in order. */
  public List<Labeled<double[]>> sample(int n, int stream) {
    RandomGenerator rng = Seeds.stream(settings.seed(), stream);
    List<Labeled<double[]>> contexts = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      contexts.add(distribution().sample(rng));
    }
    return contexts;
  }

  private List<Labeled<double[]>> centres() {
    int d = spec.d();
    double[] wStar = instance.wStar();
    List<Labeled<double[]>> centres = new ArrayList<>(spec.numMix());
    for (int j = 0; j < spec.numMix(); j++) {
      double[] x = new double[d];
      x[j % d] = Math.sqrt(d);
      centres.add(new Labeled<>(x, model().greedy(wStar, x)));
    }
    return centres;
  }
}
