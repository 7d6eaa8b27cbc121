package org.pgbarrier.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API forms of {@link TransposedProduct} and {@link RankOneUpdate}, loaded only when
 * {@link VectorSupport#enabled()}. Each output entry is computed by the same IEEE operations in
 * the same order as the plain loop (a lane-wise {@code mul} then {@code add}, never a fused
 * multiply-add), so the results are the same bits; the columns left over after the last whole
 * vector ({@code k mod L}) run the plain loop.
 */
final class VectorKernels {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int L = SPECIES.length();

  private VectorKernels() {}

  static String describe() {
    return SPECIES.length() + " doubles per vector (" + SPECIES.vectorBitSize() + " bits)";
  }

  /**
   * {@code out[v] = sum_j x[j] w[offset + j k + v]}: four vectors of columns at a time, each
   * held in a register across all {@code d} rows, then one vector at a time, then the tail.
   */
  static void transposedProduct(double[] w, int offset, double[] x, int d, int k, double[] out) {
    int v = 0;
    for (; v + 4 * L <= k; v += 4 * L) {
      DoubleVector s0 = DoubleVector.zero(SPECIES);
      DoubleVector s1 = s0;
      DoubleVector s2 = s0;
      DoubleVector s3 = s0;
      int r = offset + v;
      for (int j = 0; j < d; j++, r += k) {
        DoubleVector xj = DoubleVector.broadcast(SPECIES, x[j]);
        s0 = s0.add(DoubleVector.fromArray(SPECIES, w, r).mul(xj));
        s1 = s1.add(DoubleVector.fromArray(SPECIES, w, r + L).mul(xj));
        s2 = s2.add(DoubleVector.fromArray(SPECIES, w, r + 2 * L).mul(xj));
        s3 = s3.add(DoubleVector.fromArray(SPECIES, w, r + 3 * L).mul(xj));
      }
      s0.intoArray(out, v);
      s1.intoArray(out, v + L);
      s2.intoArray(out, v + 2 * L);
      s3.intoArray(out, v + 3 * L);
    }
    for (; v + L <= k; v += L) {
      DoubleVector s = DoubleVector.zero(SPECIES);
      int r = offset + v;
      for (int j = 0; j < d; j++, r += k) {
        s = s.add(DoubleVector.fromArray(SPECIES, w, r).mul(x[j]));
      }
      s.intoArray(out, v);
    }
    for (; v < k; v++) {
      double s = 0;
      int r = offset + v;
      for (int j = 0; j < d; j++, r += k) {
        s += x[j] * w[r];
      }
      out[v] = s;
    }
  }

  /** {@code acc[offset + j k + v] += x[j] g[v]}, row by row, whole vectors then the tail. */
  static void rankOneUpdate(double[] x, double[] g, int d, int k, double[] acc, int offset) {
    int whole = k - k % L;
    for (int j = 0; j < d; j++) {
      double xj = x[j];
      int row = offset + j * k;
      int v = 0;
      for (; v < whole; v += L) {
        DoubleVector.fromArray(SPECIES, acc, row + v)
            .add(DoubleVector.fromArray(SPECIES, g, v).mul(xj))
            .intoArray(acc, row + v);
      }
      for (; v < k; v++) {
        acc[row + v] += xj * g[v];
      }
    }
  }
}
