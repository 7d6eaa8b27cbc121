package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.math3.dfp.Dfp;
import org.apache.commons.math3.dfp.DfpField;
import org.apache.commons.math3.dfp.DfpMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgbarrier.io.conformance.BigramEvaluation;
import org.pgbarrier.io.conformance.BigramEvaluator;
import org.pgbarrier.io.conformance.BigramInput;
import org.pgbarrier.random.Seeds;

/**
 * {@link BigramEvaluator} agrees with a 40-digit {@link Dfp} evaluation of the bigram-v1
 * formulas on random instances: weights uniform in [-10, 10], contexts uniform in [-1, 1],
 * responses uniform tokens, {@code d, k <= 64}, {@code N <= 256}, {@code B <= 3}. Case 0 is {@code
 * d = k = 64}, case 1 has {@code N = 256}; the other sizes are drawn from the case seed.
 *
 * <p>The oracle shares nothing with the model code: it computes each softmax directly, {@code p_v
 * = exp(a_v) / sum_u exp(a_u)} and {@code log p_y = a_y - log sum_u exp(a_u)}, the gradient as
 * {@code sum_i (e_{y_i} - p_i) (x) phi_i} ({@code x} for the W1 block, the indicator of the
 * previous token for the W2 block), and the greedy decode by an argmax of its own logits.
 */
class HighPrecisionAgreementTest {
  private static final long MASTER_SEED = 0x9B1A_2026_1122L;
  private static final int CASES = 8;
  private static final double TOLERANCE = 1e-9;
  private static final String REPRO =
      "mvn -B -o -pl cli test -Dtest=HighPrecisionAgreementTest";

  /** One random instance, named by its seed. */
  record Case(int index, long seed, BigramInput input) {
    @Override
    public String toString() {
      return String.format("case %d (master seed %#x, seed %#x, d = %d, k = %d, N = %d, B = %d;"
          + " repro: %s)", index, MASTER_SEED, seed, input.d(), input.k(), input.length(),
          input.batchSize(), REPRO);
    }
  }

  static Stream<Case> cases() {
    return IntStream.range(0, CASES).mapToObj(HighPrecisionAgreementTest::instance);
  }

  private static Case instance(int index) {
    long seed = Seeds.derive(MASTER_SEED, index);
    SplittableRandom rng = new SplittableRandom(seed);
    int d = index == 0 ? 64 : 1 + rng.nextInt(64);
    int k = index == 0 ? 64 : 2 + rng.nextInt(63);
    int n = index == 1 ? 256 : 1 + rng.nextInt(index == 0 ? 32 : 256);
    int batch = 1 + rng.nextInt(3);
    double[][] w1 = uniform(rng, d, k, 10);
    double[][] w2 = uniform(rng, k, k, 10);
    double[][] x = uniform(rng, batch, d, 1);
    int[][] y = new int[batch][n];
    for (int[] row : y) {
      for (int i = 0; i < n; i++) {
        row[i] = rng.nextInt(k);
      }
    }
    return new Case(index, seed, new BigramInput(d, k, n, w1, w2, x, y));
  }

  private static double[][] uniform(SplittableRandom rng, int rows, int cols, double bound) {
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      for (int c = 0; c < cols; c++) {
        row[c] = rng.nextDouble(-bound, bound);
      }
    }
    return a;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluatorAgreesWithFortyDigitArithmetic(Case c) {
    BigramEvaluation actual = BigramEvaluator.evaluate(c.input());
    Oracle expected = new Oracle(c.input());
    assertThat(actual.greedy()).as("greedy, %s", c).isDeepEqualTo(expected.greedy);
    double[][] tokens = actual.tokenLogProb();
    double[] seq = actual.seqLogProb();
    for (int b = 0; b < seq.length; b++) {
      for (int i = 0; i < tokens[b].length; i++) {
        logProbability(c, "token_logprob[" + b + "][" + i + "]", tokens[b][i],
            expected.tokenLogProb[b][i]);
      }
      logProbability(c, "seq_logprob[" + b + "]", seq[b], expected.seqLogProb[b]);
    }
    gradientBlock(c, "grad_W1", actual.gradW1(), expected.gradW1);
    gradientBlock(c, "grad_W2", actual.gradW2(), expected.gradW2);
  }

  /**
   * {@code |a - b| <= 1e-9 |b|}: relative, including log-probabilities near 0 (tokens of
   * probability near 1, common here), which the model computes as {@code -log1p(odds)} without
   * cancellation.
   */
  private static void logProbability(Case c, String path, double actual, double expected) {
    if (!(Math.abs(actual - expected) <= TOLERANCE * Math.abs(expected))) {
      fail("%s = %s, oracle %s: relative error above 1e-9; %s", path, actual, expected, c);
    }
  }

