package org.pgbarrier;

/**
 * Argument validation in the Commons Math style: every failure names the parameter, its value and
 * the rule it broke, in an {@link IllegalArgumentException}.
 */
public final class Checks {
  private Checks() {}

  /** Requires {@code value >= 1}. */
  public static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " = " + value + ": must be at least 1");
    }
    return value;
  }

  /** Requires {@code value >= min}. */
  public static int atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " = " + value + ": must be at least " + min);
    }
    return value;
  }

  /** Requires {@code min <= value <= max}. */
  public static int inRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " = " + value + ": must be in [" + min + ", " + max + "]");
    }
    return value;
  }

  /** Requires {@code value >= 1}. */
  public static long positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " = " + value + ": must be at least 1");
    }
    return value;
  }

  /** Requires {@code value >= 0}. */
  public static long nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " = " + value + ": must be at least 0");
    }
    return value;
  }

  /** Requires {@code min <= value <= max}. */
  public static long inRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " = " + value + ": must be in [" + min + ", " + max + "]");
    }
    return value;
  }

  /** Requires a finite {@code value > 0}. */
  public static double positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + ": must be finite and > 0");
    }
    return value;
  }

  /** Requires a finite {@code value >= 0}. */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + ": must be finite and >= 0");
    }
    return value;
  }

  /** Requires {@code 0 < value < 1}. */
  public static double openUnit(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " = " + value + ": must be in (0, 1)");
    }
    return value;
  }

  /** Requires {@code lo <= value <= hi}, both finite. */
  public static double inRange(String name, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new IllegalArgumentException(
          name + " = " + value + ": must be in [" + lo + ", " + hi + "]");
    }
    return value;
  }

  /** Requires a log-probability: {@code value <= 0}, minus infinity allowed, NaN not. */
  public static double logProbability(String name, double value) {
    if (!(value <= 0)) {
      throw new IllegalArgumentException(name + " = " + value + ": must be in [-Infinity, 0.0]");
    }
    return value;
  }

  /** Requires a finite value. */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + ": must be finite");
    }
    return value;
  }

  /** Requires every entry to be finite. */
  public static double[] finite(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + values[i] + ": must be finite");
      }
    }
    return values;
  }

  /** Requires {@code array.length == expected}. */
  public static void length(String name, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          name + " has length " + actual + ": must have length " + expected);
    }
  }

  /**
   * Requires {@code value >= bound}, where {@code bound} is another parameter's value (e.g. {@code
   * max >= min}); the message names both.
   */
  public static long atLeast(String name, long value, String boundName, long bound) {
    if (value < bound) {
      throw new IllegalArgumentException(
          name + " = " + value + ": must be at least " + boundName + " = " + bound);
    }
    return value;
  }

  /**
   * Requires {@code value >= bound}, where {@code bound} is another parameter's value; NaN in
   * either fails. The message names both.
   */
  public static double atLeast(String name, double value, String boundName, double bound) {
    if (!(value >= bound)) {
      throw new IllegalArgumentException(
          name + " = " + value + ": must be at least " + boundName + " = " + bound);
    }
    return value;
  }

  /**
   * Requires {@code value > bound}, where {@code bound} is another parameter's value (e.g. {@code
   * hi > lo} for a range of positive width); NaN in either fails. The message names both.
   */
  public static double above(String name, double value, String boundName, double bound) {
    if (!(value > bound)) {
      throw new IllegalArgumentException(
          name + " = " + value + ": must be above " + boundName + " = " + bound);
    }
    return value;
  }

  /**
   * Requires {@code value == other}, where {@code other} is another parameter's value (e.g. two
   * arrays' lengths: {@code equal("y.length", y.length, "x.length", x.length)}); the message
   * names both.
   */
  public static int equal(String name, int value, String otherName, int other) {
    if (value != other) {
      throw new IllegalArgumentException(
          name + " = " + value + ": must equal " + otherName + " = " + other);
    }
    return value;
  }

  /** Requires {@code 0 <= token < k}. */
  public static int token(String name, int token, int k) {
    if (token < 0 || token >= k) {
      throw new IllegalArgumentException(
          name + " = " + token + ": must be a token id in [0, " + (k - 1) + "]");
    }
    return token;
  }

  /** Requires every entry of {@code tokens} to be a token id below {@code k}. */
  public static int[] tokens(String name, int[] tokens, int k) {
    // Branch-free first pass: the sign bit of t | (k - 1 - t) is set iff t is out of range.
    int out = 0;
    for (int t : tokens) {
      out |= t | (k - 1 - t);
    }
    if (out < 0) {
      for (int i = 0; i < tokens.length; i++) {
        token(name + "[" + i + "]", tokens[i], k);
      }
    }
    return tokens;
  }
}
