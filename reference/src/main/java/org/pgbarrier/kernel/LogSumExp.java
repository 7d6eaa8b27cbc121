package org.pgbarrier.kernel;

/**
 * Stable log-sum-exp and softmax kernels on primitive arrays (EJML style: inputs first, output
 * last, no allocation).
 *
 * <p>{@code lse(a) = m + log sum_v exp(a_v - m)} with {@code m = max_v a_v}, so no term overflows
 * and at least one term equals 1.
 */
public final class LogSumExp {
  private LogSumExp() {}

  /** {@code log sum_{v < n} exp(a[v])}; {@code -inf} when every entry is {@code -inf}. */
  public static double of(double[] a, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < n; v++) {
      if (a[v] > max) {
        max = a[v];
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int v = 0; v < n; v++) {
      sum += Math.exp(a[v] - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Writes {@code probabilities[v] = exp(logits[v] - lse(logits))} for {@code v < n} and returns
   * the log-normaliser {@code lse(logits)}.
   */
  public static double softmax(double[] logits, int n, double[] probabilities) {
    double lse = of(logits, n);
    for (int v = 0; v < n; v++) {
      probabilities[v] = Math.exp(logits[v] - lse);
    }
    return lse;
  }

  /**
   * {@code log softmax(a)[y] = a[y] - lse(a)}, accurate to a few ulps even when the result is
   * near 0. When {@code a[y]} is within 1 of the maximum it is computed as {@code -log1p(sum_{v !=
   * y} exp(a[v] - a[y]))} (every term at most e, no cancellation); otherwise {@code p_y < 1/(1 +
   * e)}, so {@code |log p_y| > 0.31} and {@code a[y] - lse(a)} carries no cancellation either.
   */
  public static double logSoftmaxAt(double[] a, int n, int y) {
    double max = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < n; v++) {
      if (a[v] > max) {
        max = a[v];
      }
    }
    if (a[y] < max - 1) {
      return a[y] - of(a, n);
    }
    return -Math.log1p(sumExpExcept(a, n, y));
  }

  /**
   * {@code sum_{v != y} exp(a[v] - a[y]) = (1 - p_y) / p_y}: the odds against {@code y}, accurate
   * when {@code p_y} is near 1, where {@code 1 - p_y} would cancel.
   */
  public static double sumExpExcept(double[] a, int n, int y) {
    double sum = 0;
    for (int v = 0; v < n; v++) {
      if (v != y) {
        sum += Math.exp(a[v] - a[y]);
      }
    }
    return sum;
  }

  /** The index of the largest of {@code a[0..n)}; ties go to the smallest index. */
  public static int argmax(double[] a, int n) {
    int best = 0;
    for (int v = 1; v < n; v++) {
      if (a[v] > a[best]) {
        best = v;
      }
    }
    return best;
  }
}
