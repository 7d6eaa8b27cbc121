package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.math3.dfp.Dfp;
import org.apache.commons.math3.dfp.DfpField;
import org.apache.commons.math3.dfp.DfpMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgbarrier.io.conformance.BigramInput;
import org.pgbarrier.io.conformance.LqEvaluator;
import org.pgbarrier.io.conformance.LqInput;
import org.pgbarrier.io.conformance.PgStepEvaluator;
import org.pgbarrier.io.conformance.PgStepInput;
import org.pgbarrier.random.Seeds;

/**
 * The evaluators of {@code pgbarrier/pg-step-v1} and {@code pgbarrier/lq-v1} agree with
 * independent implementations on random inputs: for pg-step a 40-digit {@link Dfp} evaluation
 * of the format's formulas (straight softmax {@code exp(a_v) / sum_u exp(a_u)}, the score as
 * {@code sum_i a_i (e_{y_i} - p_i) (x) phi_i}, the updates written out), every output entry within
 * {@code 1e-12} relative; for lq-v1 a {@link BigDecimal} order statistic of the sorted sample,
 * exactly. The oracle shares no code with the model, the learn package or the metric package.
 * Exact agreement tests: no false alarm; the mutant twins (a step at the weights before the batch
 * instead of the current ones, the lower-quantile index) are rejected by the same comparisons.
 */
class PgStepAgreementTest {
  private static final long MASTER_SEED = 0x9B57_2026_1205L;
  private static final int CASES = 24;
  private static final double TOLERANCE = 1e-12;
  private static final String REPRO = "mvn -B -o -pl reference,cli test -Dtest=PgStepAgreementTest";

  /** One random instance, named by its seed. */
  record Case(int index, long seed, PgStepInput input) {
    @Override
    public String toString() {
      BigramInput b = input.bigram();
      return String.format("case %d (master seed %#x, seed %#x, d = %d, k = %d, N = %d, B = %d,"
          + " step %s; repro: %s)", index, MASTER_SEED, seed, b.d(), b.k(), b.length(),
          b.batchSize(), input.step().getClass().getSimpleName(), REPRO);
    }
  }

  static Stream<Case> cases() {
    return IntStream.range(0, CASES).mapToObj(PgStepAgreementTest::instance);
  }

  private static Case instance(int index) {
    long seed = Seeds.derive(MASTER_SEED, index);
    SplittableRandom rng = new SplittableRandom(seed);
    int d = 1 + rng.nextInt(6);
    int k = 2 + rng.nextInt(6);
    int n = 1 + rng.nextInt(6);
    int batch = 1 + rng.nextInt(4);
    int[][] y = new int[batch][n];
    for (int[] row : y) {
      for (int i = 0; i < n; i++) {
        row[i] = rng.nextInt(k);
      }
    }
    BigramInput bigram = new BigramInput(d, k, n, uniform(rng, d, k, -2, 2),
        uniform(rng, k, k, -2, 2), uniform(rng, batch, d, -1, 1), y);
    double[][] advantages = new double[batch][n];
    boolean outcome = rng.nextBoolean();
    for (double[] row : advantages) {
      double r = rng.nextInt(2);
      for (int i = 0; i < n; i++) {
        row[i] = outcome ? r : rng.nextDouble(-1, 1);
      }
    }
    PgStepInput.Step step = switch (index % 3) {
      case 0 -> new PgStepInput.GradientNorm();
      case 1 -> new PgStepInput.Constant(rng.nextDouble(0.01, 1));
      default -> new PgStepInput.AdagradStep(rng.nextDouble(0.01, 1), 1e-10,
          uniform(rng, d, k, 0.1, 2), uniform(rng, k, k, 0.1, 2));
    };
    return new Case(index, seed, new PgStepInput(bigram, advantages, outcome, step));
  }

  private static double[][] uniform(SplittableRandom rng, int rows, int cols, double lo,
      double hi) {
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      for (int c = 0; c < cols; c++) {
        row[c] = rng.nextDouble(lo, hi);
      }
    }
    return a;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theStepAgreesWithA40DigitOracle(Case c) {
    PgStepEvaluator.Result actual = PgStepEvaluator.evaluate(c.input());
    Oracle expected = new Oracle(c.input(), false);
    assertThat(mismatches(actual, expected)).as("%s", c).isEmpty();
  }

  @Test
  void mutantTwinStepsAllTakenAtTheInitialWeightsAreRejected() {
    // Paper rules with at least two rewarded responses: the updates compound.
    long rejected = cases()
        .filter(c -> !(c.input().step() instanceof PgStepInput.AdagradStep))
        .filter(c -> c.input().bigram().batchSize() >= 2)
        .filter(c -> !mismatches(PgStepEvaluator.evaluate(c.input()),
            new Oracle(c.input(), true)).isEmpty())
        .count();
    assertThat(rejected).isPositive();
  }

