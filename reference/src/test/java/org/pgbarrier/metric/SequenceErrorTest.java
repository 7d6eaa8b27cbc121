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

class SequenceErrorTest {
  private static final Labeled<TabularContext> A = TargetLikelihoodsTest.A;
  private static final Labeled<TabularContext> B = TargetLikelihoodsTest.B;

  @Test
  void errorIsOneMinusTheLikelihoodOfTheCorrectResponse() {
    double[] w = TargetLikelihoodsTest.weights();
    // q(y*|A) = 3/4 * 4/5 = 0.6, q(y*|B) = 3/4 * 3/4 = 0.5625.
    assertThat(SequenceError.at(TargetLikelihoodsTest.MODEL, w, A)).isCloseTo(0.4, within(1e-15));
    FiniteDistribution<TabularContext> d =
        new FiniteDistribution<>(List.of(A, B), new double[] {0.25, 0.75});
    // 0.25 * 0.4 + 0.75 * 0.4375.
    assertThat(SequenceError.expected(TargetLikelihoodsTest.MODEL, w, d))
        .isCloseTo(0.428125, within(1e-15));
    // (0.4 + 0.4375) / 2.
    assertThat(SequenceError.mean(TargetLikelihoodsTest.MODEL, w, List.of(A, B)))
        .isCloseTo(0.41875, within(1e-15));
  }

  @Test
  void anErrorNearZeroKeepsItsRelativeAccuracy() {
    // k = 2, N = 1, logit 50 on the correct token: 1 - p = 1 / (1 + e^50), about 1.9e-22.
    TabularFeatureMap phi = new TabularFeatureMap(1, 2);
    LinearAutoregressiveModel<TabularContext> model = new LinearAutoregressiveModel<>(phi, 1);
    double[] w = new double[phi.dimension()];
    w[phi.index(0, 1)] = 50;
    Labeled<TabularContext> x =
        new Labeled<>(new TabularContext(new int[] {0}, new int[] {1}), new int[] {1});
    double exact = 1 / (1 + Math.exp(50));
    double error = SequenceError.at(model, w, x);
    assertThat(Math.abs(error - exact) / exact).isLessThan(1e-14);
    // The naive form loses it entirely.
    assertThat(1 - Math.exp(model.logLikelihood(w, x.x(), x.target()))).isZero();
  }

  @Test
  void theMeanOfSmallErrorsIsAccurateToo() {
    TargetLikelihoods t =
        TargetLikelihoods.fromTokenLogLikelihoods(new double[][] {{-1e-20}, {-3e-20}});
    assertThat(SequenceError.of(t)).isCloseTo(2e-20, within(1e-35));
  }

  @Test
  void anUnderflowingLikelihoodIsAnErrorOfOne() {
    // q = 1e-400: log q = -921.03...
    TargetLikelihoods t = TargetLikelihoods.fromTokenLogLikelihoods(
        new double[][] {{-921.0340371976183}, {0}}, new double[] {0.5, 0.5});
    assertThat(SequenceError.of(t)).isEqualTo(0.5);
    assertThat(SequenceError.fromLogLikelihood(Double.NEGATIVE_INFINITY)).isEqualTo(1.0);
    assertThat(SequenceError.fromLogLikelihood(0)).isZero();
    assertThatThrownBy(() -> SequenceError.fromLogLikelihood(1e-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log p = 0.001");
  }
}
