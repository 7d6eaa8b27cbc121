package org.pgbarrier.learn;

import org.pgbarrier.Checks;

/**
 * The checks and the update that every {@link StepRule} shares: shapes must agree, and a step
 * that would leave a weight non-finite is refused with an {@link ArithmeticException} naming the
 * rule and the coordinate, before any weight is changed.
 */
final class Ascent {
  private Ascent() {}

  /** Requires {@code direction.length == w.length}. */
  static void checkShapes(double[] w, double[] direction) {
    Checks.length("direction", direction.length, w.length);
  }

  /**
   * {@code w_j <- w_j + step * d_j} for every {@code j}, all or nothing: the new weights are
   * checked first, so a refused step leaves {@code w} unchanged.
   */
  static void addScaled(String rule, double[] w, double[] direction, double step) {
    checkShapes(w, direction);
    for (int j = 0; j < w.length; j++) {
      double next = w[j] + step * direction[j];
      if (!Double.isFinite(next)) {
        throw nonFinite(rule, j, w[j], direction[j], next);
      }
    }
    for (int j = 0; j < w.length; j++) {
      w[j] = w[j] + step * direction[j];
    }
  }

  /** The refusal of a step that would make {@code w[j]} non-finite. */
  static ArithmeticException nonFinite(String rule, int j, double wj, double dj, double next) {
    return new ArithmeticException(rule + ": the step would set w[" + j + "] = " + next
        + " (w[" + j + "] = " + wj + ", direction[" + j + "] = " + dj
        + "); weights left unchanged");
  }
}
