package org.pgbarrier.sharpen;

import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.random.Draws;

/** Validation and inverse-CDF sampling of a finite law {@code p} over response indices. */
public final class Laws {
  /** Tolerance on {@code |sum p - 1|}. */
  public static final double SUM_TOLERANCE = 1e-9;

  private Laws() {}

  /**
   * Throws {@code IllegalArgumentException} unless {@code p} is non-empty, finite, non-negative and
   * sums to 1 within {@link #SUM_TOLERANCE}.
   */
  public static void check(String name, double[] p) {
    Checks.positive(name + ".length", p.length);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      Checks.nonNegative(name + "[" + i + "]", Checks.finite(name + "[" + i + "]", p[i]));
      sum += p[i];
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          name + " sums to " + sum + ": must sum to 1 within " + SUM_TOLERANCE);
    }
  }

  /** One draw by inverse CDF from one {@code nextDouble}; never returns a zero-mass index. */
  public static int draw(double[] p, RandomGenerator rng) {
    return Draws.index(p, rng.nextDouble());
  }

  /** The index of the largest mass, lowest index among ties. */
  public static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }
}
