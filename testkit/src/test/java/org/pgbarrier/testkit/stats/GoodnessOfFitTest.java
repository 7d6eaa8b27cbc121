package org.pgbarrier.testkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pgbarrier.stats.BinomialOracle.assertRelativelyClose;

import org.junit.jupiter.api.Test;

/**
 * Expected statistics are computed by hand from the pooling rule, and p-values from the closed
 * form of the chi-square tail at even degrees of freedom, {@code P[chi^2_{2m} >= x] = e^{-x/2}
 * sum_{j<m} (x/2)^j / j!}.
 */
class GoodnessOfFitTest {
  private static final double TOLERANCE = 1e-12;

  /** Geometric(q) on {1, ..., bins - 1} with the tail {@code >= bins} in the last bin. */
  private static double[] geometric(double q, int bins) {
    double[] p = new double[bins];
    for (int j = 0; j < bins - 1; j++) {
      p[j] = q * Math.pow(1 - q, j);
    }
    p[bins - 1] = Math.pow(1 - q, bins - 1);
    return p;
  }

  @Test
  void countsEqualToTheirExpectationsGiveStatisticZeroAndPValueOne() {
    // n = 1024 and Geometric(1/2): the expected counts 512, 256, ..., 1 and tail 1 are exact.
    long[] observed = {512, 256, 128, 64, 32, 16, 8, 4, 2, 1, 1};
    GoodnessOfFit fit = GoodnessOfFit.chiSquare(observed, geometric(0.5, 11));
    assertThat(fit.statistic()).as("%s", fit).isEqualTo(0.0);
    assertThat(fit.pValue()).as("%s", fit).isEqualTo(1.0);
    // Expected 512..8 stand alone (7 groups); 4 + 2 + 1 + 1 = 8 closes an eighth.
    assertThat(fit.degreesOfFreedom()).as("%s", fit).isEqualTo(7);
  }

  @Test
  void geometricCountsOfTheWrongParameterGetATinyPValue() {
    // The expected counts of 1000 draws from Geometric(0.3), rounded, against Geometric(0.5).
    double[] truth = geometric(0.3, 15);
    long[] observed = new long[truth.length];
    long assigned = 0;
    for (int j = 0; j < truth.length - 1; j++) {
      observed[j] = Math.round(1000 * truth[j]);
      assigned += observed[j];
    }
    observed[truth.length - 1] = 1000 - assigned;
    GoodnessOfFit fit = GoodnessOfFit.chiSquare(observed, geometric(0.5, 15));
    assertThat(fit.pValue()).as("%s", fit).isLessThan(1e-20);
    GoodnessOfFit right = GoodnessOfFit.chiSquare(observed, truth);
    assertThat(right.pValue()).as("the same counts against the right law: %s", right)
        .isGreaterThan(0.99);
  }

  @Test
  void statisticAndPValueMatchAHandComputationWithoutPooling() {
    // E = 25, 25, 50; X^2 = 25/25 + 25/25 + 0 = 2; df = 2; p = e^{-1}.
    GoodnessOfFit fit =
        GoodnessOfFit.chiSquare(new long[] {30, 20, 50}, new double[] {0.25, 0.25, 0.5});
    assertRelativelyClose(fit.statistic(), 2.0, TOLERANCE, "statistic");
    assertThat(fit.degreesOfFreedom()).isEqualTo(2);
    assertRelativelyClose(fit.pValue(), Math.exp(-1), TOLERANCE, "p-value");
  }

  @Test
  void statisticAndPValueMatchAHandComputationWithATailJoiningTheLastGroup() {
    // n = 50, E = 20, 15, 11, 2.5, 1.5: the remainder 2.5 + 1.5 = 4 < 5 joins the group E = 11.
    // Groups O = 24, 14, 9 + 2 + 1 = 12 against E = 20, 15, 15; df = 2; p = e^{-X^2/2}.
    GoodnessOfFit fit = GoodnessOfFit.chiSquare(
        new long[] {24, 14, 9, 2, 1}, new double[] {0.4, 0.3, 0.22, 0.05, 0.03});
    double expected = 16.0 / 20 + 1.0 / 15 + 9.0 / 15;
    assertRelativelyClose(fit.statistic(), expected, TOLERANCE, "statistic");
    assertThat(fit.degreesOfFreedom()).isEqualTo(2);
    assertRelativelyClose(fit.pValue(), Math.exp(-expected / 2), TOLERANCE, "p-value");
  }

  @Test
  void pValueAtFourDegreesOfFreedomMatchesTheClosedForm() {
    // E = 20 each; X^2 = (100 + 25 + 0 + 25 + 100) / 20 = 12.5; P = e^{-6.25} (1 + 6.25).
    GoodnessOfFit fit = GoodnessOfFit.chiSquare(
        new long[] {30, 15, 20, 25, 10}, new double[] {0.2, 0.2, 0.2, 0.2, 0.2});
    assertRelativelyClose(fit.statistic(), 12.5, TOLERANCE, "statistic");
    assertThat(fit.degreesOfFreedom()).isEqualTo(4);
    assertRelativelyClose(fit.pValue(), Math.exp(-6.25) * 7.25, TOLERANCE, "p-value");
  }

  @Test
  void invalidInputIsRejectedByName() {
    assertThatThrownBy(() -> GoodnessOfFit.chiSquare(new long[] {3, 4}, new double[] {0.5, 0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("observed total n = 7: too few observations");
    assertThatThrownBy(() -> GoodnessOfFit.chiSquare(new long[] {30, 40}, new double[] {0.5, 0.6}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("probabilities sum to 1.1");
    assertThatThrownBy(() -> GoodnessOfFit.chiSquare(new long[] {30, -1}, new double[] {0.5, 0.5}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("observed[1] = -1");
    assertThatThrownBy(() -> GoodnessOfFit.chiSquare(new long[] {30, 40}, new double[] {1.0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("probabilities has length 1");
  }
}
