package org.pgbarrier.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The validation rules of the conformance inputs ({@code io.conformance}), shared by an input's
 * record and its reader and by {@link JsonCursor}, so that a rule broken in a file and the same rule
 * broken by a caller produce the same message.
 */
public final class Rules {
  /** The largest array length every common JVM allocates. */
  static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  private Rules() {}

  /**
   * Checks the sizes {@code d >= 1}, {@code k >= 2}, {@code N >= 1}, {@code B >= 1}, and that the
   * weight vector ({@code D = dk + k^2} entries) and the per-sequence gradient workspace ({@code
   * Nk} entries) of {@link org.pgbarrier.model.LinearAutoregressiveModel} each fit in one array.
   */
  public static void sizes(int d, int k, int length, int batch) {
    atLeast("d", d, 1);
    atLeast("k", k, 2);
    atLeast("N", length, 1);
    if (batch < 1) {
      throw new InputException("x has 0 rows: must have at least 1 row (B >= 1)");
    }
    long dimension = (long) d * k + (long) k * k;
    if (dimension > MAX_ARRAY_LENGTH) {
      throw new InputException("d*k + k*k = " + dimension + " (d = " + d + ", k = " + k
          + "): the weight vector must fit in one Java array of at most " + MAX_ARRAY_LENGTH
          + " entries");
    }
    long workspace = (long) length * k;
    if (workspace > MAX_ARRAY_LENGTH) {
      throw new InputException("N*k = " + workspace + " (N = " + length + ", k = " + k
          + "): the per-sequence gradient workspace must fit in one Java array of at most "
          + MAX_ARRAY_LENGTH + " entries");
    }
  }

  /** {@code name has A rows: must have size = E rows}. */
  public static InputException rowCount(String name, int actual, String size, int expected) {
    return new InputException(name + " has " + count(actual, "row", "rows") + ": must have "
        + size + " = " + count(expected, "row", "rows"));
  }

  /** {@code path has A entries: must have size = E entries}. */
  public static InputException rowLength(String path, int actual, String size, int expected) {
    return new InputException(path + " has " + count(actual, "entry", "entries")
        + ": must have " + size + " = " + count(expected, "entry", "entries"));
  }

  /** {@code path = value: must be a finite number}, with the overflow named when it is one. */
  public static InputException notFinite(String path, String value) {
    boolean overflow = value.chars().anyMatch(Character::isDigit);
    return new InputException(path + " = " + value + ": must be a finite number"
        + (overflow ? " (it overflows a double)" : ""));
  }

  /** {@code path = value: must be a token id in [0, k-1]}. */
  public static InputException token(String path, String value, int k) {
    return new InputException(path + " = " + value + ": must be a token id in [0, " + (k - 1)
        + "]");
  }

  /** Refuses a missing file and anything but a readable regular file, as every reader does. */
  public static void requireReadable(Path file) {
    if (!Files.exists(file)) {
      throw new InputException("no such file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InputException("not a readable regular file");
    }
  }

  /** The next capacity of a growing array holding {@code n} entries. */
  public static int grow(int n) {
    if (n >= MAX_ARRAY_LENGTH) {
      throw new InputException("more than " + MAX_ARRAY_LENGTH
          + " entries in one array: must fit in one Java array");
    }
    return (int) Math.min(MAX_ARRAY_LENGTH, 2L * n);
  }

  /** A deep copy of a matrix given as rows. */
  public static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int r = 0; r < a.length; r++) {
      c[r] = a[r].clone();
    }
    return c;
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new InputException(name + " = " + value + ": must be at least " + min);
    }
  }
}
