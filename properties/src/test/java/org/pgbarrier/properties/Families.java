package org.pgbarrier.properties;

import java.util.SplittableRandom;
import org.pgbarrier.instance.BarrierInstances;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.PlantedGaussianInstances;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.ParameterSpace;
import org.pgbarrier.testkit.engine.Params;

/**
 * The four instance families behind one parameter space, so that an exact property runs on all
 * of them and shrinks across them.
 *
 * <p>Parameters: {@code family} 1..4 (G1 tabular, G2 planted Gaussian, G3 bigram, G4 barrier),
 * {@code k}, {@code N}, {@code contexts}, {@code m} (G3 input dimension; G2 uses {@code m + k},
 * since a state dimension below k can leave no direction with the requested margin),
 * {@code margin} in (0, 1] (the fraction of the family's largest feasible gamma requested), and
 * {@code scale} (the standard deviation of random weights used by the checks). Stream 1 of the
 * case seed generates the instance; stream 2 is handed to the check.
 */
final class Families {
  private Families() {}

  /** The standard space; sizes small enough that exact enumeration is cheap. */
  static ParameterSpace space() {
    return new ParameterSpace()
        .integer("family", 1, 4)
        .integer("k", 2, 4)
        .integer("N", 1, 4)
        .integer("contexts", 1, 3)
        .integer("m", 1, 6)
        .real("margin", 0.1, 1.0)
        .real("scale", 0.0, 3.0);
  }

  /** A check that runs {@code f} on the case's instance with the case's generator. */
  static Check on(OnInstance f) {
    return (p, seed) -> f.apply(instance(p, seed), p, Seeds.stream(seed, 2));
  }

  /** A property body, generic in the context type of the instance. */
  interface OnInstance {
    <X> Observation apply(Instance<X> instance, Params params, SplittableRandom rng);
  }

  static Instance<?> instance(Params p, long caseSeed) {
    return instance(p.integer("family"), p, caseSeed);
  }

  /** The instance of {@code family} (1..4) with the other parameters of {@code p}. */
  static Instance<?> instance(int family, Params p, long caseSeed) {
    long seed = Seeds.derive(caseSeed, 1);
    int k = p.integer("k");
    int n = p.integer("N");
    int contexts = p.integer("contexts");
    double margin = p.real("margin");
    switch (family) {
      case 1:
        return TabularInstances.generate(new TabularInstances.Spec(
            k, n, contexts, margin / Math.sqrt(contexts * n), 0.05, 0.9), seed);
      case 2:
        return PlantedGaussianInstances.generate(new PlantedGaussianInstances.Spec(
            p.integer("m") + k, k, n, contexts, 0.2 * margin, 2.0), seed);
      case 3:
        return BigramInstances.generate(new BigramInstances.Spec(
            p.integer("m"), k, n, BigramInstances.Inputs.RADEMACHER, 1, 0.0, contexts), seed);
      case 4:
        return BarrierInstances.generate(new BarrierInstances.Spec(
            k, n, contexts, contexts, (n + 1) / 2, 0.3, 0.5,
            margin / Math.sqrt(2.0 * contexts * n)), seed);
      default:
        throw new IllegalArgumentException("family = " + family + ": must be 1..4");
    }
  }

  /** Weights with i.i.d. N(0, scale^2) entries. */
  static double[] randomWeights(int dimension, double scale, SplittableRandom rng) {
    double[] w = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      w[i] = scale * rng.nextGaussian();
    }
    return w;
  }
}
