package org.pgbarrier.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Test oracles for binomial tails that share nothing with {@link BinomialTail} (no beta or gamma
 * function, no Commons Math):
 *
 * <ul>
 *   <li>{@link #exactUpper}/{@link #exactLower}: the sum of the terms {@code C(n,j) p^j
 *       (1-p)^(n-j)} with {@code BigInteger} coefficients and 60-digit {@code BigDecimal}
 *       arithmetic, from the exact binary value of {@code p}; for {@code n} up to a few thousand.
 *   <li>{@link #recursiveUpper}/{@link #recursiveLower}: for {@code n} up to 1e7, the terms by the
 *       ratio {@code t_{j+1} / t_j = (n-j)/(j+1) * p/(1-p)} in doubles, started at 1 at the mode
 *       and normalised by their total, so no coefficient is ever formed. Relative error about
 *       {@code 3e-16} per step taken.
 * </ul>
 */
public final class BinomialOracle {
  private static final MathContext MC = new MathContext(60);

  /** Terms below this fraction of the running sum of their side end a walk. */
  private static final double NEGLIGIBLE = 1e-20;

  private BinomialOracle() {}

  /** {@code P[Bin(n, p) >= c]} by exact summation. */
  public static double exactUpper(int n, double p, int c) {
    return exactSum(n, p, Math.max(c, 0), n);
  }

  /** {@code P[Bin(n, p) <= c]} by exact summation. */
  public static double exactLower(int n, double p, int c) {
    return exactSum(n, p, 0, Math.min(c, n));
  }

  private static double exactSum(int n, double p, int from, int to) {
    BigDecimal bp = new BigDecimal(p);
    BigDecimal bq = BigDecimal.ONE.subtract(bp);
    BigInteger binomial = BigInteger.ONE; // C(n, j)
    BigDecimal sum = BigDecimal.ZERO;
    for (int j = 0; j <= to; j++) {
      if (j >= from) {
        BigDecimal term =
            new BigDecimal(binomial).multiply(bp.pow(j, MC), MC).multiply(bq.pow(n - j, MC), MC);
        sum = sum.add(term, MC);
      }
      binomial = binomial.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
    }
    return sum.doubleValue();
  }

  /** {@code P[Bin(n, p) >= c]} by the normalised ratio recursion, {@code 0 < p < 1}. */
  public static double recursiveUpper(int n, double p, int c) {
    double[] sides = sides(n, p, c);
    return sides[1] / (sides[0] + sides[1]);
  }

  /** {@code P[Bin(n, p) <= c]} by the normalised ratio recursion, {@code 0 < p < 1}. */
  public static double recursiveLower(int n, double p, int c) {
    double[] sides = sides(n, p, c + 1);
    return sides[0] / (sides[0] + sides[1]);
  }

  /**
   * Unnormalised {@code {sum_{j < c} t_j, sum_{j >= c} t_j}} with {@code t_mode = 1}, walking out
   * from the mode in both directions until the terms are negligible on the side they fall in.
   */
  private static double[] sides(int n, double p, int c) {
    double odds = p / (1 - p);
    int mode = (int) Math.min(n, Math.floor((n + 1) * p));
    double[] sides = new double[2];
    double t = 1;
    for (int j = mode; j <= n; j++) {
      if (j > mode) {
        t *= (double) (n - j + 1) / j * odds;
      }
      int side = j >= c ? 1 : 0;
      sides[side] += t;
      if (j >= c && t < NEGLIGIBLE * sides[1]) {
        break;
      }
    }
    t = 1;
    for (int j = mode - 1; j >= 0; j--) {
      t *= (double) (j + 1) / (n - j) / odds;
      int side = j >= c ? 1 : 0;
      sides[side] += t;
      if (j < c && t < NEGLIGIBLE * sides[0]) {
        break;
      }
    }
    return sides;
  }

  /** Asserts a relative error of at most {@code tolerance} ({@code expected = 0}: absolute). */
  public static void assertRelativelyClose(
      double actual, double expected, double tolerance, String what) {
    double error = expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / expected;
    assertThat(error)
        .as("%s: got %s, oracle %s, relative error %s > %s",
            what, actual, expected, error, tolerance)
        .isLessThanOrEqualTo(tolerance);
  }
}
