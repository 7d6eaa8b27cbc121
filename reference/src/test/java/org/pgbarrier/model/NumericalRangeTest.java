package org.pgbarrier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.pgbarrier.kernel.HighPrecision;
import org.pgbarrier.random.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The numerical range of issue 8: {@code N = 1024}, {@code k = 1024}, weights of magnitude
 * {@code 1e3}, per-token likelihoods near {@code 1e-3} (so {@code p(y|x) ~ 1e-3072} underflows),
 * against the definition {@code log p = sum_i [a_i(y_i) - log sum_v exp(a_i(v))]} and {@code grad
 * = sum_i z_i (x) (e_{y_i} - p_i)} evaluated in 60-digit {@link BigDecimal} arithmetic
 * ({@link HighPrecision}, no max-shift, no code under test).
 *
 * <p>The map is positional ({@code phi = z_i (x) e_v}, {@code m = 2}) with {@value #ROWS}
 * distinct state rows cycled over the positions, so the oracle needs {@code ROWS * k}
 * high-precision exponentials rather than {@code N * k}. Tolerances: the double logits carry an
 * absolute rounding error of a few ulps of {@code 2000}, about {@code 5e-13} per token, which
 * bounds the per-token error; over {@code N = 1024} tokens the sum is good to {@code 1e-12}
 * relative, and each gradient entry (a sum of {@code N} terms bounded by {@code |z| <= 1} with
 * relative error {@code 5e-13}) to {@code 1e-9} absolute.
 */
class NumericalRangeTest {
  private static final int K = 1024;
  private static final int N = 1024;
  private static final int ROWS = 4;
  private static final long SEED = 8_1024L;

  /** Two weight regimes of magnitude {@code 1e3}. */
  enum Regime {
    /**
     * {@code w = +-1000 + 0.5 g}: every logit near {@code 1000 (z_0 - z_1)}, up to 2000, with an
     * {@code O(1)} spread, so each token has likelihood near {@code 1/k ~ 1e-3}; a naive {@code
     * exp} overflows.
     */
    OFFSET,
    /**
     * {@code w ~ U[-1000, 1000]}: logits spread over thousands, one token near probability 1 and
     * the others far below the smallest double; uniform random responses have log-likelihoods
     * near {@code -1e6}.
     */
    STEEP
  }

  @ParameterizedTest
  @EnumSource(Regime.class)
  void logLikelihoodsAndGradientsAtN1024AndK1024MatchA60DigitComputation(Regime regime) {
    SplittableRandom rng = Seeds.stream(SEED, regime.ordinal());
    PositionalFeatureMap phi = new PositionalFeatureMap(2, K);
    LinearAutoregressiveModel<PositionalContext> model = new LinearAutoregressiveModel<>(phi, N);
    double[][] rows = new double[ROWS][];
    for (int r = 0; r < ROWS; r++) {
      rows[r] = new double[] {0.5 + 0.5 * rng.nextDouble(), 2 * rng.nextDouble() - 1};
    }
    double[][] z = new double[N][];
    for (int i = 0; i < N; i++) {
      z[i] = rows[i % ROWS];
    }
    PositionalContext x = new PositionalContext(z);
    double[] w = new double[phi.dimension()];
    for (int v = 0; v < K; v++) {
      if (regime == Regime.OFFSET) {
        w[v] = 1000 + 0.5 * rng.nextGaussian();
        w[K + v] = -1000 + 0.5 * rng.nextGaussian();
      } else {
        w[v] = 2000 * rng.nextDouble() - 1000;
        w[K + v] = 2000 * rng.nextDouble() - 1000;
      }
    }
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      y[i] = rng.nextInt(K);
    }

    // Oracle: per distinct row, exact logits a(v) = z0 w0v + z1 w1v, then exp, sum, log.
    BigDecimal[][] logProb = new BigDecimal[ROWS][K];
    BigDecimal[][] prob = new BigDecimal[ROWS][K];
    for (int r = 0; r < ROWS; r++) {
      BigDecimal[] a = new BigDecimal[K];
      BigDecimal[] e = new BigDecimal[K];
      for (int v = 0; v < K; v++) {
        a[v] = exact(rows[r][0]).multiply(exact(w[v]))
            .add(exact(rows[r][1]).multiply(exact(w[K + v])));
        e[v] = HighPrecision.exp(a[v]);
      }
      BigDecimal total = HighPrecision.sum(e);
      BigDecimal lse = HighPrecision.log(total);
      for (int v = 0; v < K; v++) {
        logProb[r][v] = a[v].subtract(lse, HighPrecision.MC);
        prob[r][v] = e[v].divide(total, HighPrecision.MC);
      }
    }
    // sum_i z_i[j] (1{y_i = v} - p_i(v)) grouped by row: z_r[j] (count_r(v) - n_r p_r(v)).
    int[] perRow = new int[ROWS];
    int[][] counts = new int[ROWS][K];
    BigDecimal exactLogp = BigDecimal.ZERO;
    for (int i = 0; i < N; i++) {
      int r = i % ROWS;
      exactLogp = exactLogp.add(logProb[r][y[i]]);
      perRow[r]++;
      counts[r][y[i]]++;
    }
    BigDecimal[] exactGrad = new BigDecimal[phi.dimension()];
    java.util.Arrays.fill(exactGrad, BigDecimal.ZERO);
    for (int r = 0; r < ROWS; r++) {
      for (int v = 0; v < K; v++) {
        BigDecimal residual = BigDecimal.valueOf(counts[r][v])
            .subtract(BigDecimal.valueOf(perRow[r]).multiply(prob[r][v]));
        for (int j = 0; j < 2; j++) {
          exactGrad[j * K + v] = exactGrad[j * K + v].add(exact(rows[r][j]).multiply(residual));
        }
      }
    }

    double[] tokens = new double[N];
    double logp = model.tokenLogProbabilities(w, x, y, tokens);
    assertThat(logp).isFinite();
    assertThat(Math.abs(logp - exactLogp.doubleValue()) / Math.abs(exactLogp.doubleValue()))
        .as("%s: log p = %s, exact %s", regime, logp, exactLogp.doubleValue())
        .isLessThan(1e-12);
    for (int i = 0; i < N; i++) {
      assertThat(Math.abs(tokens[i] - logProb[i % ROWS][y[i]].doubleValue()))
          .as("%s: token %d", regime, i).isLessThan(1e-11);
    }
    double[] grad = new double[phi.dimension()];
    double returned = model.addGradient(w, x, y, 1.0, grad);
    assertThat(returned).isEqualTo(logp);
    for (int d = 0; d < grad.length; d++) {
      assertThat(grad[d]).isFinite();
      assertThat(Math.abs(grad[d] - exactGrad[d].doubleValue()))
          .as("%s: gradient entry %d = %s, exact %s", regime, d, grad[d], exactGrad[d])
          .isLessThan(1e-9);
    }
  }

  private static BigDecimal exact(double v) {
    return new BigDecimal(v);
  }
}
