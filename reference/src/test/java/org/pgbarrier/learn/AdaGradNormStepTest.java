package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdaGradNormStepTest {

  @Test
  void theStepIsEtaOverTheRootOfTheSumOfSquaredNormsIncludingTheCurrentOne() {
    AdaGradNormStep rule = new AdaGradNormStep(65);
    double[] w = {1, 1};
    // S = 0: no move.
    rule.apply(w, new double[] {0, 0}, 3.0);
    assertThat(w).containsExactly(1.0, 1.0);
    assertThat(rule.sumOfSquares()).isZero();
    // S = 0 + 9 + 16 = 25, step 65/5 = 13.
    rule.apply(w, new double[] {3, 4}, 3.0);
    assertThat(w).containsExactly(40.0, 53.0);
    // S = 25 + 144 = 169, step 65/13 = 5.
    rule.apply(w, new double[] {0, -12}, 3.0);
    assertThat(w).containsExactly(40.0, -7.0);
    assertThat(rule.sumOfSquares()).isEqualTo(169.0);
  }

  @Test
  void freshStartsTheSumAgainAndLeavesTheOriginalAlone() {
    AdaGradNormStep rule = new AdaGradNormStep(65);
    rule.apply(new double[2], new double[] {3, 4}, 0);
    StepRule fresh = rule.fresh();
    double[] w = {0, 0};
    // S = 25 on the fresh rule: step 13, not 65 / sqrt(50).
    fresh.apply(w, new double[] {3, 4}, 0);
    assertThat(w).containsExactly(39.0, 52.0);
    assertThat(rule.sumOfSquares()).isEqualTo(25.0);
  }

  @Test
  void anOverflowingSumIsRefusedAndLeavesTheStateUnchanged() {
    AdaGradNormStep rule = new AdaGradNormStep(1);
    double[] w = {1, 2};
    rule.apply(w, new double[] {0, 0}, 0);
    assertThatThrownBy(() -> rule.apply(w, new double[] {0, 1e200}, 0))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("AdaGradNormStep")
        .hasMessageContaining("direction[1]");
    assertThat(w).containsExactly(1.0, 2.0);
    assertThat(rule.sumOfSquares()).isZero();
  }
}
