package org.pgbarrier.metric;

import org.pgbarrier.kernel.LogSumExp;

/**
 * The coverage coefficient of the base model {@code q}:
 *
 * <pre>
 *   C_cov = E_{x ~ D}[ 1 / q(y*(x)|x) ]
 * </pre>
 *
 * [SOURCE: Huang et al., "Self-improvement in language models: the sharpening mechanism", arXiv
 * 2412.01951, Eq. (6); docs/theory.md §9.3]. For a
 * context alone, {@code 1/q(y*|x)} is the expected number of draws from a frozen {@code q} until
 * {@code y*} appears, the mean of a Geometric({@code q(y*|x)}) (docs/theory.md §8.7). It
 * overflows as soon as one context has {@code q(y*|x) < 1/Double.MAX_VALUE}, so it is accumulated
 * in log space: {@code log C_cov = lse_c(log w_c - log q(y*|x_c)) - log sum_c w_c}, over the
 * contexts of positive weight.
 */
public final class Coverage {
  private Coverage() {}

  /** {@code log E[1/q(y*|x)]}; {@code +inf} if a context of positive weight has {@code q = 0}. */
  public static double logOf(TargetLikelihoods t) {
    double[] terms = new double[t.size()];
    int m = 0;
    for (int c = 0; c < t.size(); c++) {
      if (t.weight(c) > 0) {
        double logQ = t.logLikelihood(c);
        if (logQ == Double.NEGATIVE_INFINITY) {
          return Double.POSITIVE_INFINITY;
        }
        terms[m++] = Math.log(t.weight(c)) - logQ;
      }
    }
    return LogSumExp.of(terms, m) - Math.log(t.totalWeight());
  }

  /** {@code E[1/q(y*|x)]}; {@code +inf} when it overflows (use {@link #logOf}). */
  public static double of(TargetLikelihoods t) {
    return Math.exp(logOf(t));
  }
}
