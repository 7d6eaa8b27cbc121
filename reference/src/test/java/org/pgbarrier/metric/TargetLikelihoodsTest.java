package org.pgbarrier.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.FiniteDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.model.TabularFeatureMap;

class TargetLikelihoodsTest {
  // Tabular map, k = 2, N = 2: state 0 gives token 1 probability 3/4, state 1 gives token 0
  // probability 4/5. Context A visits states (0, 1) with y* = (1, 0): q_i = (3/4, 4/5);
  // context B visits (0, 0) with y* = (1, 1): q_i = (3/4, 3/4).
  static final TabularFeatureMap PHI = new TabularFeatureMap(2, 2);
  static final LinearAutoregressiveModel<TabularContext> MODEL =
      new LinearAutoregressiveModel<>(PHI, 2);
  static final Labeled<TabularContext> A = labeled(new int[] {0, 1}, new int[] {1, 0});
  static final Labeled<TabularContext> B = labeled(new int[] {0, 0}, new int[] {1, 1});

  static double[] weights() {
    double[] w = new double[PHI.dimension()];
    w[PHI.index(0, 1)] = Math.log(3);
    w[PHI.index(1, 0)] = Math.log(4);
    return w;
  }

  static Labeled<TabularContext> labeled(int[] states, int[] target) {
    return new Labeled<>(new TabularContext(states, target), target);
  }

  @Test
  void theThreeStatisticsAreTheProductMinimumAndMeanOfTheTokenLikelihoods() {
    TargetLikelihoods t = TargetLikelihoods.ofSample(MODEL, weights(), List.of(A, B));
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.length()).isEqualTo(2);
    assertThat(t.equalWeights()).isTrue();
    assertThat(t.logLikelihood(0)).isCloseTo(Math.log(0.6), within(1e-15));
    assertThat(t.logValue(LikelihoodStatistic.TOKEN_MIN, 0))
        .isCloseTo(Math.log(0.75), within(1e-15));
    assertThat(t.logValue(LikelihoodStatistic.TOKEN_MEAN, 0))
        .isCloseTo(Math.log(0.775), within(1e-15));
    assertThat(t.logValue(LikelihoodStatistic.SEQUENCE, 1))
        .isCloseTo(Math.log(0.5625), within(1e-15));
    assertThat(t.logValue(LikelihoodStatistic.TOKEN_MIN, 1))
        .isCloseTo(Math.log(0.75), within(1e-15));
    assertThat(t.logValue(LikelihoodStatistic.TOKEN_MEAN, 1))
        .isCloseTo(Math.log(0.75), within(1e-15));
  }

  @Test
  void aFiniteDistributionWeighsItsContextsByTheirProbabilities() {
    FiniteDistribution<TabularContext> d =
        new FiniteDistribution<>(List.of(A, B), new double[] {0.25, 0.75});
    TargetLikelihoods t = TargetLikelihoods.of(MODEL, weights(), d);
    assertThat(t.weight(0)).isEqualTo(0.25);
    assertThat(t.weight(1)).isEqualTo(0.75);
    assertThat(t.totalWeight()).isEqualTo(1.0);
    assertThat(t.equalWeights()).isFalse();
    assertThat(TargetLikelihoods.of(MODEL, weights(), FiniteDistribution.uniform(List.of(A, B)))
        .equalWeights()).isTrue();
  }

  @Test
  void aZeroTokenLikelihoodIsAllowedAndGivesMinusInfinity() {
    TargetLikelihoods t = TargetLikelihoods.fromTokenLogLikelihoods(
        new double[][] {{Double.NEGATIVE_INFINITY, 0}});
    assertThat(t.logLikelihood(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(t.logValue(LikelihoodStatistic.TOKEN_MIN, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(t.logValue(LikelihoodStatistic.TOKEN_MEAN, 0))
        .isCloseTo(Math.log(0.5), within(1e-16));
  }

  @Test
  void badInputIsRefusedNamingIt() {
    assertThatThrownBy(() -> TargetLikelihoods.fromTokenLogLikelihoods(new double[][] {{-1, 0.5}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log q[0][1] = 0.5");
    assertThatThrownBy(() -> TargetLikelihoods.fromTokenLogLikelihoods(
            new double[][] {{-1}, {Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log q[1][0] = NaN");
    assertThatThrownBy(() -> TargetLikelihoods.fromTokenLogLikelihoods(
            new double[][] {{-1}, {-1, -2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenLogLikelihoods[1] has length 2");
    assertThatThrownBy(() -> TargetLikelihoods.fromTokenLogLikelihoods(
            new double[][] {{-1}, {-1}}, new double[] {1, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights[1] = -1.0");
    assertThatThrownBy(() -> TargetLikelihoods.fromTokenLogLikelihoods(
            new double[][] {{-1}}, new double[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum of weights = 0.0: must be finite and > 0");
    assertThatThrownBy(() -> TargetLikelihoods.ofSample(MODEL, new double[3], List.of(A)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w has length 3");
    assertThatThrownBy(() -> TargetLikelihoods.ofSample(MODEL, weights(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample size = 0");
  }
}
