package org.pgbarrier.sharpen;

import org.pgbarrier.Checks;

/**
 * RLHF-sharpening on one prompt [SOURCE: arXiv 2412.01951 §2.2 Eq. (3), §4.2]: maximise the
 * KL-regularised self-reward
 *
 * <pre>
 *   J_beta(pi) = E_{y~pi}[log pi_base(y)] - beta KL(pi || pi_base),
 * </pre>
 *
 * whose maximiser is {@code pi*_beta(y) ∝ pi_base(y) exp(log pi_base(y)/beta) = pi_base(y)^(1 +
 * 1/beta)} [SOURCE], with value {@code beta log sum_y pi_base(y)^(1+1/beta)} [RECONSTRUCTED,
 * docs/theory.md §9.8: substitute the optimum]. Computed in log space (log-sum-exp), so small
 * {@code beta} does not underflow the normaliser; responses with {@code pi_base(y) = 0} get mass
 * exactly 0.
 */
public final class RlhfSharpening {
  private RlhfSharpening() {}

  /** The closed-form optimum {@code pi*_beta ∝ pi_base^(1+1/beta)} [SOURCE: §4.2]. */
  public static double[] optimum(double[] base, double beta) {
    Laws.check("base", base);
    Checks.positive("beta", beta);
    double exponent = 1 + 1 / beta;
    double logZ = logNormaliser(base, exponent);
    double[] pi = new double[base.length];
    for (int y = 0; y < base.length; y++) {
      pi[y] = base[y] == 0 ? 0 : Math.exp(exponent * Math.log(base[y]) - logZ);
    }
    return pi;
  }

  /**
   * {@code J_beta(pi)}; {@code -infinity} if {@code pi} puts mass where {@code pi_base} has none
   * (the KL is infinite there). Terms with {@code pi(y) = 0} contribute 0.
   */
  public static double objective(double[] pi, double[] base, double beta) {
    Laws.check("pi", pi);
    Laws.check("base", base);
    Checks.positive("beta", beta);
    double value = 0;
    for (int y = 0; y < pi.length; y++) {
      if (pi[y] == 0) {
        continue;
      }
      if (base[y] == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      double logBase = Math.log(base[y]);
      value += pi[y] * (logBase - beta * (Math.log(pi[y]) - logBase));
    }
    return value;
  }

  /**
   * The optimal value {@code beta log sum_y pi_base(y)^(1+1/beta)} [RECONSTRUCTED, docs/theory.md
   * §9.8].
   */
  public static double optimalValue(double[] base, double beta) {
    Laws.check("base", base);
    Checks.positive("beta", beta);
    return beta * logNormaliser(base, 1 + 1 / beta);
  }

  private static double logNormaliser(double[] base, double exponent) {
    double max = Double.NEGATIVE_INFINITY;
    for (double p : base) {
      if (p > 0) {
        max = Math.max(max, exponent * Math.log(p));
      }
    }
    double sum = 0;
    for (double p : base) {
      if (p > 0) {
        sum += Math.exp(exponent * Math.log(p) - max);
      }
    }
    return max + Math.log(sum);
  }
}
