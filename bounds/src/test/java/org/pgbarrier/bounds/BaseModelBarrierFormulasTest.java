package org.pgbarrier.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The reconstruction's closed forms (docs/theory.md §8.5, §8.8, §8.11) against hand-derived
 * values, with features, lengths, margins and step sizes away from 1 so that a wrong operator
 * changes the value, and the step-size domains checked on both sides of each boundary.
 */
class BaseModelBarrierFormulasTest {
  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
  }

  @Test
  void pathwiseRegretBoundIsTheDistanceTermPlusComparatorLossOverTheContraction() {
    // R = 1.5, eta = 0.1: (1/0.2 + 3) / (1 - 0.45) = 8 / 0.55 = 160/11
    close(BaseModelBarrier.sgdPathwiseRegretBound(1, 0.1, 3, 1.5), 160.0 / 11);
    // R = 1, eta = 1/8, ||w_1 - u||^2 = 2: (8 + 3) / (3/4) = 44/3
    close(BaseModelBarrier.sgdPathwiseRegretBound(2, 0.125, 3, 1), 44.0 / 3);
  }

  @Test
  void pathwiseRegretBoundRefusesStepsOutsideZeroToHalfOverRSquared() {
    // R = 2: the open interval (0, 1/8)
    for (double eta : new double[] {0, -0.01, 0.125, 0.2, Double.NaN}) {
      assertThatThrownBy(() -> BaseModelBarrier.sgdPathwiseRegretBound(1, eta, 0, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("eta = " + eta + ": must be in (0, 1/(2 R^2)) = (0, 0.125)");
    }
    // just inside: 2 eta R^2 = 0.96
    close(BaseModelBarrier.sgdPathwiseRegretBound(1, 0.12, 0, 2), (1 / 0.24) / 0.04);
  }

  @Test
  void mistakeBoundUsesTheLogOfNTimesLengthTimesKMinusOne() {
    // n N (k-1) = 10 * 5 * 2 = 100; 4 ln(100)^2 / 0.25 + 2 = 64 ln(10)^2 + 2
    double ln10 = Math.log(10);
    close(BaseModelBarrier.sgdMistakeBound(10, 5, 3, 0.5), 64 * ln10 * ln10 + 2);
    close(BaseModelBarrier.sgdTestErrorBound(10, 5, 3, 0.5), (64 * ln10 * ln10 + 2) / 10);
  }

  @Test
  void comparatorConstantAtTheLargestStep() {
    // eta = 1/4: (c^2 / (1/2) + 1) / (1/2) = 4 c^2 + 2, c = ln(2 * 50 / 0.01) / 0.5 = 8 ln 10
    double c = 8 * Math.log(10);
    close(BaseModelBarrier.perSampleComparatorConstant(0.25, 2, 50, 0.01, 0.5), 4 * c * c + 2);
    // eta = 1/8: (4 c^2 + 1) / (3/4)
    close(BaseModelBarrier.perSampleComparatorConstant(0.125, 2, 50, 0.01, 0.5),
        (4 * c * c + 1) / 0.75);
    for (double eta : new double[] {0.2500001, 0, -0.1}) {
      assertThatThrownBy(() -> BaseModelBarrier.perSampleComparatorConstant(eta, 2, 50, 0.01, 0.5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("eta = " + eta + ": must be in (0, 1/4]");
    }
  }

  @Test
  void lqErrorFormTakesTheBestTradeOffOverTheQuantiles() {
    // eps + C / (Q gamma^2 T), gamma = 1/2, T = 1000: 0.1 + 1/2.5 = 0.5; 0.3 + 1/50 = 0.32
    close(BaseModelBarrier.lqErrorForm(new double[] {0.1, 0.3}, new double[] {0.01, 0.2}, 1, 0.5,
        1000), 0.32);
    // C = 3: 0.1 + 1.2 = 1.3; 0.3 + 0.06 = 0.36
    close(BaseModelBarrier.lqErrorForm(new double[] {0.1, 0.3}, new double[] {0.01, 0.2}, 3, 0.5,
        1000), 0.36);
  }
}
