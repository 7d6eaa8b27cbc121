package org.pgbarrier.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The sharpening statements (docs/theory.md §9) not covered by the worked values of
 * {@link SharpeningTest}, against hand-derived values: each input chosen so that a wrong operator
 * or exponent changes the value.
 */
class SharpeningClosedFormsTest {
  @Test
  void aCertainArgmaxNeedsOneResponse() {
    assertThat(Sharpening.exactMinimumN(1, 0.1)).isEqualTo(1);
    // p* = 1/2, rho = 1/8: (1/2)^N <= 1/8 first at N = 3
    assertThat(Sharpening.exactMinimumN(0.5, 0.125)).isEqualTo(3);
  }

  @Test
  void sftResponsesPerPromptIsTheCeilingOfNStarLogTwoOverDelta() {
    // 4 ln 4 = 5.545: 6;  10 ln 20 = 29.96: 30
    assertThat(Sharpening.sftResponsesPerPrompt(4, 0.5)).isEqualTo(6);
    assertThat(Sharpening.sftResponsesPerPrompt(10, 0.1)).isEqualTo(30);
  }

  @Test
  void sftFailureBoundIsCoverageTermPlusTheHellingerTerm() {
    // (1 - 1/sqrt 2)^2 = 3/2 - sqrt 2; C_cov/N* = 2/4; 2 (ln 10 + ln 10) / (gap 0.5 100)
    double gap = 1.5 - Math.sqrt(2);
    double expected = 0.5 + 4 * Math.log(10) / (gap * 50);
    assertThat(Sharpening.sftFailureBound(2, 4, Math.log(10), 0.1, 0.5, 100))
        .isCloseTo(expected, within(1e-12 * expected));
  }

  @Test
  void rlhfBoundRaisesTheRatiosToOnePlusOneOverBeta() {
    // beta = 1/2: exponent 3; ratios 1/2, 1/4, 3/4: 1 - 1/8 - 1/64 - 27/64 = 7/16
    assertThat(Sharpening.rlhfArgmaxMassLowerBound(new double[] {0.4, 0.2, 0.1, 0.3}, 0, 0.5))
        .isCloseTo(7.0 / 16, within(1e-15));
    // a zero-probability response contributes nothing
    assertThat(Sharpening.rlhfArgmaxMassLowerBound(new double[] {0.5, 0.25, 0}, 0, 1))
        .isCloseTo(0.75, within(1e-15));
  }

  @Test
  void coverageAtBudgetIsMarkovsBound() {
    assertThat(Sharpening.coverageAtBudgetBound(2, 10)).isCloseTo(0.2, within(1e-16));
  }
}
