package org.pgbarrier.kernel;

/**
 * A sum of rank-one updates of a row-major {@code d x k} block {@code A} (row {@code j} at {@code
 * acc[offset + j k ..]}), {@code A += sum_b x_b g_b^T} over {@code b = 0..n-1} in order, the
 * {@code W1} block of a batch of bigram scores [RECONSTRUCTED: algebra of the authors' model,
 * {@code utils/model.py}]:
 *
 * <pre>
 *   A[j][v] <- (...((A[j][v] + x_0j g_0v) + x_1j g_1v) + ...) + x_(n-1)j g_(n-1)v,
 * </pre>
 *
 * each entry's sum in the order of {@code b}, so the result is the same bit for bit as {@code n}
 * calls of {@link RankOneUpdate#addInPlace}. The point is the Vector API form (when {@link
 * VectorSupport#enabled()}): a tile of {@code A} stays in registers across all {@code n} terms,
 * so {@code A} is loaded and stored once instead of {@code n} times.
 */
public final class OuterProductSum {
  private OuterProductSum() {}

  /**
   * {@code acc[offset + j k + v] += sum_b xs[b d + j] gs[b k + v]}, {@code b < n} in order.
   *
   * @param xs the {@code x_b}, row-major {@code n x d}
   * @param gs the {@code g_b}, row-major {@code n x k}
   */
  public static void addInPlace(
      double[] xs, double[] gs, int n, int d, int k, double[] acc, int offset) {
    if (VectorSupport.enabled()) {
      VectorKernels.outerProductSum(xs, gs, n, d, k, acc, offset);
    } else {
      scalar(xs, gs, n, d, k, acc, offset);
    }
  }

  /** The plain loops: {@code n} rank-one updates in order. */
  static void scalar(double[] xs, double[] gs, int n, int d, int k, double[] acc, int offset) {
    for (int b = 0; b < n; b++) {
      for (int j = 0; j < d; j++) {
        double xj = xs[b * d + j];
        int row = offset + j * k;
        int g = b * k;
        for (int v = 0; v < k; v++) {
          acc[row + v] += xj * gs[g + v];
        }
      }
    }
  }
}
