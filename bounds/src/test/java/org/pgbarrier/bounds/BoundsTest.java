package org.pgbarrier.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The registry's invariants and the bounds' formulas on hand-computed values. */
class BoundsTest {

  @Test
  void everyRegisteredClaimIsWellFormedAndFoundById() {
    assertThat(ClaimRegistry.all()).isNotEmpty();
    for (Claim c : ClaimRegistry.all()) {
      assertThat(ClaimRegistry.get(c.id())).isSameAs(c);
      if (c.provenance() == Provenance.SOURCE) {
        assertThat(c.statement()).as(c.id()).doesNotContain("[RECONSTRUCTED]");
      }
    }
    assertThatThrownBy(() -> ClaimRegistry.get("BMB-99")).hasMessageContaining("not registered");
    assertThatThrownBy(() -> new Claim("bmb1", "t", Paper.SHARPENING, "l", Provenance.SOURCE, "s"))
        .hasMessageContaining("must look like BMB-01");
  }

  @Test
  void gradientNormBoundIsTwiceRTimesTheTokenErrors() {
    // 2 * 1.5 * ((1 - 0.5) + (1 - 0.75)) = 2.25
    assertThat(BaseModelBarrier.gradientNormBound(new double[] {0.5, 0.75}, 1.5)).isEqualTo(2.25);
  }

  @Test
  void marginOddsBoundDecaysAsExpMinusCGamma() {
    assertThat(BaseModelBarrier.marginOddsBound(3.0, 2.0, Math.log(2) / 2)).isEqualTo(1.5);
    assertThat(BaseModelBarrier.marginOddsBound(3.0, 0.0, 0.7)).isEqualTo(3.0);
  }

  @Test
  void perSampleBoundIsTheComparatorConstantTimesTheAdditiveCost() {
    // eta = 1/4, N T / alpha_tok = e^2, gamma = 1: c = 2, B = (4/(1/2) + 1)/(1/2) = 18.
    double b = BaseModelBarrier.perSampleComparatorConstant(0.25, 1, Math.exp(2), 1.0, 1.0);
    assertThat(b).isCloseTo(18, within(1e-12));
    // 18 (1/(0.5 ln 2) + 2/0.1) = 18 (2/ln 2 + 20)
    assertThat(BaseModelBarrier.perSampleOutcomePgBound(18, 0.5, 0.1))
        .isCloseTo(18 * (2 / Math.log(2) + 20), within(1e-9));
    assertThatThrownBy(() -> BaseModelBarrier.perSampleComparatorConstant(0.3, 1, 10, 0.5, 1))
        .hasMessageContaining("eta = 0.3");
  }

  @Test
  void sgdTestErrorBoundIsTheMistakeBoundOverN() {
    // n N (k-1) = 5: (4 log^2 5 / 0.25 + 2) / 5.
    int n = 5;
    double bound = BaseModelBarrier.sgdTestErrorBound(n, 1, 1 + 1, 0.5);
    double log = Math.log(5.0);
    assertThat(bound).isCloseTo((4 * log * log / 0.25 + 2) / 5, within(1e-12));
  }

  @Test
  void lqErrorFormTakesTheBestQuantileLevel() {
    // eps 0.1: 0.1 + 1/(0.01 * 1 * 1000) = 0.2; eps 0.3: 0.3 + 1/(0.5 * 1000) = 0.302.
    double form = BaseModelBarrier.lqErrorForm(
        new double[] {0.1, 0.3}, new double[] {0.01, 0.5}, 1, 1, 1000);
    assertThat(form).isCloseTo(0.2, within(1e-12));
    assertThatThrownBy(() -> BaseModelBarrier.lqErrorForm(
        new double[] {0.1}, new double[] {0}, 1, 1, 1)).hasMessageContaining("quantiles[0] = 0");
  }

  @Test
  void processCostIsTheSumOfInverseTokenLikelihoods() {
    assertThat(BaseModelBarrier.processRewardCost(new double[] {0.5, 0.25, 1})).isEqualTo(7);
    assertThat(BaseModelBarrier.processRewardCostBound(3, 0.25)).isEqualTo(12);
    assertThat(BaseModelBarrier.onlineMistakeBound(5, 0.1)).isCloseTo(100, within(1e-12));
    assertThat(BaseModelBarrier.outcomeFirstSuccessMean(0.25)).isEqualTo(4);
    assertThatThrownBy(() -> BaseModelBarrier.processRewardCost(new double[] {0.5, 0}))
        .hasMessageContaining("tokenLikelihoods[1] = 0");
  }
}
