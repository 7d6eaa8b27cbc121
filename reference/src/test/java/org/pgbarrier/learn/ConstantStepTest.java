package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstantStepTest {

  @Test
  void eachStepAddsEtaTimesTheDirection() {
    StepRule rule = new ConstantStep(0.5);
    double[] w = {1, -2};
    rule.apply(w, new double[] {2, 4}, 7.0);
    assertThat(w).containsExactly(2.0, 0.0);
    rule.apply(w, new double[] {-1, 0.5}, 0.0);
    assertThat(w).containsExactly(1.5, 0.25);
    rule.apply(w, new double[] {0, -0.25}, 100.0);
    assertThat(w).containsExactly(1.5, 0.125);
  }

  @Test
  void theRuleIsStatelessSoFreshIsItself() {
    StepRule rule = new ConstantStep(0.5);
    assertThat(rule.fresh()).isSameAs(rule);
    assertThat(rule.describe()).isEqualTo("ConstantStep(eta=0.5)");
  }
}
