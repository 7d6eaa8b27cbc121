package org.pgbarrier.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels ({@link VectorKernels}) give the bits of the plain loops, which give the bits
 * of the definitions {@code a_v = sum_j x_j W[j][v]} (summed in j order), {@code A[j][v] += x_j
 * g_v} and {@code A[j][v] += sum_b x_bj g_bv} (summed in b order): on random shapes (k from 1 to
 * 70, so whole vectors, single vectors and tails), random offsets, and entries spread over many
 * binades so that any change in the order or the rounding of the operations shows. The mutant twin,
 * a fused multiply-add in the vector loop, is rejected by the same comparison.
 */
class KernelAgreementTest {
  private static final long SEED = 0x6b65726e656cL;
  private static final int CASES = 400;

  @Test
  void theTestJvmRunsTheVectorKernels() {
    assertThat(VectorSupport.enabled())
        .as("tests run with --add-modules %s (surefire argLine), so the vector kernels are tested",
            VectorSupport.MODULE)
        .isTrue();
    assertThat(VectorSupport.describe()).startsWith("Vector API, ");
  }

  @Test
  void theVectorApiIsUsedWhenPresentAndNotForcedOff() {
    assertThat(VectorSupport.decide(true, false)).isTrue();
    assertThat(VectorSupport.decide(true, true)).isFalse();
    assertThat(VectorSupport.decide(false, false)).isFalse();
    assertThat(VectorSupport.decide(false, true)).isFalse();
  }

  @Test
  void transposedProductKernelsGiveTheBitsOfTheDefinition() {
    SplittableRandom rng = new SplittableRandom(SEED);
    for (int c = 0; c < CASES; c++) {
      Shape s = Shape.draw(rng);
      double[] expected = new double[s.k];
      for (int v = 0; v < s.k; v++) {
        double sum = 0;
        for (int j = 0; j < s.d; j++) {
          sum += s.x[j] * s.w[s.offset + j * s.k + v];
        }
        expected[v] = sum;
      }
      double[] scalar = filled(s.k, rng);
      TransposedProduct.scalar(s.w, s.offset, s.x, s.d, s.k, scalar);
      double[] vector = filled(s.k, rng);
      VectorKernels.transposedProduct(s.w, s.offset, s.x, s.d, s.k, vector);
      double[] dispatched = filled(s.k, rng);
      TransposedProduct.of(s.w, s.offset, s.x, s.d, s.k, dispatched);
      assertThat(bits(scalar)).as("scalar, %s", s).containsExactly(bits(expected));
      assertThat(bits(vector)).as("vector, %s", s).containsExactly(bits(expected));
      assertThat(bits(dispatched)).as("of(), %s", s).containsExactly(bits(expected));
    }
  }

  @Test
  void rankOneUpdateKernelsGiveTheBitsOfTheDefinition() {
    SplittableRandom rng = new SplittableRandom(SEED + 1);
    for (int c = 0; c < CASES; c++) {
      Shape s = Shape.draw(rng);
      double[] g = spread(s.k, rng);
      double[] expected = s.w.clone();
      for (int j = 0; j < s.d; j++) {
        for (int v = 0; v < s.k; v++) {
          int at = s.offset + j * s.k + v;
          expected[at] = expected[at] + s.x[j] * g[v];
        }
      }
      double[] scalar = s.w.clone();
      RankOneUpdate.scalar(s.x, g, s.d, s.k, scalar, s.offset);
      double[] vector = s.w.clone();
      VectorKernels.rankOneUpdate(s.x, g, s.d, s.k, vector, s.offset);
      double[] dispatched = s.w.clone();
      RankOneUpdate.addInPlace(s.x, g, s.d, s.k, dispatched, s.offset);
      assertThat(bits(scalar)).as("scalar, %s", s).containsExactly(bits(expected));
      assertThat(bits(vector)).as("vector, %s", s).containsExactly(bits(expected));
      assertThat(bits(dispatched)).as("addInPlace, %s", s).containsExactly(bits(expected));
    }
  }