  /**
   * {@code |a - b| <= 1e-9 max(|b|, scale)} with {@code scale} the largest {@code |b|} of the
   * block. A gradient entry is a sum of terms {@code (e - p) x} of either sign and of size up to
   * the block's scale; an entry that cancels to near zero carries rounding errors of the size of
   * its terms, so it has no meaningful relative error, only one relative to the block.
   */
  private static void gradientBlock(Case c, String name, double[][] actual, double[][] expected) {
    double scale = 0;
    for (double[] row : expected) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int r = 0; r < expected.length; r++) {
      for (int col = 0; col < expected[r].length; col++) {
        double a = actual[r][col];
        double b = expected[r][col];
        if (!(Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(b), scale))) {
          fail("%s[%d][%d] = %s, oracle %s: error above 1e-9 max(|oracle|, %s); %s", name, r,
              col, a, b, scale, c);
        }
      }
    }
  }

  /** The bigram-v1 formulas in 40-digit decimal floating point. */
  private static final class Oracle {
    private final DfpField field = new DfpField(40);
    final double[][] tokenLogProb;
    final double[] seqLogProb;
    final int[][] greedy;
    final double[][] gradW1;
    final double[][] gradW2;

    Oracle(BigramInput in) {
      int d = in.d();
      int k = in.k();
      int n = in.length();
      int batch = in.batchSize();
      Dfp[][] w1 = toDfp(in.w1());
      Dfp[][] w2 = toDfp(in.w2());
      Dfp[][] x = toDfp(in.x());
      int[][] y = in.y();
      Dfp[][] g1 = zeros(d, k);
      Dfp[][] g2 = zeros(k, k);
      tokenLogProb = new double[batch][n];
      seqLogProb = new double[batch];
      greedy = new int[batch][n];
      for (int b = 0; b < batch; b++) {
        Dfp[] context = contextLogits(x[b], w1, k);
        Dfp seq = field.getZero();
        Dfp[] coefficientSum = zeros(1, k)[0];
        for (int i = 0; i < n; i++) {
          Dfp[] a = logits(context, w2, i == 0 ? -1 : y[b][i - 1]);
          Dfp[] e = new Dfp[k];
          Dfp z = field.getZero();
          for (int v = 0; v < k; v++) {
            e[v] = DfpMath.exp(a[v]);
            z = z.add(e[v]);
          }
          Dfp logp = a[y[b][i]].subtract(DfpMath.log(z));
          tokenLogProb[b][i] = logp.toDouble();
          seq = seq.add(logp);
          for (int v = 0; v < k; v++) {
            Dfp coefficient = (v == y[b][i] ? field.getOne() : field.getZero())
                .subtract(e[v].divide(z));
            coefficientSum[v] = coefficientSum[v].add(coefficient);
            if (i > 0) {
              g2[v][y[b][i - 1]] = g2[v][y[b][i - 1]].add(coefficient);
            }
          }
        }
        seqLogProb[b] = seq.toDouble();
        // The W1 block of phi_i is x at every position, so sum_i (e - p_i) (x) x = x (x) sum_i (e - p_i).
        for (int j = 0; j < d; j++) {
          for (int v = 0; v < k; v++) {
            g1[j][v] = g1[j][v].add(x[b][j].multiply(coefficientSum[v]));
          }
        }
        int previous = -1;
        for (int i = 0; i < n; i++) {
          Dfp[] a = logits(context, w2, previous);
          int best = 0;
          for (int v = 1; v < k; v++) {
            if (a[v].greaterThan(a[best])) {
              best = v;
            }
          }
          greedy[b][i] = best;
          previous = best;
        }
      }
      gradW1 = toDouble(g1);
      gradW2 = toDouble(g2);
    }

    /** {@code sum_j x_j W1[j][v]} for every token {@code v}. */
    private Dfp[] contextLogits(Dfp[] x, Dfp[][] w1, int k) {
      Dfp[] a = zeros(1, k)[0];
      for (int j = 0; j < x.length; j++) {
        for (int v = 0; v < k; v++) {
          a[v] = a[v].add(x[j].multiply(w1[j][v]));
        }
      }
      return a;
    }

    /** The context logits plus {@code W2[v][previous]}, or alone at the first position. */
    private static Dfp[] logits(Dfp[] context, Dfp[][] w2, int previous) {
      Dfp[] a = context.clone();
      if (previous >= 0) {
        for (int v = 0; v < a.length; v++) {
          a[v] = a[v].add(w2[v][previous]);
        }
      }
      return a;
    }

    private Dfp[][] toDfp(double[][] a) {
      Dfp[][] c = new Dfp[a.length][];
      for (int r = 0; r < a.length; r++) {
        c[r] = new Dfp[a[r].length];
        for (int col = 0; col < a[r].length; col++) {
          c[r][col] = field.newDfp(a[r][col]);
        }
      }
      return c;
    }

    private Dfp[][] zeros(int rows, int cols) {
      Dfp[][] c = new Dfp[rows][cols];
      for (Dfp[] row : c) {
        java.util.Arrays.fill(row, field.getZero());
      }
      return c;
    }

    private static double[][] toDouble(Dfp[][] a) {
      double[][] c = new double[a.length][];
      for (int r = 0; r < a.length; r++) {
        c[r] = new double[a[r].length];
        for (int col = 0; col < a[r].length; col++) {
          c[r][col] = a[r][col].toDouble();
        }
      }
      return c;
    }
  }
}
