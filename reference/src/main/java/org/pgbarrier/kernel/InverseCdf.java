package org.pgbarrier.kernel;

/**
 * Inverse-CDF sampling of a token from logits, the rule every sampler of the project uses: the
 * token whose CDF interval {@code [F(v-1), F(v))} of {@code softmax(logits)} contains {@code u},
 * rounding that leaves {@code u} above the computed total going to the last token of positive
 * mass. One uniform per token, so a response is a function of the generator's state.
 */
public final class InverseCdf {
  private InverseCdf() {}

  /** The token of {@code softmax(logits[0..k))} at uniform {@code u in [0, 1)}. */
  public static int token(double[] logits, int k, double u) {
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
