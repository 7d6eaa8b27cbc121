package org.pgbarrier.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API forms of {@link TransposedProduct}, {@link RankOneUpdate} and {@link
 * OuterProductSum}, loaded only when
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

  /**
   * {@code acc[offset + j k + v] += sum_b xs[b d + j] gs[b k + v]}, each entry's terms in the
   * order of {@code b}: tiles of four rows by four vectors of columns held in sixteen registers
   * across all {@code n} terms, then single rows by four vectors, then single vectors, then the
   * tail columns by the plain loop.
   */
  static void outerProductSum(
      double[] xs, double[] gs, int n, int d, int k, double[] acc, int offset) {
    int v = 0;
    for (; v + 4 * L <= k; v += 4 * L) {
      int j = 0;
      for (; j + 4 <= d; j += 4) {
        outerTile(xs, gs, n, d, k, acc, offset + j * k + v, j, v);
      }
      for (; j < d; j++) {
        int at = offset + j * k + v;
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, acc, at);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, acc, at + L);
        DoubleVector a2 = DoubleVector.fromArray(SPECIES, acc, at + 2 * L);
        DoubleVector a3 = DoubleVector.fromArray(SPECIES, acc, at + 3 * L);
        for (int b = 0; b < n; b++) {
          double x = xs[b * d + j];
          int g = b * k + v;
          a0 = a0.add(DoubleVector.fromArray(SPECIES, gs, g).mul(x));
          a1 = a1.add(DoubleVector.fromArray(SPECIES, gs, g + L).mul(x));
          a2 = a2.add(DoubleVector.fromArray(SPECIES, gs, g + 2 * L).mul(x));
          a3 = a3.add(DoubleVector.fromArray(SPECIES, gs, g + 3 * L).mul(x));
        }
        a0.intoArray(acc, at);
        a1.intoArray(acc, at + L);
        a2.intoArray(acc, at + 2 * L);
        a3.intoArray(acc, at + 3 * L);
      }
    }
    for (; v + L <= k; v += L) {
      for (int j = 0; j < d; j++) {
        int at = offset + j * k + v;
        DoubleVector a = DoubleVector.fromArray(SPECIES, acc, at);
        for (int b = 0; b < n; b++) {
          a = a.add(DoubleVector.fromArray(SPECIES, gs, b * k + v).mul(xs[b * d + j]));
        }
        a.intoArray(acc, at);
      }
    }
    for (; v < k; v++) {
      for (int j = 0; j < d; j++) {
        int at = offset + j * k + v;
        double a = acc[at];
        for (int b = 0; b < n; b++) {
          a += xs[b * d + j] * gs[b * k + v];
        }
        acc[at] = a;
      }
    }
  }

  /** Rows {@code j..j+3}, columns {@code v..v+4L-1} ({@code at} is entry (j, v)) over all b. */
  private static void outerTile(
      double[] xs, double[] gs, int n, int d, int k, double[] acc, int at, int j, int v) {
    int r1 = at + k;
    int r2 = r1 + k;
    int r3 = r2 + k;
    DoubleVector a00 = DoubleVector.fromArray(SPECIES, acc, at);
    DoubleVector a01 = DoubleVector.fromArray(SPECIES, acc, at + L);
    DoubleVector a02 = DoubleVector.fromArray(SPECIES, acc, at + 2 * L);
    DoubleVector a03 = DoubleVector.fromArray(SPECIES, acc, at + 3 * L);
    DoubleVector a10 = DoubleVector.fromArray(SPECIES, acc, r1);
    DoubleVector a11 = DoubleVector.fromArray(SPECIES, acc, r1 + L);
    DoubleVector a12 = DoubleVector.fromArray(SPECIES, acc, r1 + 2 * L);
    DoubleVector a13 = DoubleVector.fromArray(SPECIES, acc, r1 + 3 * L);
    DoubleVector a20 = DoubleVector.fromArray(SPECIES, acc, r2);
    DoubleVector a21 = DoubleVector.fromArray(SPECIES, acc, r2 + L);
    DoubleVector a22 = DoubleVector.fromArray(SPECIES, acc, r2 + 2 * L);
    DoubleVector a23 = DoubleVector.fromArray(SPECIES, acc, r2 + 3 * L);
    DoubleVector a30 = DoubleVector.fromArray(SPECIES, acc, r3);
    DoubleVector a31 = DoubleVector.fromArray(SPECIES, acc, r3 + L);
    DoubleVector a32 = DoubleVector.fromArray(SPECIES, acc, r3 + 2 * L);
    DoubleVector a33 = DoubleVector.fromArray(SPECIES, acc, r3 + 3 * L);
    for (int b = 0; b < n; b++) {
      int g = b * k + v;
      DoubleVector g0 = DoubleVector.fromArray(SPECIES, gs, g);
      DoubleVector g1 = DoubleVector.fromArray(SPECIES, gs, g + L);
      DoubleVector g2 = DoubleVector.fromArray(SPECIES, gs, g + 2 * L);
      DoubleVector g3 = DoubleVector.fromArray(SPECIES, gs, g + 3 * L);
      int x = b * d + j;
      double x0 = xs[x];
      double x1 = xs[x + 1];
      double x2 = xs[x + 2];
      double x3 = xs[x + 3];
      a00 = a00.add(g0.mul(x0));
      a01 = a01.add(g1.mul(x0));
      a02 = a02.add(g2.mul(x0));
      a03 = a03.add(g3.mul(x0));
      a10 = a10.add(g0.mul(x1));
      a11 = a11.add(g1.mul(x1));
      a12 = a12.add(g2.mul(x1));
      a13 = a13.add(g3.mul(x1));
      a20 = a20.add(g0.mul(x2));
      a21 = a21.add(g1.mul(x2));
      a22 = a22.add(g2.mul(x2));
      a23 = a23.add(g3.mul(x2));
      a30 = a30.add(g0.mul(x3));
      a31 = a31.add(g1.mul(x3));
      a32 = a32.add(g2.mul(x3));
      a33 = a33.add(g3.mul(x3));
    }
    a00.intoArray(acc, at);
    a01.intoArray(acc, at + L);
    a02.intoArray(acc, at + 2 * L);
    a03.intoArray(acc, at + 3 * L);
    a10.intoArray(acc, r1);
    a11.intoArray(acc, r1 + L);
    a12.intoArray(acc, r1 + 2 * L);
    a13.intoArray(acc, r1 + 3 * L);
    a20.intoArray(acc, r2);
    a21.intoArray(acc, r2 + L);
    a22.intoArray(acc, r2 + 2 * L);
    a23.intoArray(acc, r2 + 3 * L);
    a30.intoArray(acc, r3);
    a31.intoArray(acc, r3 + L);
    a32.intoArray(acc, r3 + 2 * L);
    a33.intoArray(acc, r3 + 3 * L);
  }
}
