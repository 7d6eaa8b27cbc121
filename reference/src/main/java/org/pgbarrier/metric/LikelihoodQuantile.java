package org.pgbarrier.metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.pgbarrier.Checks;

/**
 * The Likelihood Quantile (LQ) of a policy {@code q} (docs/theory.md §3.2), in the paper's
 * convention, the <b>upper</b> quantile [PAPER A,C]:
 *
 * <pre>
 *   Q_q(eps) = sup{ a in [0, 1] : P_x( q(y*(x)|x) <= a ) <= eps } = inf{ a : F(a) > eps },   eps in [0, 1],
 * </pre>
 *
 * with {@code F} the CDF of {@link LikelihoodCdf} and {@code sup} of the empty set read as 0.
 * Elementary consequences [INFERRED, docs/theory.md §3.2]: {@code Q_q} is non-decreasing and
 * right-continuous, {@code Q_q(0)} is the smallest likelihood of positive weight, {@code Q_q(eps)
 * = 1} for {@code eps >= 1}, and {@code Q_q(eps) >= a <=> P_x(q < a) <= eps <=> pi_a >= 1 - eps}
 * (the LQ is the generalised inverse of the coverage profile {@link Coverage#profileAtLog}).
 *
 * <p>{@link #logAt} is exact on a weighted finite set of contexts: it returns the smallest atom
 * {@code v_r} (in sorted order) whose cumulative weight {@code W_{r+1} = w_(1) + .. + w_(r+1)}
 * exceeds {@code eps W}, the comparison made in exact {@link BigDecimal} arithmetic on the given
 * double weights and on {@code eps} read as a decimal ({@link #decimal(double)}: {@code 0.3} is
 * 3/10, not the binary double below it), and {@code log 1 = 0} when no atom does. On a sample
 * (equal weights) this is the estimator of docs/theory.md §3.3 [INFERRED from the definition,
 * matches A's worked example]:
 *
 * <pre>
 *   Qhat(eps) = v_(floor(eps n) + 1)      (1-based order statistic),   and 1 when floor(eps n) >= n,
 * </pre>
 *
 * also available on raw arrays ({@link #sampleLogAt}, {@link #sampleLogAtCount}). Its exact
 * property: {@code Qhat(eps) >= a <=> #{j : v_j < a} <= eps n}.
 *
 * <p>The token-level LQ (docs/theory.md §3.4) is this quantile of {@link
 * LikelihoodStatistic#TOKEN_MIN}, {@code min_i q(y*_i | x, y*_<i)} along the correct prefix
 * [PAPER A,C]; for the uniform policy it is {@code 1/k} for every {@code eps < 1}, and always
 * {@code Q^TL >= Q}. The mean over positions ({@link LikelihoodStatistic#TOKEN_MEAN}) is
 * [RECONSTRUCTED] and not the paper's.
 *
 * <p>Two other conventions stay available under their own names:
 *
 * <ul>
 *   <li>{@link #lowerLogAt}: the <b>lower</b> quantile {@code inf{a : F(a) >= eps}} of the
 *       project's earlier reconstruction [RECONSTRUCTED]; it differs from {@link #logAt} only
 *       when {@code eps} is exactly a level of {@code F} (then it takes the atom below). Claim
 *       BMB-14 uses it (see PretrainingQuantileProperties).
 *   <li>{@link #authorsLogAt}: the authors' plotting index {@code floor(eps (n - 1))}
 *       (docs/theory.md §3.6) [CODE: utils/plotting.py::plot_quantile draws the {@code i}-th
 *       sorted value at {@code eps = i/(n-1)}; utils/experiments.py::_select_tracking_samples
 *       reads position {@code int(eps (n - 1))}]. It draws the reproduced figures, labelled as
 *       the authors' convention; for {@code n = 10, eps = 0.2} it is the 2nd smallest value where
 *       the paper's estimator gives the 3rd.
 * </ul>
 *
 * <p>Everything is in log space ({@code log Q}, {@code -inf} for a likelihood 0); the plain values
 * ({@link #at}) underflow to 0 at {@code k^-N}.
 */
