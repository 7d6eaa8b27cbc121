package org.pgbarrier.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.pgbarrier.Checks;

/**
 * One-sided exact (Clopper-Pearson) confidence bounds for a binomial proportion {@code p} from
 * {@code k} successes in {@code n} trials (C. J. Clopper and E. S. Pearson, "The use of confidence
 * or fiducial limits illustrated in the case of the binomial", Biometrika 26(4):404-413, 1934).
 * With {@code B(q; a, b)} the {@code q}-quantile of the Beta(a, b) law and {@code gamma} the
 * confidence:
 *
 * <pre>
 *   upper: P[Bin(n, p_U) <= k] = 1 - gamma,   p_U = B(gamma; k + 1, n - k)        (k < n),
 *                                              p_U = 1                            (k = n),
 *   lower: P[Bin(n, p_L) >= k] = 1 - gamma,   p_L = B(1 - gamma; k, n - k + 1)    (k > 0),
 *                                              p_L = 0                            (k = 0),
 * </pre>
 *
 * by the beta-binomial identity of {@link BinomialTail}. At the boundaries the quantile has a
 * closed form, which is used: {@code p_U = 1 - (1 - gamma)^(1/n)} at {@code k = 0} and {@code p_L =
 * (1 - gamma)^(1/n)} at {@code k = n}. Each bound covers: {@code P_p[p <= p_U(X)] >= gamma} and
 * {@code P_p[p >= p_L(X)] >= gamma} for every {@code p} and {@code n}.
 *
 * <p>The quantile is Commons Math's {@link BetaDistribution#inverseCumulativeProbability} (Brent's
 * method on the CDF) with the absolute accuracy lowered from its default 1e-9, which is far too
 * coarse for bounds near 1e-6, to {@link #QUANTILE_ABSOLUTE_ACCURACY}; the solver's relative
 * accuracy (1e-14) then governs. The upper bound's solver sees {@code P[Bin(n, p) <= k]} as
 * {@code 1 - cdf} with {@code cdf} near {@code gamma}, so it meets its identity only to about
 * {@code 2^-53 / (1 - gamma)} relative: 1e-10 at {@code gamma = 1 - 1e-6} and 1e-7 at {@code
 * gamma = 1 - 1e-9} (see {@code ClopperPearsonTest}).
 */
public final class ClopperPearson {
  /** Absolute accuracy passed to the Beta quantile solver. */
  private static final double QUANTILE_ABSOLUTE_ACCURACY = 1e-300;

  private ClopperPearson() {}

  /**
   * The one-sided upper bound {@code p_U} with {@code P[Bin(n, p_U) <= k] = 1 - confidence}.
   *
   * @param k observed successes in [0, n]
   * @param n trials, at least 1
   * @param confidence the confidence level in (0, 1)
   */
  public static double upper(int k, int n, double confidence) {
    check(k, n, confidence);
    if (k == n) {
      return 1.0;
    }
    if (k == 0) {
      return -Math.expm1(Math.log1p(-confidence) / n);
    }
    return beta(k + 1.0, (double) n - k).inverseCumulativeProbability(confidence);
  }

  /**
   * The one-sided lower bound {@code p_L} with {@code P[Bin(n, p_L) >= k] = 1 - confidence}.
   *
   * @param k observed successes in [0, n]
   * @param n trials, at least 1
   * @param confidence the confidence level in (0, 1)
   */
  public static double lower(int k, int n, double confidence) {
    check(k, n, confidence);
    if (k == 0) {
      return 0.0;
    }
    if (k == n) {
      return Math.exp(Math.log1p(-confidence) / n);
    }
    return beta(k, n - k + 1.0).inverseCumulativeProbability(1.0 - confidence);
  }

  /**
   * The two-sided exact interval of level {@code confidence}: with {@code a = 1 - confidence},
   *
   * <pre>
   *   low  = B(a/2; k, n - k + 1)       (0 when k = 0),
   *   high = B(1 - a/2; k + 1, n - k)   (1 when k = n),
   * </pre>
   *
   * which covers the true proportion with probability at least {@code confidence} for every
   * proportion. Both ends come from the Beta quantile solver, also at {@code k = n} (low) and
   * {@code k = 0} (high), where {@link #lower} and {@link #upper} use their closed forms: the
   * interval is the one {@code pgbarrier sharpen} has always printed, bit for bit (the two agree
   * to 1e-12, {@code ClopperPearsonTest}).
   *
   * @param k observed successes in [0, n]
   * @param n trials, at least 1
   * @param confidence the confidence level in (0, 1)
   */
  public static Interval twoSided(int k, int n, double confidence) {
    check(k, n, confidence);
    double half = (1 - confidence) / 2;
    double low = k == 0 ? 0 : beta(k, n - k + 1.0).inverseCumulativeProbability(half);
    double high = k == n ? 1 : beta(k + 1.0, (double) n - k).inverseCumulativeProbability(1 - half);
    return new Interval(low, high);
  }

  /**
   * A two-sided interval {@code [low, high]} for a proportion.
   *
   * @param low the lower end
   * @param high the upper end
   */
  public record Interval(double low, double high) {}

  private static BetaDistribution beta(double a, double b) {
    return new BetaDistribution(null, a, b, QUANTILE_ABSOLUTE_ACCURACY);
  }

  private static void check(int k, int n, double confidence) {
    Checks.positive("n", n);
    Checks.inRange("k", k, 0, n);
    Checks.openUnit("confidence", confidence);
  }
}
