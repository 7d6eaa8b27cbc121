package org.pgbarrier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Unit checks of the model that the property suite does not cover: range, ties, sampling map. */
class LinearAutoregressiveModelTest {

  @Test
  void logLikelihoodStaysFiniteAndExactWhereTheProbabilityUnderflows() {
    // Tabular map with base weight b on the correct token: p = e^b / (e^b + k - 1) per token.
    int k = 1024;
    int n = 1024;
    TabularFeatureMap phi = new TabularFeatureMap(1, k);
    LinearAutoregressiveModel<TabularContext> model = new LinearAutoregressiveModel<>(phi, n);
    int[] states = new int[n];
    int[] target = new int[n];
    TabularContext x = new TabularContext(states, target);
    double[] w = new double[phi.dimension()];
    double b = 0.5;
    w[phi.index(0, 0)] = b;
    // Every prefix of the target is correct, so every position is in state 0.
    double perToken = b - Math.log(Math.exp(b) + (k - 1));
    double logp = model.logLikelihood(w, x, target);
    assertThat(logp).isFinite();
    assertThat(Math.abs(logp - n * perToken) / Math.abs(n * perToken)).isLessThan(1e-13);
    assertThat(Math.exp(logp)).isZero();
  }

  @Test
  void greedyDecodingBreaksTiesTowardTheSmallestTokenId() {
    BigramFeatureMap phi = new BigramFeatureMap(2, 5);
    LinearAutoregressiveModel<double[]> model = new LinearAutoregressiveModel<>(phi, 3);
    double[] w = new double[phi.dimension()];
    w[phi.w1Index(0, 3)] = 1;
    w[phi.w1Index(0, 4)] = 1;
    assertThat(model.greedy(w, new double[] {1, 0})).containsExactly(3, 3, 3);
    assertThat(model.greedy(new double[phi.dimension()], new double[] {1, 0}))
        .containsExactly(0, 0, 0);
  }

  @Test
  void sampledTokenIsTheOneWhoseCdfIntervalContainsTheUniform() {
    BigramFeatureMap phi = new BigramFeatureMap(1, 4);
    LinearAutoregressiveModel<double[]> model = new LinearAutoregressiveModel<>(phi, 1);
    double[] logits = {Math.log(0.1), Math.log(0.2), Math.log(0.3), Math.log(0.4)};
    double[] upper = {0.1, 0.3, 0.6, 1.0};
    for (int t = 0; t <= 1000; t++) {
      double u = Math.min(t / 1000.0, Math.nextDown(1.0));
      int v = model.sampleToken(logits, u);
      double lower = v == 0 ? 0 : upper[v - 1];
      assertThat(u).as("u=%s token %d", u, v).isBetween(lower - 1e-12, upper[v] + 1e-12);
    }
    double[] degenerate = {0, Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY};
    assertThat(model.sampleToken(degenerate, Math.nextDown(1.0))).isEqualTo(2);
  }

  @Test
  void samplingIsAFunctionOfTheGeneratorState() {
    BigramFeatureMap phi = new BigramFeatureMap(3, 6);
    LinearAutoregressiveModel<double[]> model = new LinearAutoregressiveModel<>(phi, 50);
    double[] w = new double[phi.dimension()];
    SplittableRandom init = new SplittableRandom(5);
    for (int i = 0; i < w.length; i++) {
      w[i] = init.nextGaussian();
    }
    double[] x = {1, -1, 1};
    assertThat(model.sample(w, x, new SplittableRandom(11)))
        .containsExactly(model.sample(w, x, new SplittableRandom(11)));
  }

  @Test
  void tokenGradientIsTheFeatureMinusItsExpectationAndTheTokenScoresSumToTheSequenceScore() {
    BigramFeatureMap phi = new BigramFeatureMap(3, 4);
    LinearAutoregressiveModel<double[]> model = new LinearAutoregressiveModel<>(phi, 5);
    SplittableRandom rng = new SplittableRandom(17);
    double[] w = new double[phi.dimension()];
    for (int j = 0; j < w.length; j++) {
      w[j] = 2 * rng.nextGaussian();
    }
    double[] x = {0.3, -1.2, 0.8};
    int[] y = model.sample(w, x, rng);
    double[] sumOfTokens = new double[phi.dimension()];
    double[] weighted = new double[phi.dimension()];
    double[] scales = {0.5, -1, 2, 0, 3};
    double[] tokenLogp = new double[5];
    model.tokenLogProbabilities(w, x, y, tokenLogp);
    for (int i = 0; i < 5; i++) {
      int v = (y[i] + 1) % 4;
      double[] token = new double[phi.dimension()];
      double logp = model.addTokenGradient(w, x, y, i, v, 1.0, token);
      // Definition: phi(v) - sum_u p(u) phi(u) at the prefix y[0..i).
      double[] p = model.tokenDistribution(w, x, y, i);
      double[] expected = new double[phi.dimension()];
      double[] f = new double[phi.dimension()];
      phi.features(x, y, i, v, f);
      for (int j = 0; j < f.length; j++) {
        expected[j] += f[j];
      }
      for (int u = 0; u < 4; u++) {
        phi.features(x, y, i, u, f);
        for (int j = 0; j < f.length; j++) {
          expected[j] -= p[u] * f[j];
        }
      }
      assertThat(logp).isCloseTo(Math.log(p[v]), within(1e-12));
      for (int j = 0; j < f.length; j++) {
        assertThat(token[j]).isCloseTo(expected[j], within(1e-12));
      }
      model.addTokenGradient(w, x, y, i, y[i], scales[i], sumOfTokens);
    }
    double logp = model.addWeightedGradient(w, x, y, scales, weighted);
    assertThat(logp).isCloseTo(Arrays.stream(tokenLogp).sum(),
        within(1e-12));
    for (int j = 0; j < weighted.length; j++) {
      assertThat(weighted[j]).isCloseTo(sumOfTokens[j], within(1e-12));
    }
  }

  @Test
  void badResponsesAreRefusedNamingTheEntry() {
    BigramFeatureMap phi = new BigramFeatureMap(2, 3);
    LinearAutoregressiveModel<double[]> model = new LinearAutoregressiveModel<>(phi, 2);
    double[] w = new double[phi.dimension()];
    assertThatThrownBy(() -> model.logLikelihood(w, new double[] {0, 0}, new int[] {0, 3}))
        .hasMessage("y[1] = 3: must be a token id in [0, 2]");
    assertThatThrownBy(() -> model.logLikelihood(w, new double[] {0, 0}, new int[] {1, -1}))
        .hasMessage("y[1] = -1: must be a token id in [0, 2]");
    assertThatThrownBy(() -> model.logLikelihood(w, new double[] {0, 0}, new int[] {0}))
        .hasMessage("y has length 1: must have length 2");
    assertThatThrownBy(() -> new LinearAutoregressiveModel<>(phi, 0))
        .hasMessage("N = 0: must be at least 1");
    LinearAutoregressiveModel<double[]> big = new LinearAutoregressiveModel<>(phi, 13);
    assertThatThrownBy(() -> big.enumerateLogLikelihoods(w, new double[] {0, 0}))
        .hasMessageContaining("k^N = 3^13");
  }
}
