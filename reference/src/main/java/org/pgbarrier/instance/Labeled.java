package org.pgbarrier.instance;

/** A context {@code x} with its correct response {@code y*(x)}. */
public record Labeled<X>(X x, int[] target) {
  public Labeled {
    target = target.clone();
  }

  /** A copy of {@code y*(x)}. */
  @Override
  public int[] target() {
    return target.clone();
  }

  /** {@code |y*(x)|}, without copying the target. */
  public int length() {
    return target.length;
  }

  /** Whether {@code y = y*(x)} (same length, same tokens), without copying the target. */
  public boolean isTarget(int[] y) {
    return java.util.Arrays.equals(y, target);
  }

  /**
   * The length of the longest common prefix of {@code y} and {@code y*(x)}: the first {@code i}
   * with {@code y[i] != y*[i]}, or {@code min(|y|, |y*|)}; without copying the target.
   */
  public int correctPrefix(int[] y) {
    int n = Math.min(y.length, target.length);
    int i = java.util.Arrays.mismatch(y, 0, n, target, 0, n);
    return i < 0 ? n : i;
  }
}
