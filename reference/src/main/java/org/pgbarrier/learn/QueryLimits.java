package org.pgbarrier.learn;

/**
 * Checks of {@code long} query counts and budgets, in the style of {@link org.pgbarrier.Checks}:
 * a failure names the parameter, its value and the rule.
 */
final class QueryLimits {
  private QueryLimits() {}

  /** Requires {@code value >= 1}. */
  static long atLeastOne(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " = " + value + ": must be at least 1");
    }
    return value;
  }

  /** Requires {@code value >= 0}. */
  static long atLeastZero(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " = " + value + ": must be at least 0");
    }
    return value;
  }
}