  private static List<String> mismatches(PgStepEvaluator.Result actual, Oracle expected) {
    List<String> out = new ArrayList<>();
    compare(out, "W1", actual.w1(), expected.w1);
    compare(out, "W2", actual.w2(), expected.w2);
    if (expected.s1 != null) {
      compare(out, "state_W1", actual.stateW1(), expected.s1);
      compare(out, "state_W2", actual.stateW2(), expected.s2);
    }
    return out;
  }

  private static void compare(List<String> out, String name, double[][] actual, Dfp[][] expected) {
    for (int r = 0; r < expected.length; r++) {
      for (int c = 0; c < expected[r].length; c++) {
        double b = expected[r][c].toDouble();
        double a = actual[r][c];
        if (!(Math.abs(a - b) <= TOLERANCE * Math.abs(b))) {
          out.add(String.format("%s[%d][%d] = %s, oracle %s", name, r, c, a, b));
        }
      }
    }
  }

  /** The format's formulas at 40 digits. */
  private static final class Oracle {
    private final DfpField field = new DfpField(40);
    final Dfp[][] w1;
    final Dfp[][] w2;
    Dfp[][] s1;
    Dfp[][] s2;

    /** @param frozen the mutant: every response's gradient at the input weights */
    Oracle(PgStepInput input, boolean frozen) {
      BigramInput in = input.bigram();
      w1 = dfp(in.w1());
      w2 = dfp(in.w2());
      Dfp[][] a = dfp(input.advantages());
      Dfp[][] x = dfp(in.x());
      int[][] y = in.y();
      int batch = in.batchSize();
      if (input.step() instanceof PgStepInput.AdagradStep step) {
        Dfp[][] g1 = zeros(in.d(), in.k());
        Dfp[][] g2 = zeros(in.k(), in.k());
        for (int b = 0; b < batch; b++) {
          score(x[b], y[b], a[b], w1, w2, g1, g2);
        }
        Dfp scale = field.newDfp(-1).divide(field.newDfp(batch * in.length()));
        s1 = dfp(step.stateW1());
        s2 = dfp(step.stateW2());
        adagrad(w1, g1, s1, scale, step);
        adagrad(w2, g2, s2, scale, step);
        return;
      }
      Dfp[][] f1 = copy(w1);
      Dfp[][] f2 = copy(w2);
      for (int b = 0; b < batch; b++) {
        Dfp[][] g1 = zeros(in.d(), in.k());
        Dfp[][] g2 = zeros(in.k(), in.k());
        score(x[b], y[b], a[b], frozen ? f1 : w1, frozen ? f2 : w2, g1, g2);
        Dfp eta;
        if (input.step() instanceof PgStepInput.Constant c) {
          eta = field.newDfp(c.eta());
        } else {
          Dfp sq = field.getZero();
          for (Dfp[][] g : List.of(g1, g2)) {
            for (Dfp[] row : g) {
              for (Dfp v : row) {
                sq = sq.add(v.multiply(v));
              }
            }
          }
          eta = field.getOne().divide(field.newDfp(4).add(sq.multiply(2)));
        }
        add(w1, g1, eta);
        add(w2, g2, eta);
      }
    }

    private void adagrad(Dfp[][] w, Dfp[][] g, Dfp[][] s, Dfp scale,
        PgStepInput.AdagradStep step) {
      Dfp lr = field.newDfp(step.lr());
      Dfp eps = field.newDfp(step.eps());
      for (int r = 0; r < w.length; r++) {
        for (int c = 0; c < w[r].length; c++) {
          Dfp grad = g[r][c].multiply(scale);
          s[r][c] = s[r][c].add(grad.multiply(grad));
          w[r][c] = w[r][c].subtract(lr.multiply(grad).divide(s[r][c].sqrt().add(eps)));
        }
      }
    }

