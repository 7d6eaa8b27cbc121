package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LossNormalisedStepTest {

  @Test
  void theStepIsEtaOverTheLossOnceTheLossExceedsOne() {
    LossNormalisedStep rule = new LossNormalisedStep(0.25);
    double[] w = {0, 0};
    // loss 0.5: max(1, 0.5) = 1, step 0.25.
    rule.apply(w, new double[] {4, -8}, 0.5);
    assertThat(w).containsExactly(1.0, -2.0);
    // loss 2: step 0.125.
    rule.apply(w, new double[] {8, 8}, 2.0);
    assertThat(w).containsExactly(2.0, -1.0);
    // loss 4: step 0.0625.
    rule.apply(w, new double[] {-16, 16}, 4.0);
    assertThat(w).containsExactly(1.0, 0.0);
  }

  @Test
  void stepAtIsEtaOverMaxOfOneAndTheLoss() {
    LossNormalisedStep rule = new LossNormalisedStep(0.25);
    assertThat(rule.stepAt(0.0)).isEqualTo(0.25);
    assertThat(rule.stepAt(1.0)).isEqualTo(0.25);
    assertThat(rule.stepAt(10.0)).isEqualTo(0.025);
    assertThat(rule.fresh()).isSameAs(rule);
    assertThat(rule.describe()).contains("eta=0.25", "[RECONSTRUCTED");
  }

  @Test
  void aLossThatIsNegativeOrNotFiniteIsRefused() {
    LossNormalisedStep rule = new LossNormalisedStep(0.25);
    double[] w = {0};
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> rule.apply(w, new double[] {1}, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("loss = " + bad);
    }
    assertThat(w).containsExactly(0.0);
  }
}
