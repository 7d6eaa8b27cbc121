package org.pgbarrier.testkit.stats;

import org.pgbarrier.Checks;

/**
 * The set of slopes {@code s} for which some line {@code c + s t} passes through every box {@code
 * [lo_j, hi_j]} at abscissa {@code t_j}: a simultaneous confidence interval for the exponent of
 * a power law from per-point confidence intervals.
 *
 * <p>If each box covers its true value {@code c* + s* t_j} with probability at least {@code 1 -
 * a/J} (Bonferroni over {@code J} points), all do with probability at least {@code 1 - a}, and
 * then {@code s*} is in the set. So {@code P[s* not in interval] <= a} whenever the true values
 * lie on a line: in log-log coordinates, whenever the measured quantity is exactly {@code C x^s*}.
 * An empty set means no power law fits the boxes at all.
 *
 * <p>A line of slope {@code s} meets all boxes iff {@code max_j (lo_j - s t_j) <= min_j (hi_j - s
 * t_j)}, i.e. iff for every pair {@code i, j} with {@code t_i < t_j}
 *
 * <pre>
 *   (lo_j - hi_i)/(t_j - t_i)  <=  s  <=  (hi_j - lo_i)/(t_j - t_i),
 * </pre>
 *
 * so the set is the interval from the largest left side to the smallest right side.
 *
 * @param lower the smallest feasible slope ({@code -inf} if unbounded)
 * @param upper the largest feasible slope ({@code +inf} if unbounded)
 */
public record SlopeInterval(double lower, double upper) {

  /**
   * @param t abscissae, strictly increasing (e.g. {@code log n})
   * @param boxes per-point intervals in the same (log) scale as the slope
   */
  public static SlopeInterval through(double[] t, QuantileInterval[] boxes) {
    Checks.length("boxes", boxes.length, t.length);
    Checks.atLeast("number of points", t.length, 2);
    for (int j = 1; j < t.length; j++) {
      Checks.above("t[" + j + "]", t[j], "t[" + (j - 1) + "]", t[j - 1]);
    }
    double lower = Double.NEGATIVE_INFINITY;
    double upper = Double.POSITIVE_INFINITY;
    for (int i = 0; i < t.length; i++) {
      for (int j = i + 1; j < t.length; j++) {
        double dt = t[j] - t[i];
        double left = (boxes[j].lower() - boxes[i].upper()) / dt;
        double right = (boxes[j].upper() - boxes[i].lower()) / dt;
        if (!Double.isNaN(left)) {
          lower = Math.max(lower, left);
        }
        if (!Double.isNaN(right)) {
          upper = Math.min(upper, right);
        }
      }
    }
    return new SlopeInterval(lower, upper);
  }

  /** Whether no line meets every box. */
  public boolean isEmpty() {
    return lower > upper;
  }

  /** Whether {@code s} is a feasible slope. */
  public boolean contains(double s) {
    return lower <= s && s <= upper;
  }

  /** Whether the interval meets {@code [from, to]}. */
  public boolean meets(double from, double to) {
    return !isEmpty() && lower <= to && from <= upper;
  }

  @Override
  public String toString() {
    return isEmpty() ? String.format("empty (%.4g > %.4g)", lower, upper)
        : String.format("[%.4g, %.4g]", lower, upper);
  }
}
