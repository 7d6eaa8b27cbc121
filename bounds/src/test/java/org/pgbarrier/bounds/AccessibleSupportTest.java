package org.pgbarrier.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The accessible-support formulas (docs/theory.md §10.3, §10.7) against hand-derived values:
 * thresholds and pass@B at budgets where {@code (1 - q)^(1/B)} is exact, binary KL divergences
 * reduced to one logarithm by hand, and every domain boundary on both sides.
 */
class AccessibleSupportTest {
  private static final double TOL = 1e-15;

  @Test
  void thresholdIsTheBthRootComplement() {
    // 1 - (1 - 3/4)^(1/2) = 1 - 1/2
    assertThat(AccessibleSupport.threshold(2, 0.75)).isCloseTo(0.5, within(TOL));
    // 1 - (1/8)^(1/3) = 1/2
    assertThat(AccessibleSupport.threshold(3, 0.875)).isCloseTo(0.5, within(TOL));
    // B = 1 (the smallest budget): tau = q
    assertThat(AccessibleSupport.threshold(1, 0.3)).isCloseTo(0.3, within(TOL));
    // q = 1 - 1/e: tau = 1 - e^(-1/B)
    assertThat(AccessibleSupport.threshold(10, 1 - Math.exp(-1)))
        .isCloseTo(1 - Math.exp(-0.1), within(TOL));
  }

  @Test
  void passAtBudgetIsOneMinusTheMissProbabilityToTheB() {
    // 1 - (1/2)^3
    assertThat(AccessibleSupport.passAtBudget(0.5, 3)).isCloseTo(0.875, within(TOL));
    // 1 - 0.9^2 = 0.19
    assertThat(AccessibleSupport.passAtBudget(0.1, 2)).isCloseTo(0.19, within(TOL));
    assertThat(AccessibleSupport.passAtBudget(0, 5)).isEqualTo(0.0);
    assertThat(AccessibleSupport.passAtBudget(1, 5)).isEqualTo(1.0);
  }

  @Test
  void passAtBudgetAtTheThresholdIsTheConfidence() {
    for (double b : new double[] {1, 2, 7.5, 300}) {
      for (double q : new double[] {0.05, 0.5, 0.95}) {
        assertThat(AccessibleSupport.passAtBudget(AccessibleSupport.threshold(b, q), b))
            .as("B %s q %s", b, q).isCloseTo(q, within(1e-12));
      }
    }
  }

  @Test
  void binaryKlReducesToOneLogarithmOnHandCases() {
    // 1/2 ln 2 + 1/2 ln(2/3) = 1/2 ln(4/3)
    assertThat(AccessibleSupport.binaryKl(0.5, 0.25)).isCloseTo(0.5 * Math.log(4.0 / 3), within(TOL));
    // t = 1: ln(1/p); t = 0: ln(1/(1-p))
    assertThat(AccessibleSupport.binaryKl(1, 0.25)).isCloseTo(Math.log(4), within(TOL));
    assertThat(AccessibleSupport.binaryKl(0, 0.75)).isCloseTo(Math.log(4), within(TOL));
    // 0.9 ln 9 + 0.1 ln(1/9) = 0.8 ln 9
    assertThat(AccessibleSupport.binaryKl(0.9, 0.1)).isCloseTo(0.8 * Math.log(9), within(1e-14));
    assertThat(AccessibleSupport.binaryKl(0.3, 0.3)).isEqualTo(0.0);
    // 0 log 0 = 0 on either side; a positive mass on a zero reference is infinite
    assertThat(AccessibleSupport.binaryKl(0, 0)).isEqualTo(0.0);
    assertThat(AccessibleSupport.binaryKl(1, 1)).isEqualTo(0.0);
    assertThat(AccessibleSupport.binaryKl(0.5, 0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(AccessibleSupport.binaryKl(0.5, 1)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void minimumKlIsZeroWhenTheReferenceAlreadyHasTheMass() {
    assertThat(AccessibleSupport.minimumKl(0.25, 0.5)).isEqualTo(0.0);
    assertThat(AccessibleSupport.minimumKl(0.5, 0.25))
        .isCloseTo(0.5 * Math.log(4.0 / 3), within(TOL));
    assertThat(AccessibleSupport.minimumKl(1, 0.25)).isCloseTo(Math.log(4), within(TOL));
  }

  @Test
  void budgetsAndConfidencesOutsideTheirDomainsAreRefused() {
    for (double b : new double[] {0.5, 0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> AccessibleSupport.threshold(b, 0.5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("budget = " + b + ": must be finite and >= 1");
      assertThatThrownBy(() -> AccessibleSupport.passAtBudget(0.5, b))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("budget = ");
    }
    for (double q : new double[] {0, 1, -0.1, 1.1, Double.NaN}) {
      assertThatThrownBy(() -> AccessibleSupport.threshold(2, q))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("confidence = " + q + ": must be in (0, 1)");
    }
  }

  @Test
  void probabilitiesOutsideTheUnitIntervalAreRefused() {
    for (double p : new double[] {-0.01, 1.01, Double.NaN}) {
      assertThatThrownBy(() -> AccessibleSupport.passAtBudget(p, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("probability = " + p + ": must be in [0, 1]");
      assertThatThrownBy(() -> AccessibleSupport.binaryKl(p, 0.5))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("t = " + p + ": must be in [0, 1]");
      assertThatThrownBy(() -> AccessibleSupport.binaryKl(0.5, p))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("p = " + p + ": must be in [0, 1]");
    }
  }
}
