package org.pgbarrier.cli;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The two-sided exact (Clopper-Pearson) confidence interval for a binomial proportion from
 * {@code s} successes in {@code n} trials (C. J. Clopper and E. S. Pearson, Biometrika
 * 26(4):404-413, 1934): with {@code a = 1 - level} and {@code B(q; a, b)} the {@code q}-quantile of
 * the Beta law,
 *
 * <pre>
 *   low  = B(a/2; s, n - s + 1)       (0 when s = 0),
 *   high = B(1 - a/2; s + 1, n - s)   (1 when s = n),
 * </pre>
 *
 * which covers the true proportion with probability at least {@code level} for every proportion.
 *
 * @param low the lower end
 * @param high the upper end
 */
record BinomialInterval(double low, double high) {
  /** Absolute accuracy of the Beta quantile solver; its default 1e-9 is too coarse near 0. */
  private static final double QUANTILE_ABSOLUTE_ACCURACY = 1e-300;

  /** The interval of level {@code level} in (0, 1) for {@code s} of {@code n} trials. */
  static BinomialInterval of(int s, int n, double level) {
    if (n < 1 || s < 0 || s > n || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "s = " + s + ", n = " + n + ", level = " + level + ": need 0 <= s <= n, n >= 1 and"
              + " level in (0, 1)");
    }
    double half = (1 - level) / 2;
    double low = s == 0 ? 0 : new BetaDistribution(null, s, n - s + 1.0,
        QUANTILE_ABSOLUTE_ACCURACY).inverseCumulativeProbability(half);
    double high = s == n ? 1 : new BetaDistribution(null, s + 1.0, (double) n - s,
        QUANTILE_ABSOLUTE_ACCURACY).inverseCumulativeProbability(1 - half);
    return new BinomialInterval(low, high);
  }
}
