package org.pgbarrier.testkit.engine;

/**
 * The outcome of one case: whether it holds, the measured statistic, which way it must compare
 * with the bound it is held to, and a human-readable detail (instance, position, values).
 *
 * @param holds whether the case satisfies the property
 * @param statistic the measured value
 * @param comparison which way {@code statistic} must compare with {@code bound} to hold
 * @param bound the value it is compared with
 * @param severity how close to failing, comparable across cases: {@code > 1} fails
 * @param detail what was measured where
 */
public record Observation(boolean holds, double statistic, Comparison comparison, double bound,
    double severity, String detail) {
  public Observation {
    if (comparison == null) {
      throw new IllegalArgumentException("comparison of \"" + detail + "\" = null: must be given");
    }
  }

  /** Holds iff {@code statistic <= bound}; severity {@code statistic / bound}. */
  public static Observation atMost(double statistic, double bound, String detail) {
    boolean holds = statistic <= bound;
    double severity = bound > 0 ? statistic / bound : (holds ? 0 : Double.POSITIVE_INFINITY);
    return new Observation(holds, statistic, Comparison.AT_MOST, bound, nanToInf(severity),
        detail);
  }

  /** Holds iff {@code statistic >= bound}; severity {@code bound / statistic}. */
  public static Observation atLeast(double statistic, double bound, String detail) {
    boolean holds = statistic >= bound;
    double severity = statistic > 0 ? bound / statistic : (holds ? 0 : Double.POSITIVE_INFINITY);
    return new Observation(holds, statistic, Comparison.AT_LEAST, bound, nanToInf(severity),
        detail);
  }

  /** The worse (higher severity) of two observations; a failure is always worse. */
  public Observation worse(Observation other) {
    if (holds != other.holds) {
      return holds ? other : this;
    }
    return other.severity > severity ? other : this;
  }

  private static double nanToInf(double x) {
    return Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
  }
}
