package org.pgbarrier.testkit.stats;

import org.apache.commons.math3.special.Gamma;
import org.pgbarrier.Checks;

/**
 * Pearson's chi-square goodness-of-fit test of observed counts against a fully specified discrete
 * law (K. Pearson, Philosophical Magazine 50(302):157-175, 1900), for claims such as "the
 * first-success time is Geometric(alpha)":
 *
 * <pre>
 *   X^2 = sum_g (O_g - E_g)^2 / E_g,   E_g = n * sum_{i in g} p_i,   df = G - 1,
 *   p-value = P[chi^2_df >= X^2] = Q(df / 2, X^2 / 2)   (regularized upper incomplete gamma),
 * </pre>
 *
 * with {@code n} the total count and {@code G} the number of groups after pooling.
 *
 * <p><b>Pooling rule.</b> The chi-square approximation is trusted only when every expected count
 * is at least {@value #MIN_EXPECTED} (W. G. Cochran, "Some methods for strengthening the common
 * chi-square tests", Biometrics 10(4):417-451, 1954). The bins, in the order given (for a law on
 * the integers: 1, 2, ..., and a last bin for the tail), are scanned left to right and accumulated
 * into a group until its expected count reaches {@value #MIN_EXPECTED}; the group is then closed
 * and a new one started. A remainder at the end with expected count below {@value #MIN_EXPECTED}
 * joins the last closed group. Pooling depends only on the law and {@code n}, never on the observed
 * counts, so it does not bias the test. No parameters are estimated, so {@code df = G - 1}.
 *
 * <p>The p-value is the complement of {@code ChiSquaredDistribution.cumulativeProbability}
 * computed directly as {@code Gamma.regularizedGammaQ}, so that small p-values are not rounded to
 * zero by {@code 1 - cdf}.
 *
 * @param statistic Pearson's {@code X^2}
 * @param degreesOfFreedom {@code G - 1}
 * @param pValue {@code P[chi^2_df >= X^2]}
 */
public record GoodnessOfFit(double statistic, int degreesOfFreedom, double pValue) {
  /** The smallest expected count of a pooled group. */
  public static final double MIN_EXPECTED = 5.0;

  /** Tolerance on {@code |sum p_i - 1|}. */
  public static final double PROBABILITY_SUM_TOLERANCE = 1e-9;

  public GoodnessOfFit {
    Checks.nonNegative("statistic", statistic);
    Checks.positive("degreesOfFreedom", degreesOfFreedom);
    Checks.inRange("pValue", pValue, 0.0, 1.0);
  }

  /**
   * Pools the bins (see the class comment) and tests {@code observed} against {@code
   * probabilities}.
   *
   * @param observed counts per bin, all {@code >= 0}
   * @param probabilities the law's probability of each bin, all finite and {@code >= 0}, summing
   *     to 1 within {@value #PROBABILITY_SUM_TOLERANCE}; same length as {@code observed}
   * @throws IllegalArgumentException if an argument is invalid or if pooling leaves fewer than 2
   *     groups (too few observations)
   */
  public static GoodnessOfFit chiSquare(long[] observed, double[] probabilities) {
    Checks.length("probabilities", probabilities.length, observed.length);
    long n = 0;
    double sum = 0;
    for (int i = 0; i < observed.length; i++) {
      if (observed[i] < 0) {
        throw new IllegalArgumentException(
            "observed[" + i + "] = " + observed[i] + ": must be at least 0");
      }
      n += observed[i];
      sum += Checks.nonNegative("probabilities[" + i + "]", probabilities[i]);
    }
    if (!(Math.abs(sum - 1.0) <= PROBABILITY_SUM_TOLERANCE)) {
      throw new IllegalArgumentException(
          "probabilities sum to " + sum + ": must sum to 1 within " + PROBABILITY_SUM_TOLERANCE);
    }
    long[] groupObserved = new long[observed.length];
    double[] groupExpected = new double[observed.length];
    int groups = 0;
    long accObserved = 0;
    double accExpected = 0;
    for (int i = 0; i < observed.length; i++) {
      accObserved += observed[i];
      accExpected += n * probabilities[i];
      if (accExpected >= MIN_EXPECTED) {
        groupObserved[groups] = accObserved;
        groupExpected[groups] = accExpected;
        groups++;
        accObserved = 0;
        accExpected = 0;
      }
    }
    if (groups < 2) {
      throw new IllegalArgumentException(
          "observed total n = " + n + ": too few observations, pooling bins to expected counts >= "
              + MIN_EXPECTED + " leaves " + groups + " group(s); at least 2 are needed");
    }
    groupObserved[groups - 1] += accObserved;
    groupExpected[groups - 1] += accExpected;
    double statistic = 0;
    for (int g = 0; g < groups; g++) {
      double diff = groupObserved[g] - groupExpected[g];
      statistic += diff * diff / groupExpected[g];
    }
    int df = groups - 1;
    return new GoodnessOfFit(statistic, df, Gamma.regularizedGammaQ(df / 2.0, statistic / 2.0));
  }
}
