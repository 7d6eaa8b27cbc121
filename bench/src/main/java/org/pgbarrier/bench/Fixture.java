package org.pgbarrier.bench;

import java.util.SplittableRandom;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.random.Seeds;

/**
 * The inputs of the benchmarks: a G3 bigram instance ({@link BigramInstances}, mixture inputs
 * as in the authors' configs, {@code num_mix = 32}, {@code sigma = 0.05}), weights with i.i.d.
 * N(0,1) entries (the scale of the authors' {@code W*}), and labelled contexts, all from {@link
 * #SEED}.
 */
final class Fixture {
  /** Master seed of every random stream of the benchmarks. */
  static final long SEED = 20261122L;

  final Instance<double[]> instance;
  final double[] w;

  Fixture(int d, int k, int length) {
    instance = BigramInstances.generate(new BigramInstances.Spec(d, k, length,
        BigramInstances.Inputs.MIXTURE, 32, 0.05, 1), SEED);
    SplittableRandom rng = Seeds.stream(SEED, 10);
    w = new double[instance.model().dimension()];
    for (int j = 0; j < w.length; j++) {
      w[j] = rng.nextGaussian();
    }
  }

  /** {@code n} labelled contexts from stream 11. */
  Labeled<double[]>[] contexts(int n) {
    SplittableRandom rng = Seeds.stream(SEED, 11);
    @SuppressWarnings("unchecked")
    Labeled<double[]>[] out = (Labeled<double[]>[]) new Labeled<?>[n];
    for (int c = 0; c < n; c++) {
      out[c] = instance.distribution().sample(rng);
    }
    return out;
  }
}
