package org.pgbarrier.properties;

import org.pgbarrier.model.FeatureMap;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * The model computed straight from its definition, as an oracle independent of the fast paths:
 * logits as explicit dot products {@code <w, phi(x, y_<i, v)>} with {@link FeatureMap#features},
 * and the gradient as {@code sum_i [phi(y_i) - sum_v p_v phi(v)]} with explicit feature vectors.
 */
final class Definitional {
  private Definitional() {}

  /** {@code <w, phi(x, y_<i, v)>} for all v. */
  static <X> double[] logits(LinearAutoregressiveModel<X> model, double[] w, X x, int[] y, int i) {
    FeatureMap<X> phi = model.featureMap();
    double[] f = new double[phi.dimension()];
    double[] out = new double[model.vocabularySize()];
    for (int v = 0; v < out.length; v++) {
      phi.features(x, y, i, v, f);
      double s = 0;
      for (int j = 0; j < f.length; j++) {
        s += w[j] * f[j];
      }
      out[v] = s;
    }
    return out;
  }

  /** {@code log p(y_i | x, y_<i) = -log sum_v exp(l_v - l_{y_i})}. */
  static <X> double tokenLogProbability(
      LinearAutoregressiveModel<X> model, double[] w, X x, int[] y, int i) {
    double[] l = logits(model, w, x, y, i);
    double s = 0;
    for (double lv : l) {
      s += Math.exp(lv - l[y[i]]);
    }
    return -Math.log(s);
  }

  static <X> double logLikelihood(LinearAutoregressiveModel<X> model, double[] w, X x, int[] y) {
    double total = 0;
    for (int i = 0; i < model.length(); i++) {
      total += tokenLogProbability(model, w, x, y, i);
    }
    return total;
  }

  static <X> double[] gradient(LinearAutoregressiveModel<X> model, double[] w, X x, int[] y) {
    FeatureMap<X> phi = model.featureMap();
    int k = model.vocabularySize();
    double[] g = new double[phi.dimension()];
    double[] f = new double[phi.dimension()];
    for (int i = 0; i < model.length(); i++) {
      double[] l = logits(model, w, x, y, i);
      for (int v = 0; v < k; v++) {
        double s = 0;
        for (double lu : l) {
          s += Math.exp(lu - l[v]);
        }
        double coef = (v == y[i] ? 1 : 0) - 1 / s;
        phi.features(x, y, i, v, f);
        for (int j = 0; j < f.length; j++) {
          g[j] += coef * f[j];
        }
      }
    }
    return g;
  }

  /** {@code sum_i max_v |l_v|}: the scale against which rounding in log-likelihoods is judged. */
  static <X> double logitScale(LinearAutoregressiveModel<X> model, double[] w, X x, int[] y) {
    double total = 0;
    for (int i = 0; i < model.length(); i++) {
      double max = 0;
      for (double lv : logits(model, w, x, y, i)) {
        max = Math.max(max, Math.abs(lv));
      }
      total += max;
    }
    return total;
  }
}
