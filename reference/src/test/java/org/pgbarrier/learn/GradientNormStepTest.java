package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradientNormStepTest {

  @Test
  void theStepIsOneOverFourPlusTwiceTheSquaredNormOfTheDirection() {
    double[] w = {1, -1};
    GradientNormStep.INSTANCE.apply(w, new double[] {1, 2}, 123.0);
    // ||d||^2 = 5, eta = 1/14 (hand-computed)
    assertThat(w).containsExactly(1 + 1.0 / 14, -1 + 2.0 / 14);
    assertThat(GradientNormStep.eta(0)).isEqualTo(0.25);
    assertThat(GradientNormStep.eta(5)).isEqualTo(1.0 / 14);
  }

  @Test
  void etaIsAtMostAQuarterAndEtaTimesTheSquaredNormIsBelowOneHalf() {
    SplittableRandom rng = new SplittableRandom(14);
    // exact for every ||g||^2; in doubles 4 + 2||g||^2 rounds to 2||g||^2 above about 2^53, where
    // eta ||g||^2 rounds to exactly 1/2: gradients of the paper's learners stay far below that
    for (int trial = 0; trial < 10_000; trial++) {
      double normSquared = Math.pow(10, rng.nextDouble(-12, 15));
      double eta = GradientNormStep.eta(normSquared);
      assertThat(eta).as("normSquared %s", normSquared).isLessThanOrEqualTo(0.25);
      assertThat(eta * normSquared).as("normSquared %s", normSquared).isLessThan(0.5);
    }
  }

  @Test
  void badSquaredNormsAndNonFiniteDirectionsAreRefused() {
    assertThatThrownBy(() -> GradientNormStep.eta(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("normSquared = -1.0: must be finite and >= 0");
    double[] w = {1, 2};
    assertThatThrownBy(() -> GradientNormStep.INSTANCE.apply(w, new double[] {1, Double.NaN}, 0))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("w[1] = NaN");
    assertThatThrownBy(() -> GradientNormStep.INSTANCE.apply(w, new double[] {1e200, 1e200}, 0))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("overflows");
    assertThat(w).containsExactly(1.0, 2.0);
  }

  @Test
  void theRuleIsStatelessAndSaysWhereItComesFrom() {
    assertThat(GradientNormStep.INSTANCE.fresh()).isSameAs(GradientNormStep.INSTANCE);
    assertThat(GradientNormStep.INSTANCE.describe()).contains("[PAPER A");
  }
}
