package org.pgbarrier.properties;

import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * The operations a model identity checks, so that the same check can run on the real model and
 * on a mutant twin. {@link #REAL} delegates to {@link LinearAutoregressiveModel}; each mutant
 * overrides one operation with a plausible bug.
 */
class ModelUnderTest {
  static final ModelUnderTest REAL = new ModelUnderTest();

  <X> double[] tokenDistribution(
      LinearAutoregressiveModel<X> m, double[] w, X x, int[] y, int i) {
    return m.tokenDistribution(w, x, y, i);
  }

  <X> double logLikelihood(LinearAutoregressiveModel<X> m, double[] w, X x, int[] y) {
    return m.logLikelihood(w, x, y);
  }

  <X> double[] gradient(LinearAutoregressiveModel<X> m, double[] w, X x, int[] y) {
    return m.gradient(w, x, y);
  }

  /** Mutant: the softmax normaliser leaves out the last token. */
  static final ModelUnderTest NORMALISER_MISSES_LAST_TOKEN = new ModelUnderTest() {
    @Override
    <X> double[] tokenDistribution(
        LinearAutoregressiveModel<X> m, double[] w, X x, int[] y, int i) {
      double[] l = Definitional.logits(m, w, x, y, i);
      double z = 0;
      for (int v = 0; v < l.length - 1; v++) {
        z += Math.exp(l[v]);
      }
      double[] p = new double[l.length];
      for (int v = 0; v < l.length; v++) {
        p[v] = Math.exp(l[v]) / z;
      }
      return p;
    }
  };

  /** Mutant: the sequence log-likelihood starts the sum at the second token. */
  static final ModelUnderTest DROPS_FIRST_TOKEN = new ModelUnderTest() {
    @Override
    <X> double logLikelihood(LinearAutoregressiveModel<X> m, double[] w, X x, int[] y) {
      double[] tokens = new double[m.length()];
      return m.tokenLogProbabilities(w, x, y, tokens) - tokens[0];
    }
  };

  /** Mutant: the gradient omits the expected-feature term {@code E_p phi}. */
  static final ModelUnderTest GRADIENT_WITHOUT_EXPECTATION = new ModelUnderTest() {
    @Override
    <X> double[] gradient(LinearAutoregressiveModel<X> m, double[] w, X x, int[] y) {
      double[] g = new double[m.dimension()];
      double[] f = new double[m.dimension()];
      for (int i = 0; i < m.length(); i++) {
        m.featureMap().features(x, y, i, y[i], f);
        for (int j = 0; j < f.length; j++) {
          g[j] += f[j];
        }
      }
      return g;
    }
  };
}
