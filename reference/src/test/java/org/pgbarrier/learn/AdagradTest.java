package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Adagrad against torch.optim.Adagrad(lr=0.1) written out by hand for the loss gradient {@code g
 * = -d}: {@code G += g^2; w -= lr * g / (sqrt(G) + 1e-10)}. The literal values were computed with
 * 50-digit decimal arithmetic.
 */
class AdagradTest {
  private static final double[] STEP_1 = {2, 0, -3, 1e-12};
  private static final double[] STEP_2 = {2, 5, 4, 1e-12};

  @Test
  void twoStepsMatchTheTorchUpdateWrittenOutByHand() {
    StepRule rule = new Adagrad(0.1);
    double[] w = {0, 1, -1, 0};
    rule.apply(w, STEP_1, 123.0);
    assertClose(
        w, 9.99999999950000051374e-02, 1.0, -1.09999999999666675521, 9.90099009900990111033e-04);
    rule.apply(w, STEP_2, 123.0);
    assertClose(w, 1.70710678111154756653e-01, 1.09999999999799991102, -1.01999999999826673758,
        1.97615408529233736040e-03);
  }

  @Test
  void theTorchFormulaAndTheAscentFormAgree() {
    StepRule rule = new Adagrad(0.1);
    double[] w = {0, 1, -1, 0};
    double[] torch = w.clone();
    double[] sum = new double[4];
    for (double[] d : new double[][] {STEP_1, STEP_2}) {
      rule.apply(w, d, 0);
      for (int j = 0; j < 4; j++) {
        double g = -d[j];
        sum[j] += g * g;
        torch[j] -= 0.1 * g / (Math.sqrt(sum[j]) + 1e-10);
      }
      for (int j = 0; j < 4; j++) {
        double tolerance = 4e-16 * Math.max(1, Math.abs(torch[j]));
        assertThat(w[j]).as("w[%d]", j).isCloseTo(torch[j], within(tolerance));
      }
    }
  }

  @Test
  void epsIsAddedAfterTheSquareRoot() {
    // d = 1e-12: torch gives 0.1 * 1e-12 / (1e-12 + 1e-10) = 0.1 / 101; eps inside the root
    // would give about 1e-8.
    StepRule rule = new Adagrad(0.1);
    double[] w = {0};
    rule.apply(w, new double[] {1e-12}, 0);
    assertThat(w[0]).isCloseTo(0.1 / 101, within(1e-18));
  }

  @Test
  void freshResetsTheAccumulator() {
    Adagrad rule = new Adagrad(0.1);
    double[] w = {0, 1, -1, 0};
    rule.apply(w, STEP_1, 0);
    double[] again = {0, 1, -1, 0};
    rule.fresh().apply(again, STEP_1, 0);
    assertThat(again).containsExactly(w);
    assertThat(rule.fresh().describe()).isEqualTo(rule.describe()).contains("lr=0.1", "[CODE");
  }

  @Test
  void aChangeOfDimensionIsRefused() {
    Adagrad rule = new Adagrad(0.1);
    rule.apply(new double[3], new double[] {1, 1, 1}, 0);
    assertThatThrownBy(() -> rule.apply(new double[2], new double[] {1, 1}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w has length 2");
  }

  @Test
  void anOverflowingAccumulatorIsRefusedAndLeavesTheStateUnchanged() {
    Adagrad rule = new Adagrad(0.1);
    double[] w = {0, 0};
    rule.apply(w, new double[] {1, 1}, 0);
    double[] before = w.clone();
    assertThatThrownBy(() -> rule.apply(w, new double[] {1, 1e200}, 0))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("Adagrad")
        .hasMessageContaining("w[1]");
    assertThat(w).containsExactly(before);
    // The state is unchanged too: the next step is the second step of the torch recursion.
    rule.apply(w, new double[] {1, 1}, 0);
    double second = 0.1 / (1 + 1e-10) + 0.1 / (Math.sqrt(2) + 1e-10);
    assertThat(w[0]).isCloseTo(second, within(1e-16));
    assertThat(w[1]).isCloseTo(second, within(1e-16));
  }

  private static void assertClose(double[] actual, double... expected) {
    for (int j = 0; j < expected.length; j++) {
      assertThat(actual[j]).as("w[%d]", j)
          .isCloseTo(expected[j], within(1e-15 * Math.max(1, Math.abs(expected[j]))));
    }
  }
}
