package org.pgbarrier.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The sharpening formulas on the values of docs/theory.md §9 (instance I1, p* = 0.6^3 = 0.216). */
class SharpeningTest {
  private static final double P_STAR = 0.216;

  @Test
  void bestOfNSuccessMatchesTheTheoryNotesTable() {
    assertThat(Sharpening.bestOfNSuccess(P_STAR, 1)).isCloseTo(0.216, within(1e-15));
    assertThat(Sharpening.bestOfNSuccess(P_STAR, 5)).isCloseTo(0.703803, within(5e-7));
    assertThat(Sharpening.bestOfNSuccess(P_STAR, 10)).isCloseTo(0.912267, within(5e-7));
    assertThat(Sharpening.bestOfNSuccess(P_STAR, 50)).isCloseTo(0.999995, within(5e-7));
  }

  @Test
  void propC1SampleSizeIsElevenAndTwentyTwoAgainstExactMinimaTenAndNineteen() {
    assertThat(Sharpening.propC1SufficientN(P_STAR, 0.1)).isEqualTo(11);
    assertThat(Sharpening.exactMinimumN(P_STAR, 0.1)).isEqualTo(10);
    assertThat(Sharpening.propC1SufficientN(P_STAR, 0.01)).isEqualTo(22);
    assertThat(Sharpening.exactMinimumN(P_STAR, 0.01)).isEqualTo(19);
  }

  @Test
  void lemmaI1BoundsAreTheStatedExpressions() {
    // (mu + 1/2)/0.25 with mu = 1.5: 8; exp(-2 * 1.5) = e^-3.
    assertThat(Sharpening.adaptiveStoppingMeanBound(1.5, 2, 0.25)).isEqualTo(8.0);
    assertThat(Sharpening.adaptiveStoppingMissBound(1.5, 2)).isCloseTo(Math.exp(-3), within(1e-16));
  }

  @Test
  void rlhfArgmaxLowerBoundIsOneMinusTheSumOfPoweredRatios() {
    // beta = 1: exponent 2; ratios 0.5 and 0.25: 1 - 0.25 - 0.0625 = 0.6875.
    assertThat(Sharpening.rlhfArgmaxMassLowerBound(new double[] {0.4, 0.2, 0.1, 0.3}, 0, 1.0))
        .isCloseTo(1 - 0.25 - 0.0625 - 0.5625, within(1e-15));
  }
}
