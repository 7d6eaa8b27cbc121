package org.pgbarrier.learn.behaviour;

import org.pgbarrier.kernel.LogSumExp;

/**
 * Inverse-CDF sampling of a token from logits, the same rule as {@link
 * org.pgbarrier.model.LinearAutoregressiveModel#sample}: the token whose CDF interval {@code
 * [F(v-1), F(v))} contains {@code u}, rounding that leaves {@code u} above the computed total going
 * to the last token of positive mass. Kept here because the model's per-token sampler is not
 * public; the two agree draw for draw (tested).
 */
final class InverseCdf {
  private InverseCdf() {}

  /** The token of {@code softmax(logits[0..k))} at uniform {@code u in [0, 1)}. */
  static int token(double[] logits, int k, double u) {
    double lse = LogSumExp.of(logits, k);
    double cumulative = 0;
    int last = 0;
    for (int v = 0; v < k; v++) {
      double p = Math.exp(logits[v] - lse);
      if (p > 0) {
        last = v;
        cumulative += p;
        if (u < cumulative) {
          return v;
        }
      }
    }
    return last;
  }
}