public final class LikelihoodQuantile {
  private final LikelihoodStatistic statistic;
  private final SortedAtoms atoms;
  /** {@code cumulative[m]}: the exact weight of the {@code m} smallest atoms; built on demand. */
  private BigDecimal[] cumulative;

  private LikelihoodQuantile(TargetLikelihoods t, LikelihoodStatistic statistic) {
    this.statistic = statistic;
    this.atoms = new SortedAtoms(t, statistic);
  }

  /** The LQ of the sequence likelihood {@code q(y*|x)}. */
  public static LikelihoodQuantile of(TargetLikelihoods t) {
    return of(t, LikelihoodStatistic.SEQUENCE);
  }

  /** The quantile function of {@code statistic}. */
  public static LikelihoodQuantile of(TargetLikelihoods t, LikelihoodStatistic statistic) {
    return new LikelihoodQuantile(t, statistic);
  }

  public LikelihoodStatistic statistic() {
    return statistic;
  }

  /**
   * {@code log Q_q(eps)} in the paper's convention (upper quantile), exact, for {@code eps in [0,
   * 1]} read as its shortest decimal text ({@link #decimal(double)}).
   */
  public double logAt(double eps) {
    return logAt(decimal(eps));
  }

  /** {@code log Q_q(eps)} in the paper's convention for an exact decimal {@code eps in [0, 1]}. */
  public double logAt(BigDecimal eps) {
    checkEps(eps);
    int n = atoms.size();
    if (atoms.equalWeights()) {
      return logAtCount(floorTimes(eps, n));
    }
    BigDecimal[] w = cumulative();
    BigDecimal threshold = eps.multiply(w[n]);
    if (w[n].compareTo(threshold) <= 0) {
      return 0.0;
    }
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (w[mid + 1].compareTo(threshold) > 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return atoms.logValue(lo);
  }

  /**
   * The paper's estimator on a sample given the count {@code floor(eps n)} directly: the {@code
   * (count + 1)}-th smallest log value, {@code 0} when {@code count >= n}.
   *
   * @throws IllegalStateException if the weights are not all equal (not a sample)
   */
  public double logAtCount(long count) {
    if (!atoms.equalWeights()) {
      throw new IllegalStateException("a count floor(eps n) is defined for a sample (equal"
          + " weights); these contexts have unequal weights: use logAt");
    }
    Checks.nonNegative("count", count);
    return count >= atoms.size() ? 0.0 : atoms.logValue((int) count);
  }

  /** {@code Q_q(eps)} in the paper's convention; 0 when it underflows (use {@link #logAt}). */
  public double at(double eps) {
    return Math.exp(logAt(eps));
  }

  /**
   * The log of the lower quantile {@code inf{a : F(a) >= eps}} [RECONSTRUCTED], compared in
   * floating point ({@code fractionBelow >= eps}); at {@code eps = 0} the smallest atom of
   * positive weight (the limit {@code eps -> 0+}). Not the paper's convention: see {@link
   * #logAt}.
   */
  public double lowerLogAt(double eps) {
    return atoms.logValue(atoms.quantileIndex(Checks.inRange("eps", eps, 0, 1)));
  }

  /** The lower quantile; 0 when it underflows (use {@link #lowerLogAt}). */
  public double lowerAt(double eps) {
    return Math.exp(lowerLogAt(eps));
  }

  /**
   * The log of the authors' plotting estimate: the sorted value at 0-based position {@code
   * floor(eps (n - 1))}, the product taken in double arithmetic as the authors' Python does
   * ({@code int(eps * (n - 1))}) [CODE]. Not the paper's estimator: see {@link #logAt}.
   *
   * @throws IllegalStateException if the weights are not all equal (not a sample)
   */
  public double authorsLogAt(double eps) {
    Checks.inRange("eps", eps, 0, 1);
    if (!atoms.equalWeights()) {
      throw new IllegalStateException("the authors' quantile estimator is defined for a sample"
          + " (equal weights); these contexts have unequal weights: use logAt");
    }
    return atoms.logValue((int) Math.floor(eps * (atoms.size() - 1)));
  }

  /** The authors' estimate; 0 when it underflows (use {@link #authorsLogAt}). */
  public double authorsAt(double eps) {
    return Math.exp(authorsLogAt(eps));
  }

  // ------------------------------------------------------------------ samples given as arrays

  /**
   * {@code eps} as the decimal it was written as: {@code new BigDecimal(Double.toString(eps))},
   * the shortest decimal that reads back to the double ({@code 0.3} gives 3/10, so {@code
   * floor(0.3 * 10) = 3}, where the double product is {@code 2.9999999999999996}).
   */
  public static BigDecimal decimal(double eps) {
    Checks.inRange("eps", eps, 0.0, 1.0);
    return new BigDecimal(Double.toString(eps));
  }

  /** {@code floor(eps n)}, exact, for a decimal {@code eps in [0, 1]} and {@code n >= 1}. */
  public static long estimatorCount(BigDecimal eps, int n) {
    Checks.positive("n", n);
    return floorTimes(checkEps(eps), n);
  }

  /**
   * The paper's estimator {@code log v_(floor(eps n) + 1)} of a sample of log values {@code
   * logValues[j] = log v_j in [-inf, 0]} (not modified), {@code 0} (log 1) when {@code floor(eps
   * n) >= n}; {@code eps} read as its shortest decimal.
   */
  public static double sampleLogAt(double[] logValues, double eps) {
    return sampleLogAt(logValues, decimal(eps));
  }

  /** {@link #sampleLogAt(double[], double)} for an exact decimal {@code eps in [0, 1]}. */
  public static double sampleLogAt(double[] logValues, BigDecimal eps) {
    return sampleLogAtCount(logValues, estimatorCount(eps, checkSample(logValues)));
  }

  /**
   * The {@code (count + 1)}-th smallest of {@code logValues} (1-based), i.e. the estimator at
   * {@code floor(eps n) = count}; {@code 0} (log 1) when {@code count >= n}.
   */
  public static double sampleLogAtCount(double[] logValues, long count) {
    int n = checkSample(logValues);
    Checks.nonNegative("count", count);
    return count >= n ? 0.0 : sorted(logValues)[(int) count];
  }

  /** {@code floor(eps (n - 1))}, exact, the authors' 0-based plotting index. */
  public static int authorsIndex(BigDecimal eps, int n) {
    Checks.positive("n", n);
    return (int) floorTimes(checkEps(eps), n - 1);
  }

  /**
   * The authors' plotting estimate of a sample: the sorted value at 0-based index {@code
   * floor(eps (n - 1))} computed exactly ({@link #authorsIndex}). (The instance method {@link
   * #authorsLogAt} keeps the authors' double arithmetic instead, which can be one lower when
   * {@code eps (n - 1)} is an integer that the double product misses.)
   */
  public static double authorsSampleLogAt(double[] logValues, BigDecimal eps) {
    int n = checkSample(logValues);
    return sorted(logValues)[authorsIndex(eps, n)];
  }

  private static double[] sorted(double[] logValues) {
    double[] v = logValues.clone();
    Arrays.sort(v);
    return v;
  }

  private static int checkSample(double[] logValues) {
    Checks.positive("n", logValues.length);
    for (int j = 0; j < logValues.length; j++) {
      Checks.logProbability("logValues[" + j + "]", logValues[j]);
    }
    return logValues.length;
  }

  private static BigDecimal checkEps(BigDecimal eps) {
    if (eps.signum() < 0 || eps.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "eps = " + eps.toPlainString() + ": must be in [0.0, 1.0]");
    }
    return eps;
  }

  private static long floorTimes(BigDecimal eps, int n) {
    return eps.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  private BigDecimal[] cumulative() {
    if (cumulative == null) {
      BigDecimal[] c = new BigDecimal[atoms.size() + 1];
      c[0] = BigDecimal.ZERO;
      for (int r = 0; r < atoms.size(); r++) {
        c[r + 1] = c[r].add(new BigDecimal(atoms.weight(r)));
      }
      cumulative = c;
    }
    return cumulative;
  }
}
