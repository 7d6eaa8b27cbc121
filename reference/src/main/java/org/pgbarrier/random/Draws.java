package org.pgbarrier.random;

/**
 * Inverse-CDF draws of an index from a finite law given by its masses, the rule of {@code
 * kernel.InverseCdf} (which draws a token from logits) for laws given as probabilities or as
 * cumulative masses: the index whose interval {@code [F(i-1), F(i))} contains the uniform, one
 * {@code nextDouble} per draw, so a draw is a function of the generator's state. Every learner,
 * instance and sharpening law of the project draws through here or through {@code InverseCdf}.
 */
public final class Draws {
  private Draws() {}

  /**
   * The index of {@code p} (probabilities summing to 1 up to rounding) whose CDF interval contains
   * {@code u in [0, 1)}; rounding that leaves {@code u} above the computed total goes to the last
   * index of positive mass, so a zero-mass index is never returned.
   *
   * @throws IllegalArgumentException if no entry of {@code p} is positive
   */
  public static int index(double[] p, double u) {
    double cumulative = 0;
    int last = -1;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        last = i;
        cumulative += p[i];
        if (u < cumulative) {
          return i;
        }
      }
    }
    if (last < 0) {
      throw new IllegalArgumentException("p has no positive entry: a law needs positive mass");
    }
    return last;
  }

  /** The running sums {@code F(i) = m_0 + ... + m_i} of non-negative {@code masses}, in order. */
  public static double[] cumulative(double[] masses) {
    double[] cumulative = new double[masses.length];
    double total = 0;
    for (int i = 0; i < masses.length; i++) {
      total += masses[i];
      cumulative[i] = total;
    }
    return cumulative;
  }

  /**
   * The first index {@code i} with {@code u F(last) < F(i)}, by binary search over the running
   * sums {@code cumulative} ({@link #cumulative}) of unnormalised masses, {@code u in [0, 1)}.
   */
  public static int indexOfCumulative(double[] cumulative, double u) {
    double scaled = u * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (scaled < cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
