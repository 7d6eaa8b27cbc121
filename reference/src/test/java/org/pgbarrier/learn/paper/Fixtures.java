package org.pgbarrier.learn.paper;

import java.util.List;
import java.util.SplittableRandom;
import org.pgbarrier.instance.cluster.ClusterContext;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;

/** Small cluster families and their two learner states (fast and general). */
final class Fixtures {
  private Fixtures() {}

  static ClusterFamily staircase() {
    return ClusterFamily.staircase(3, 3)
        .group(0.5, 2, TokenBase.correct(0.8))
        .group(0.3, 2, TokenBase.correct(0.3))
        .group(0.2, 1, TokenBase.confidentlyWrong(-8))
        .build(17);
  }

  static ClusterFamily indep() {
    SplittableRandom rng = new SplittableRandom(2);
    TokenBase[][] base = new TokenBase[3][3];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < 3; i++) {
        base[c][i] = TokenBase.correct(rng.nextDouble(0.1, 0.9));
      }
    }
    return ClusterFamily.f1Indep(3, 3, new double[] {0.3, 0.3, 0.4}, base, 8);
  }

  static ClusterFamily f3() {
    return ClusterFamily.f3(3, 3, 1, 0.6, 3, 5);
  }

  static List<ClusterFamily> families() {
    return List.of(staircase(), indep(), f3());
  }

  static ClusterLearnerState fast(ClusterFamily f, double[] w1) {
    return new ClusterLearnerState(f, w1);
  }

  static ModelLearnerState<ClusterContext> general(ClusterFamily f, double[] w1) {
    return new ModelLearnerState<>(f.model(), f.contexts(), f.masses(), f.baseWeights(), w1);
  }

  static double[] randomWeights(ClusterFamily f, SplittableRandom rng) {
    double[] w = new double[f.dimension()];
    for (int j = 0; j < w.length; j++) {
      w[j] = rng.nextGaussian();
    }
    return w;
  }
}