    /** Adds sum_i a_i grad log p(y_i | x, y_<i) at (m1, m2) into (g1, g2). */
    private void score(Dfp[] x, int[] y, Dfp[] a, Dfp[][] m1, Dfp[][] m2, Dfp[][] g1,
        Dfp[][] g2) {
      int k = m2.length;
      for (int i = 0; i < y.length; i++) {
        Dfp[] e = new Dfp[k];
        Dfp z = field.getZero();
        for (int v = 0; v < k; v++) {
          Dfp logit = field.getZero();
          for (int j = 0; j < x.length; j++) {
            logit = logit.add(x[j].multiply(m1[j][v]));
          }
          if (i > 0) {
            logit = logit.add(m2[v][y[i - 1]]);
          }
          e[v] = DfpMath.exp(logit);
          z = z.add(e[v]);
        }
        for (int v = 0; v < k; v++) {
          Dfp coef = field.newDfp(v == y[i] ? 1 : 0).subtract(e[v].divide(z)).multiply(a[i]);
          for (int j = 0; j < x.length; j++) {
            g1[j][v] = g1[j][v].add(coef.multiply(x[j]));
          }
          if (i > 0) {
            g2[v][y[i - 1]] = g2[v][y[i - 1]].add(coef);
          }
        }
      }
    }

    private static void add(Dfp[][] w, Dfp[][] g, Dfp eta) {
      for (int r = 0; r < w.length; r++) {
        for (int c = 0; c < w[r].length; c++) {
          w[r][c] = w[r][c].add(eta.multiply(g[r][c]));
        }
      }
    }

    private Dfp[][] dfp(double[][] m) {
      Dfp[][] out = new Dfp[m.length][];
      for (int r = 0; r < m.length; r++) {
        out[r] = new Dfp[m[r].length];
        for (int c = 0; c < m[r].length; c++) {
          out[r][c] = field.newDfp(new BigDecimal(m[r][c]).toString());
        }
      }
      return out;
    }

    private Dfp[][] zeros(int rows, int cols) {
      Dfp[][] out = new Dfp[rows][cols];
      for (Dfp[] row : out) {
        Arrays.fill(row, field.getZero());
      }
      return out;
    }

    private static Dfp[][] copy(Dfp[][] m) {
      Dfp[][] out = new Dfp[m.length][];
      for (int r = 0; r < m.length; r++) {
        out[r] = m[r].clone();
      }
      return out;
    }
  }

  // ------------------------------------------------------------------ lq-v1

  @Test
  void theLqEvaluatorAgreesWithABigDecimalOrderStatisticOnRandomSamples() {
    SplittableRandom rng = new SplittableRandom(MASTER_SEED + 1);
    int mutantMisses = 0;
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rng.nextInt(30);
      int length = 1 + rng.nextInt(4);
      double[][] rows = new double[n][length];
      for (double[] row : rows) {
        for (int i = 0; i < length; i++) {
          row[i] = -rng.nextInt(20) * 0.25; // dyadic: the row sums are exact in doubles
        }
      }
      List<String> eps = new ArrayList<>();
      for (int e = 0; e < 8; e++) {
        eps.add(BigDecimal.valueOf(rng.nextInt(n + 1)).divide(BigDecimal.valueOf(n), 3,
            RoundingMode.DOWN).toPlainString());
      }
      LqInput input = LqInput.ofTokens(eps, rows);
      double[][] actual = LqEvaluator.evaluate(input);
      BigDecimal[] sums = new BigDecimal[n];
      BigDecimal[] minima = new BigDecimal[n];
      for (int j = 0; j < n; j++) {
        sums[j] = BigDecimal.ZERO;
        minima[j] = BigDecimal.ZERO;
        for (double v : rows[j]) {
          sums[j] = sums[j].add(new BigDecimal(v));
          minima[j] = minima[j].min(new BigDecimal(v));
        }
      }
      Arrays.sort(sums);
      Arrays.sort(minima);
      for (int e = 0; e < eps.size(); e++) {
        BigDecimal level = new BigDecimal(eps.get(e));
        int r = level.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.FLOOR).intValue();
        int authors = level.multiply(BigDecimal.valueOf(n - 1)).setScale(0, RoundingMode.FLOOR)
            .intValue();
        String where = "trial " + trial + " eps " + eps.get(e) + " n " + n;
        assertThat(actual[0][e]).as(where).isEqualTo(r >= n ? 0.0 : sums[r].doubleValue());
        assertThat(actual[1][e]).as(where).isEqualTo(sums[authors].doubleValue());
        assertThat(actual[2][e]).as(where).isEqualTo(r >= n ? 0.0 : minima[r].doubleValue());
        // Mutant twin: the lower quantile reads index ceil(eps n) - 1.
        int lower = Math.max(level.multiply(BigDecimal.valueOf(n))
            .setScale(0, RoundingMode.CEILING).intValue(), 1) - 1;
        if (sums[lower].doubleValue() != actual[0][e]) {
          mutantMisses++;
        }
      }
    }
    if (mutantMisses == 0) {
      fail("the lower-quantile mutant agreed with the evaluator everywhere");
    }
  }
}
