package org.pgbarrier.experiment;

import org.pgbarrier.Checks;

/**
 * A measured curve over optimiser steps: {@code values[j]} at step {@code steps[j]}, steps
 * strictly increasing. Immutable (the arrays are copied in and out). May be empty.
 *
 * @param steps the steps, {@code >= 0}, strictly increasing
 * @param values the values, one per step
 */
public record StepCurve(int[] steps, double[] values) {
  public StepCurve {
    Checks.length("values", values.length, steps.length);
    checkSteps(steps);
    steps = steps.clone();
    values = values.clone();
  }

  /** Requires {@code steps} to be {@code >= 0} and strictly increasing. */
  static void checkSteps(int[] steps) {
    for (int j = 0; j < steps.length; j++) {
      if (steps[j] < 0 || (j > 0 && steps[j] <= steps[j - 1])) {
        throw new IllegalArgumentException("steps[" + j + "] = " + steps[j]
            + ": steps must be >= 0 and strictly increasing");
      }
    }
  }

  /** The curve with no point. */
  public static StepCurve empty() {
    return new StepCurve(new int[0], new double[0]);
  }

  @Override
  public int[] steps() {
    return steps.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The number of points. */
  public int size() {
    return steps.length;
  }

  /** The last value; {@code NaN} if the curve is empty. */
  public double last() {
    return values.length == 0 ? Double.NaN : values[values.length - 1];
  }
}
