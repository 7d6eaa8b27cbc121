package org.pgbarrier.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Gibbs reweighting on a three-point reference, by hand. */
class GibbsReweightingTest {
  @Test
  void theOptimumValueAndObjectiveMatchTheGibbsFormulaByHand() {
    double[] ref = {0.5, 0.5, 0};
    double[] r = {Math.log(3), 0, 7};
    // beta = 1: pi ∝ ref e^r = (1.5, 0.5, 0) -> (3/4, 1/4, 0); Z = 2, value log 2.
    assertThat(GibbsReweighting.optimum(ref, r, 1)).containsExactly(
        new double[] {0.75, 0.25, 0}, within(1e-15));
    assertThat(GibbsReweighting.optimalValue(ref, r, 1)).isCloseTo(Math.log(2), within(1e-15));
    // objective at the optimum: E[r] - KL = 0.75 log 3 - (0.75 log 1.5 + 0.25 log 0.5) = log 2
    assertThat(GibbsReweighting.objective(new double[] {0.75, 0.25, 0}, ref, r, 1))
        .isCloseTo(Math.log(2), within(1e-15));
    // beta = 2 at pi = ref: E[r] - 0 = 0.5 log 3
    assertThat(GibbsReweighting.objective(ref, ref, r, 2)).isCloseTo(0.5 * Math.log(3),
        within(1e-15));
    // beta = 2: Z = 0.5 sqrt 3 + 0.5, value 2 log Z
    assertThat(GibbsReweighting.optimalValue(ref, r, 2))
        .isCloseTo(2 * Math.log(0.5 * Math.sqrt(3) + 0.5), within(1e-15));
    assertThatThrownBy(() -> GibbsReweighting.objective(ref, ref, new double[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reward");
    assertThatThrownBy(() -> GibbsReweighting.optimum(ref, new double[] {1, 2}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reward");
  }
}
