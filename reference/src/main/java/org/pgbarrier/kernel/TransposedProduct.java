package org.pgbarrier.kernel;

/**
 * The product {@code a = W^T x} of a row-major {@code d x k} block {@code W} (row {@code j} at
 * {@code w[offset + j k .. offset + j k + k)}) and {@code x in R^d}, the first step of the
 * bigram map's logits ({@code a = W1^T x}) [RECONSTRUCTED: algebra of the authors' model,
 * {@code utils/model.py}]:
 *
 * <pre>
 *   a_v = (...((0 + x_0 W[0][v]) + x_1 W[1][v]) + ...) + x_{d-1} W[d-1][v],
 * </pre>
 *
 * each sum in the order of {@code j}, so the result is the same bit for bit as the plain loop
 * {@code for j: for v: a[v] += x[j] W[j][v]}. The rows are taken four at a time, so each
 * {@code a_v} stays in a register across four of them (the plain loop's inner trip count {@code
 * k} is too short for the JIT's vector loop, and it loads and stores {@code a_v} per row). On
 * the Vector API when {@link VectorSupport#enabled()}: the columns a vector at a time, with the
 * same bits.
 */
public final class TransposedProduct {
  private TransposedProduct() {}

  /** Writes {@code out[v] = sum_j x[j] w[offset + j k + v]}, {@code v < k}, summed in j order. */
  public static void of(double[] w, int offset, double[] x, int d, int k, double[] out) {
    if (VectorSupport.enabled()) {
      VectorKernels.transposedProduct(w, offset, x, d, k, out);
    } else {
      scalar(w, offset, x, d, k, out);
    }
  }

  /** The plain loops, four rows at a time. */
  static void scalar(double[] w, int offset, double[] x, int d, int k, double[] out) {
    java.util.Arrays.fill(out, 0, k, 0.0);
    int j = 0;
    for (; j + 4 <= d; j += 4) {
      double x0 = x[j];
      double x1 = x[j + 1];
      double x2 = x[j + 2];
      double x3 = x[j + 3];
      int r0 = offset + j * k;
      int r1 = r0 + k;
      int r2 = r1 + k;
      int r3 = r2 + k;
      for (int v = 0; v < k; v++) {
        double s = out[v];
        s += x0 * w[r0 + v];
        s += x1 * w[r1 + v];
        s += x2 * w[r2 + v];
        s += x3 * w[r3 + v];
        out[v] = s;
      }
    }
    for (; j < d; j++) {
      double xj = x[j];
      int row = offset + j * k;
      for (int v = 0; v < k; v++) {
        out[v] += xj * w[row + v];
      }
    }
  }
}
