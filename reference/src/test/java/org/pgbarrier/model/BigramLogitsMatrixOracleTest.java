package org.pgbarrier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Exact invariant: the fast bigram path of {@link LinearAutoregressiveModel} on the {@link
 * BigramFeatureMap} against an independent definitional oracle that computes the batched logits
 * as matrix products with EJML, {@code L1 = X W1} ({@code B x k}) and {@code L2 = W2 P} ({@code k
 * x BN}, {@code P} the one-hot previous tokens, zero at the first position), then a two-pass
 * log-softmax. Tolerance 1e-12 absolute on log-probabilities of order 10: summation order differs.
 */
class BigramLogitsMatrixOracleTest {
  @Test
  void tokenLogProbabilitiesEqualTheMatrixProductDefinition() {
    SplittableRandom rng = new SplittableRandom(20261122L);
    for (int trial = 0; trial < 20; trial++) {
      int d = 1 + rng.nextInt(6);
      int k = 2 + rng.nextInt(7);
      int n = 1 + rng.nextInt(6);
      int batch = 1 + rng.nextInt(5);
      BigramFeatureMap phi = new BigramFeatureMap(d, k);
      LinearAutoregressiveModel<double[]> model = new LinearAutoregressiveModel<>(phi, n);
      double[] w = new double[phi.dimension()];
      DMatrixRMaj w1 = new DMatrixRMaj(d, k);
      DMatrixRMaj w2 = new DMatrixRMaj(k, k);
      for (int j = 0; j < d; j++) {
        for (int v = 0; v < k; v++) {
          w1.set(j, v, 3 * rng.nextGaussian());
          w[phi.w1Index(j, v)] = w1.get(j, v);
        }
      }
      for (int v = 0; v < k; v++) {
        for (int p = 0; p < k; p++) {
          w2.set(v, p, 3 * rng.nextGaussian());
          w[phi.w2Index(v, p)] = w2.get(v, p);
        }
      }
      DMatrixRMaj x = new DMatrixRMaj(batch, d);
      int[][] y = new int[batch][n];
      DMatrixRMaj previous = new DMatrixRMaj(k, batch * n);
      for (int b = 0; b < batch; b++) {
        for (int j = 0; j < d; j++) {
          x.set(b, j, rng.nextGaussian());
        }
        for (int i = 0; i < n; i++) {
          y[b][i] = rng.nextInt(k);
          if (i > 0) {
            previous.set(y[b][i - 1], b * n + i, 1);
          }
        }
      }
      DMatrixRMaj l1 = new DMatrixRMaj(batch, k);
      CommonOps_DDRM.mult(x, w1, l1);
      DMatrixRMaj l2 = new DMatrixRMaj(k, batch * n);
      CommonOps_DDRM.mult(w2, previous, l2);
      for (int b = 0; b < batch; b++) {
        double[] fast = new double[n];
        double[] xb = new double[d];
        for (int j = 0; j < d; j++) {
          xb[j] = x.get(b, j);
        }
        double sequence = model.tokenLogProbabilities(w, xb, y[b], fast);
        double expectedSequence = 0;
        for (int i = 0; i < n; i++) {
          double[] logits = new double[k];
          double max = Double.NEGATIVE_INFINITY;
          for (int v = 0; v < k; v++) {
            logits[v] = l1.get(b, v) + l2.get(v, b * n + i);
            max = Math.max(max, logits[v]);
          }
          double sum = 0;
          for (int v = 0; v < k; v++) {
            sum += Math.exp(logits[v] - max);
          }
          double expected = logits[y[b][i]] - max - Math.log(sum);
          expectedSequence += expected;
          assertThat(fast[i]).as("trial %d d=%d k=%d N=%d b=%d i=%d", trial, d, k, n, b, i)
              .isCloseTo(expected, within(1e-12));
        }
        assertThat(sequence).isCloseTo(expectedSequence, within(1e-11));
      }
    }
  }
}
