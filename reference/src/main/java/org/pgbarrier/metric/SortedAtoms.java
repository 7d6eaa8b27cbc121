package org.pgbarrier.metric;

import java.util.Arrays;

/**
 * The atoms of one {@link LikelihoodStatistic} over the contexts of a {@link TargetLikelihoods},
 * sorted by log value, with the weight below and above every cut: {@code below[m]} is the weight
 * of the {@code m} smallest atoms, {@code above[m]} that of the others, each summed from its own
 * end so that small tails keep their relative accuracy. Equal weights are replaced by 1, so that
 * a sample's CDF is exactly {@code m / n}.
 */
final class SortedAtoms {
  private final double[] logValues;
  private final double[] weights;
  private final double[] below;
  private final double[] above;
  private final boolean equalWeights;

  SortedAtoms(TargetLikelihoods t, LikelihoodStatistic statistic) {
    double[] values = t.values(statistic);
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int c = 0; c < n; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    this.equalWeights = t.equalWeights();
    this.logValues = new double[n];
    this.weights = new double[n];
    this.below = new double[n + 1];
    this.above = new double[n + 1];
    for (int r = 0; r < n; r++) {
      logValues[r] = values[order[r]];
      weights[r] = weight(t, order[r]);
      below[r + 1] = below[r] + weight(t, order[r]);
    }
    for (int r = n - 1; r >= 0; r--) {
      above[r] = above[r + 1] + weight(t, order[r]);
    }
  }

  private double weight(TargetLikelihoods t, int c) {
    return equalWeights ? 1.0 : t.weight(c);
  }

  int size() {
    return logValues.length;
  }

  boolean equalWeights() {
    return equalWeights;
  }

  /** The weight of the {@code r}-th smallest atom (1 when all weights are equal). */
  double weight(int r) {
    return weights[r];
  }

  /** The {@code r}-th smallest log value (0-based). */
  double logValue(int r) {
    return logValues[r];
  }

  /** The number of atoms with log value {@code <= logA}. */
  int countAtMost(double logA) {
    int lo = 0;
    int hi = logValues.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (logValues[mid] <= logA) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The normalised weight of the {@code m} smallest atoms; exactly 0 at 0 and 1 at {@code n}. */
  double fractionBelow(int m) {
    return below[m] / below[below.length - 1];
  }

  /** The normalised weight of all but the {@code m} smallest atoms; exactly 1 at 0, 0 at n. */
  double fractionAbove(int m) {
    return above[m] / above[0];
  }

  /**
   * The smallest {@code r} with {@code fractionBelow(r + 1) >= eps} for {@code eps > 0}, and the
   * first atom of positive weight for {@code eps = 0}.
   */
  int quantileIndex(double eps) {
    int lo = 0;
    int hi = logValues.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      boolean reached = eps > 0 ? fractionBelow(mid + 1) >= eps : below[mid + 1] > 0;
      if (reached) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
