package org.pgbarrier.kernel;

/**
 * The rank-one update {@code A += x g^T} of a row-major {@code d x k} block {@code A} (row {@code
 * j} at {@code acc[offset + j k .. offset + j k + k)}), the {@code W1} block of a bigram score
 * ({@code dW1 += x (sum_p c_p)^T}) [RECONSTRUCTED: algebra of the authors' model, {@code
 * utils/model.py}]:
 *
 * <pre>
 *   A[j][v] <- A[j][v] + x_j g_v,
 * </pre>
 *
 * one rounding for the product and one for the sum, as the plain loop. On the Vector API when
 * {@link VectorSupport#enabled()}, with the same bits.
 */
public final class RankOneUpdate {
  private RankOneUpdate() {}

  /** {@code acc[offset + j k + v] += x[j] g[v]} for {@code j < d, v < k}. */
  public static void addInPlace(double[] x, double[] g, int d, int k, double[] acc, int offset) {
    if (VectorSupport.enabled()) {
      VectorKernels.rankOneUpdate(x, g, d, k, acc, offset);
    } else {
      scalar(x, g, d, k, acc, offset);
    }
  }

  /** The plain loop. */
  static void scalar(double[] x, double[] g, int d, int k, double[] acc, int offset) {
    for (int j = 0; j < d; j++) {
      double xj = x[j];
      int row = offset + j * k;
      for (int v = 0; v < k; v++) {
        acc[row + v] += xj * g[v];
      }
    }
  }
}