  @Test
  void outerProductSumKernelsGiveTheBitsOfRankOneUpdatesInOrder() {
    SplittableRandom rng = new SplittableRandom(SEED + 2);
    for (int c = 0; c < CASES; c++) {
      Shape s = Shape.draw(rng);
      int n = 1 + rng.nextInt(70);
      double[] xs = spread(n * s.d, rng);
      double[] gs = spread(n * s.k, rng);
      double[] expected = s.w.clone();
      for (int b = 0; b < n; b++) {
        for (int j = 0; j < s.d; j++) {
          for (int v = 0; v < s.k; v++) {
            int at = s.offset + j * s.k + v;
            expected[at] = expected[at] + xs[b * s.d + j] * gs[b * s.k + v];
          }
        }
      }
      double[] scalar = s.w.clone();
      OuterProductSum.scalar(xs, gs, n, s.d, s.k, scalar, s.offset);
      double[] vector = s.w.clone();
      VectorKernels.outerProductSum(xs, gs, n, s.d, s.k, vector, s.offset);
      double[] dispatched = s.w.clone();
      OuterProductSum.addInPlace(xs, gs, n, s.d, s.k, dispatched, s.offset);
      String shape = s + ", n = " + n;
      assertThat(bits(scalar)).as("scalar, %s", shape).containsExactly(bits(expected));
      assertThat(bits(vector)).as("vector, %s", shape).containsExactly(bits(expected));
      assertThat(bits(dispatched)).as("addInPlace, %s", shape).containsExactly(bits(expected));
    }
  }

  /** The mutant twin: the same comparison tells a fused multiply-add kernel from the definition. */
  @Test
  void theComparisonRejectsAFusedMultiplyAddKernel() {
    SplittableRandom rng = new SplittableRandom(SEED);
    int rejected = 0;
    for (int c = 0; c < CASES; c++) {
      Shape s = Shape.draw(rng);
      double[] plain = new double[s.k];
      TransposedProduct.scalar(s.w, s.offset, s.x, s.d, s.k, plain);
      double[] fused = new double[s.k];
      fusedTransposedProduct(s.w, s.offset, s.x, s.d, s.k, fused);
      rejected += java.util.Arrays.equals(bits(plain), bits(fused)) ? 0 : 1;
    }
    assertThat(rejected).as("cases where the fused kernel's bits differ").isGreaterThan(CASES / 2);
  }

  private static void fusedTransposedProduct(
      double[] w, int offset, double[] x, int d, int k, double[] out) {
    VectorSpecies<Double> species = DoubleVector.SPECIES_PREFERRED;
    int v = 0;
    for (; v + species.length() <= k; v += species.length()) {
      DoubleVector s = DoubleVector.zero(species);
      for (int j = 0; j < d; j++) {
        s = DoubleVector.fromArray(species, w, offset + j * k + v)
            .fma(DoubleVector.broadcast(species, x[j]), s);
      }
      s.intoArray(out, v);
    }
    for (; v < k; v++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s = Math.fma(x[j], w[offset + j * k + v], s);
      }
      out[v] = s;
    }
  }

  private record Shape(int d, int k, int offset, double[] w, double[] x) {
    static Shape draw(SplittableRandom rng) {
      int d = 1 + rng.nextInt(40);
      int k = 1 + rng.nextInt(70);
      int offset = rng.nextInt(3) == 0 ? 0 : rng.nextInt(50);
      return new Shape(d, k, offset, spread(offset + d * k + rng.nextInt(5), rng),
          spread(d, rng));
    }

    @Override
    public String toString() {
      return "d = " + d + ", k = " + k + ", offset = " + offset;
    }
  }

  /** Signed entries with exponents spread over about 2^-30 .. 2^30. */
  private static double[] spread(int n, SplittableRandom rng) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = Math.scalb(rng.nextDouble(-1, 1), rng.nextInt(-30, 31));
    }
    return a;
  }

  /** An output buffer holding garbage, so a kernel that reads its output before writing shows. */
  private static double[] filled(int n, SplittableRandom rng) {
    return spread(n, rng);
  }

  private static long[] bits(double[] a) {
    long[] b = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = Double.doubleToRawLongBits(a[i]);
    }
    return b;
  }
}
