package org.pgbarrier.testkit.stats;

import java.util.Arrays;
import org.pgbarrier.Checks;
import org.pgbarrier.stats.BinomialTail;

/**
 * A distribution-free confidence interval for a quantile from order statistics (W. R. Thompson,
 * "On confidence ranges for the median and other expectation distributions for populations of
 * unknown distribution form", Ann. Math. Statist. 7, 1936; Conover, <i>Practical Nonparametric
 * Statistics</i>, 3rd ed., §3.2). For {@code M} independent draws with order statistics {@code
 * X_(1) <= ... <= X_(M)} and any {@code p}-quantile {@code xi_p} ({@code P[X < xi_p] <= p <=
 * P[X <= xi_p]}),
 *
 * <pre>
 *   P[X_(l) > xi_p] = P[#{X_i <= xi_p} <= l - 1] <= P[Bin(M, p) <= l - 1],
 *   P[X_(u) < xi_p] = P[#{X_i <  xi_p} >= u]     <= P[Bin(M, p) >= u],
 * </pre>
 *
 * so choosing {@code l} as large and {@code u} as small as keeps each tail at most {@code a/2}
 * gives {@code P[X_(l) <= xi_p <= X_(u)] >= 1 - a} for every distribution, discrete ones
 * included. When no order statistic qualifies the end is infinite.
 *
 * @param lower {@code X_(l)}, or {@code -inf}
 * @param upper {@code X_(u)}, or {@code +inf}
 * @param estimate the sample quantile {@code X_(ceil(p M))}
 */
public record QuantileInterval(double lower, double estimate, double upper) {

  /**
   * The two-sided interval at level {@code a} for the {@code p}-quantile of {@code sample}.
   *
   * @param sample independent draws (not modified)
   * @param p the quantile level in (0, 1)
   * @param a the non-coverage probability in (0, 1)
   */
  public static QuantileInterval of(double[] sample, double p, double a) {
    Checks.positive("sample size", sample.length);
    Checks.openUnit("p", p);
    Checks.openUnit("a", a);
    double[] x = sample.clone();
    Arrays.sort(x);
    int m = x.length;
    int l = 0;
    while (l + 1 <= m && BinomialTail.lower(m, p, l) <= a / 2) {
      l++;
    }
    int u = m + 1;
    while (u - 1 >= 1 && BinomialTail.upper(m, p, u - 1) <= a / 2) {
      u--;
    }
    double lower = l == 0 ? Double.NEGATIVE_INFINITY : x[l - 1];
    double upper = u == m + 1 ? Double.POSITIVE_INFINITY : x[u - 1];
    int point = Math.max(1, (int) Math.ceil(p * m));
    return new QuantileInterval(lower, x[point - 1], upper);
  }

  /** The median interval at level {@code a}. */
  public static QuantileInterval median(double[] sample, double a) {
    return of(sample, 0.5, a);
  }

  /** The interval in log scale (natural log of each end; a non-positive end becomes -inf). */
  public QuantileInterval log() {
    return new QuantileInterval(safeLog(lower), safeLog(estimate), safeLog(upper));
  }

  private static double safeLog(double v) {
    return v > 0 ? Math.log(v) : Double.NEGATIVE_INFINITY;
  }

  @Override
  public String toString() {
    return String.format("%.4g [%.4g, %.4g]", estimate, lower, upper);
  }
}
