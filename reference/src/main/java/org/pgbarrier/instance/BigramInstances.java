package org.pgbarrier.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.model.BigramFeatureMap;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.random.Seeds;

/**
 * Instance family G3, the authors' data ({@code utils/data_generator.py} of
 * github.com/mousavih/rlvr-base-model-barrier, [SOURCE: code]):
 *
 * <ul>
 *   <li>Rademacher inputs {@code x in {-1, +1}^d}, or the Gaussian mixture with {@code numMix}
 *       means {@code e_{j mod d}}, noise {@code N(0, sigma^2 I)} clipped to norm at most {@code
 *       sigma}, then {@code x} rescaled to norm {@code sqrt(d)};
 *   <li>{@code W1*, W2*} with i.i.d. N(0,1) entries; {@code y*} by greedy decoding of {@code w*}.
 * </ul>
 *
 * The margin is not controlled; {@link Instance#certify()} reports the realised one on a
 * certification sample of {@code sampleSize} contexts. The base model is uniform.
 */
public final class BigramInstances {
  /** Family name recorded with every instance. */
  public static final String FAMILY = "G3-bigram";

  private BigramInstances() {}

  /** The input distribution. */
  public enum Inputs {
    RADEMACHER,
    MIXTURE
  }

  /**
   * Parameters of G3.
   *
   * @param d input dimension
   * @param k vocabulary size
   * @param length response length N
   * @param inputs the input distribution
   * @param numMix number of mixture components (MIXTURE only; at least 1)
   * @param sigma mixture noise radius (MIXTURE only; finite, >= 0)
   * @param sampleSize size of the certification sample
   */
  public record Spec(
      int d, int k, int length, Inputs inputs, int numMix, double sigma, int sampleSize) {
    public Spec {
      Checks.positive("d", d);
      Checks.atLeast("k", k, 2);
      Checks.positive("N", length);
      Checks.positive("numMix", numMix);
      Checks.nonNegative("sigma", sigma);
      Checks.positive("sampleSize", sampleSize);
      if (inputs == null) {
        throw new IllegalArgumentException("inputs = null: must be RADEMACHER or MIXTURE");
      }
    }
  }

  /**
   * Generates a G3 instance. Stream 0 of the seed draws {@code w*}, stream 1 the certification
   * sample; the same spec and seed give the same instance bit for bit.
   */
  public static Instance<double[]> generate(Spec spec, long seed) {
    BigramFeatureMap phi = new BigramFeatureMap(spec.d(), spec.k());
    LinearAutoregressiveModel<double[]> model = new LinearAutoregressiveModel<>(phi, spec.length());
    SplittableRandom weights = Seeds.stream(seed, 0);
    double[] wStar = new double[phi.dimension()];
    for (int i = 0; i < wStar.length; i++) {
      wStar[i] = weights.nextGaussian();
    }
    ContextDistribution<double[]> distribution = rng -> {
      double[] x = drawInput(spec, rng);
      return new Labeled<>(x, phi.greedy(wStar, x, spec.length()));
    };
    SplittableRandom sampler = Seeds.stream(seed, 1);
    List<Labeled<double[]>> sample = new ArrayList<>(spec.sampleSize());
    for (int c = 0; c < spec.sampleSize(); c++) {
      sample.add(distribution.sample(sampler));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("d", spec.d());
    params.put("k", spec.k());
    params.put("N", spec.length());
    params.put("inputs", spec.inputs().name());
    params.put("numMix", spec.numMix());
    params.put("sigma", spec.sigma());
    params.put("sampleSize", spec.sampleSize());
    return new Instance<>(new Recipe(FAMILY, params, seed), model, wStar,
        new double[phi.dimension()], Double.NaN, distribution, sample);
  }

  /** One input {@code x} drawn from the spec's input distribution. */
  public static double[] drawInput(Spec spec, RandomGenerator rng) {
    int d = spec.d();
    double[] x = new double[d];
    if (spec.inputs() == Inputs.RADEMACHER) {
      for (int j = 0; j < d; j++) {
        x[j] = rng.nextBoolean() ? 1.0 : -1.0;
      }
      return x;
    }
    int component = rng.nextInt(spec.numMix());
    double noiseNorm = 0;
    for (int j = 0; j < d; j++) {
      x[j] = spec.sigma() * rng.nextGaussian();
      noiseNorm += x[j] * x[j];
    }
    noiseNorm = Math.sqrt(noiseNorm);
    if (noiseNorm > spec.sigma()) {
      double shrink = spec.sigma() / noiseNorm;
      for (int j = 0; j < d; j++) {
        x[j] *= shrink;
      }
    }
    x[component % d] += 1.0;
    double norm = 0;
    for (double xj : x) {
      norm += xj * xj;
    }
    double rescale = Math.sqrt(d) / Math.sqrt(norm);
    for (int j = 0; j < d; j++) {
      x[j] *= rescale;
    }
    return x;
  }
}
