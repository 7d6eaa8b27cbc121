package org.pgbarrier.learn.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.cluster.ClusterContext;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.model.LinearAutoregressiveModel;

/** The fast state's exact error against enumeration of all responses and against BigDecimal. */
class ExactErrorTest {

  @Test
  void theExactErrorEqualsEnumerationOverAllResponses() {
    SplittableRandom rng = new SplittableRandom(21);
    for (ClusterFamily f : Fixtures.families()) {
      LinearAutoregressiveModel<ClusterContext> model = f.model();
      for (int trial = 0; trial < 5; trial++) {
        double[] w = new double[f.dimension()];
        for (int j = 0; j < w.length; j++) {
          w[j] = rng.nextGaussian() * 2;
        }
        double enumerated = 0;
        for (Labeled<ClusterContext> l : f.contexts()) {
          double[] all = model.enumerateLogLikelihoods(w, l.x());
          long index = 0;
          for (int t : l.target()) {
            index = index * f.vocabularySize() + t;
          }
          double total = 0;
          for (double lp : all) {
            total += Math.exp(lp);
          }
          assertThat(total).isCloseTo(1.0, within(1e-12));
          enumerated += f.mass(l.x().cluster()) * (1 - Math.exp(all[(int) index]));
        }
        assertThat(new ClusterLearnerState(f, w).error()).as(f.describe())
            .isCloseTo(enumerated, within(1e-12));
      }
    }
  }

  @Test
  void theErrorIsExactAtTenToTheFortyResponses() {
    // k = 10, N = 40: k^N = 1e40; per-token s_c, so err = sum_c mu_c (1 - s_c^40), in BigDecimal
    double[] s = {0.999, 0.99, 0.5};
    double[] mu = {0.5, 0.3, 0.2};
    TokenBase[] base = new TokenBase[3];
    for (int c = 0; c < 3; c++) {
      base[c] = TokenBase.correct(s[c]);
    }
    ClusterFamily f = ClusterFamily.f1Shared(10, 40, mu, base, 4);
    MathContext mc = MathContext.DECIMAL128;
    BigDecimal want = BigDecimal.ZERO;
    for (int c = 0; c < 3; c++) {
      BigDecimal term = BigDecimal.ONE.subtract(new BigDecimal(s[c]).pow(40, mc), mc);
      want = want.add(new BigDecimal(mu[c]).multiply(term, mc), mc);
    }
    assertThat(ClusterLearnerState.atBase(f).error())
        .isCloseTo(want.doubleValue(), within(1e-13));
    assertThat(ClusterLearnerState.atZero(f).error()).isEqualTo(1.0);
  }

}
