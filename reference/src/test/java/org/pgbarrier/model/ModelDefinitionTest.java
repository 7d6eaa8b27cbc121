package org.pgbarrier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The model and the positional map against their definitions, computed here from {@link
 * FeatureMap#features} with a plain softmax: enumeration order and values, the response index,
 * {@code k^N} and its overflow, the gradient, and the argument checks of every entry point.
 */
class ModelDefinitionTest {
  private static final int K = 3;
  private static final int N = 3;
  private static final PositionalFeatureMap PHI = new PositionalFeatureMap(2, K);
  private static final LinearAutoregressiveModel<PositionalContext> MODEL =
      new LinearAutoregressiveModel<>(PHI, N);
  private static final PositionalContext X =
      new PositionalContext(new double[][] {{1.0, -0.5}, {0.25, 2.0}, {-1.5, 0.75}});

  private static double[] weights() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] w = new double[PHI.dimension()];
    for (int j = 0; j < w.length; j++) {
      w[j] = rng.nextGaussian();
    }
    return w;
  }

  /** {@code <w, phi(x, y_<i, v)>} from the definition. */
  private static double logit(double[] w, int[] y, int i, int v) {
    double[] f = new double[PHI.dimension()];
    PHI.features(X, y, i, v, f);
    double s = 0;
    for (int j = 0; j < f.length; j++) {
      s += w[j] * f[j];
    }
    return s;
  }

  /** {@code p_w(. | x, y_<i)} by a plain softmax of the defined logits. */
  private static double[] distribution(double[] w, int[] y, int i) {
    double[] p = new double[K];
    double z = 0;
    for (int v = 0; v < K; v++) {
      p[v] = Math.exp(logit(w, y, i, v));
      z += p[v];
    }
    for (int v = 0; v < K; v++) {
      p[v] /= z;
    }
    return p;
  }

  @Test
  void thePositionalFeaturesAreTheStateTimesTheTokenIndicator() {
    double[] out = {9, 9, 9, 9, 9, 9};
    PHI.features(X, new int[N], 1, 2, out);
    assertThat(out).containsExactly(0, 0, 0.25, 0, 0, 2.0);
    assertThat(PHI.stateDimension()).isEqualTo(2);
    assertThat(PHI.vocabularySize()).isEqualTo(K);
    assertThat(PHI.dimension()).isEqualTo(6);
    // max_i ||z_i|| = ||(0.25, 2)|| = sqrt(4.0625)
    assertThat(PHI.featureNormBound(X, N)).isEqualTo(Math.sqrt(4.0625));
    assertThat(PHI.featureNormBound(X, 1)).isEqualTo(Math.sqrt(1.25));
    double[] w = weights();
    double[] logits = {7, 7, 7};
    PHI.scorer(w, X).logits(new int[N], 2, logits);
    for (int v = 0; v < K; v++) {
      assertThat(logits[v]).isCloseTo(logit(w, new int[N], 2, v), within(1e-15));
    }
  }

  @Test
  void theEnumerationListsEveryResponseInBaseKOrderWithItsDefinedLogLikelihood() {
    double[] w = weights();
    double[] all = MODEL.enumerateLogLikelihoods(w, X);
    assertThat(all).hasSize(27);
    assertThat(MODEL.responseCount()).isEqualTo(27);
    double total = 0;
    for (int a = 0; a < K; a++) {
      for (int b = 0; b < K; b++) {
        for (int c = 0; c < K; c++) {
          int[] y = {a, b, c};
          double logp = 0;
          for (int i = 0; i < N; i++) {
            logp += Math.log(distribution(w, y, i)[y[i]]);
          }
          int index = 9 * a + 3 * b + c;
          assertThat(all[index]).as("y = %d%d%d", a, b, c).isCloseTo(logp, within(1e-12));
          assertThat(MODEL.response(index)).containsExactly(a, b, c);
          total += Math.exp(all[index]);
        }
      }
    }
    assertThat(total).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void exactlyAMillionResponsesAreEnumeratedAndOneMoreIsRefused() {
    PositionalFeatureMap phi = new PositionalFeatureMap(1, 10);
    double[][] z = new double[6][];
    for (int i = 0; i < 6; i++) {
      z[i] = new double[] {1};
    }
    LinearAutoregressiveModel<PositionalContext> model = new LinearAutoregressiveModel<>(phi, 6);
    double[] all = model.enumerateLogLikelihoods(new double[10], new PositionalContext(z));
    assertThat(all).hasSize(1_000_000);
    // zero weights: uniform, log p = -6 log 10 for every response
    assertThat(all[0]).isCloseTo(-6 * Math.log(10), within(1e-12));
    assertThat(all[999_999]).isCloseTo(-6 * Math.log(10), within(1e-12));
    LinearAutoregressiveModel<PositionalContext> larger =
        new LinearAutoregressiveModel<>(new PositionalFeatureMap(1, 11), 6);
    assertThatThrownBy(() -> larger.enumerateLogLikelihoods(new double[11],
        new PositionalContext(z))).hasMessageContaining("k^N = 11^6");
  }

  @Test
  void theResponseCountIsKToTheNUntilItOverflows() {
    PositionalFeatureMap phi = new PositionalFeatureMap(1, 3);
    assertThat(new LinearAutoregressiveModel<>(phi, 39).responseCount())
        .isEqualTo(4052555153018976267L);
    assertThat(new LinearAutoregressiveModel<>(phi, 40).responseCount())
        .isEqualTo(Long.MAX_VALUE);
    PositionalFeatureMap binary = new PositionalFeatureMap(1, 2);
    assertThat(new LinearAutoregressiveModel<>(binary, 62).responseCount()).isEqualTo(1L << 62);
    assertThat(new LinearAutoregressiveModel<>(binary, 63).responseCount())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void theGradientIsTheFeatureMinusItsExpectationSummedOverPositions() {
    double[] w = weights();
    int[] y = {2, 0, 1};
    double[] expected = new double[PHI.dimension()];
    double[] f = new double[PHI.dimension()];
    for (int i = 0; i < N; i++) {
      double[] p = distribution(w, y, i);
      for (int v = 0; v < K; v++) {
        PHI.features(X, y, i, v, f);
        double coefficient = (v == y[i] ? 1 : 0) - p[v];
        for (int j = 0; j < f.length; j++) {
          expected[j] += coefficient * f[j];
        }
      }
    }
    double[] g = MODEL.gradient(w, X, y);
    for (int j = 0; j < g.length; j++) {
      assertThat(g[j]).isCloseTo(expected[j], within(1e-12));
    }
    double[] p1 = MODEL.tokenDistribution(w, X, y, 1);
    assertThat(p1).containsExactly(distribution(w, y, 1), within(1e-15));
  }

  @Test
  void everyEntryPointRefusesABadResponseAccumulatorPositionOrToken() {
    double[] w = weights();
    int[] y = {0, 1, 2};
    int[] bad = {0, 3, 2};
    double[] acc = new double[PHI.dimension()];
    double[] shortAcc = new double[PHI.dimension() - 1];
    assertThatThrownBy(() -> MODEL.addGradient(w, X, bad, 1, acc))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y[1] = 3");
    assertThatThrownBy(() -> MODEL.addGradient(w, X, y, 1, shortAcc))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accumulator");
    assertThatThrownBy(() -> MODEL.addWeightedGradient(w, X, bad, new double[N], acc))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y[1] = 3");
    assertThatThrownBy(() -> MODEL.addWeightedGradient(w, X, y, new double[N - 1], acc))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenScale");
    assertThatThrownBy(() -> MODEL.addWeightedGradient(w, X, y, new double[N], shortAcc))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accumulator");
    assertThatThrownBy(() -> MODEL.addTokenGradient(w, X, bad, 0, 0, 1, acc))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y[1] = 3");
    assertThatThrownBy(() -> MODEL.addTokenGradient(w, X, y, N, 0, 1, acc))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("i = 3");
    assertThatThrownBy(() -> MODEL.addTokenGradient(w, X, y, 0, K, 1, acc))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v = 3");
    assertThatThrownBy(() -> MODEL.addTokenGradient(w, X, y, 0, 0, 1, shortAcc))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accumulator");
    assertThatThrownBy(() -> MODEL.tokenDistribution(w, X, y, N))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("i = 3");
    assertThat(acc).containsOnly(0.0);
  }

  @Test
  void theTokenScoreArrayMayHoldExactlyTheLargestArrayLength() {
    int k = (int) LinearAutoregressiveModel.MAX_ARRAY;
    PositionalFeatureMap wide = new PositionalFeatureMap(1, k);
    assertThat(new LinearAutoregressiveModel<>(wide, 1).vocabularySize()).isEqualTo(k);
    assertThatThrownBy(() -> new LinearAutoregressiveModel<>(wide, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("N * k = 2 * " + k);
  }

  @Test
  void thePositionalMapRefusesAContextOfTheWrongShapeOrWithNonFiniteStates() {
    assertThatThrownBy(() -> PHI.validate(X, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("z has length 3");
    PositionalContext narrow = new PositionalContext(new double[][] {{1}, {1}, {1}});
    assertThatThrownBy(() -> PHI.validate(narrow, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("z[0]");
    PositionalContext infinite =
        new PositionalContext(new double[][] {{1, 1}, {1, 1}, {1, Double.NaN}});
    assertThatThrownBy(() -> PHI.validate(infinite, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z[2]");
    PHI.validate(X, 3);
  }
}
