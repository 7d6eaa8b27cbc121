package org.pgbarrier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pgbarrier.stats.BinomialOracle.assertRelativelyClose;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BinomialTailTest {
  /** Observed worst case 3e-13 over the grid; the beta continued fraction stops at 1e-14. */
  private static final double SMALL_N_TOLERANCE = 1e-11;

  /**
   * At n = 1e7 the prefactor {@code exp(a log p + b log(1-p) - log B(a, b))} cancels terms of size
   * up to 1e7, so about 1e-9 is lost in the bulk (observed 2e-9); the tails lose less.
   */
  private static final double LARGE_N_TOLERANCE = 1e-8;

  private static final int LARGE_N = 10_000_000;

  static List<Arguments> smallGrid() {
    List<Arguments> cases = new ArrayList<>();
    for (int n : new int[] {1, 7, 50, 400, 2000}) {
      for (double p : new double[] {0.0, 1e-9, 1e-6, 0.01, 0.3, 0.5, 0.97, 1.0}) {
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        int[] cs = {
          0, 1, 2, (int) mean, (int) (mean + 3 * sd) + 1, (int) (mean + 10 * sd) + 3,
          (int) (mean - 3 * sd), (int) (mean - 10 * sd), n - 1, n
        };
        for (int c : cs) {
          if (c >= 0 && c <= n) {
            cases.add(Arguments.of(n, p, c));
          }
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "n={0} p={1} c={2}")
  @MethodSource("smallGrid")
  void upperTailEqualsTheExactSumOfBinomialTerms(int n, double p, int c) {
    assertRelativelyClose(
        BinomialTail.upper(n, p, c), BinomialOracle.exactUpper(n, p, c), SMALL_N_TOLERANCE,
        "P[Bin(" + n + ", " + p + ") >= " + c + "]");
  }

  @ParameterizedTest(name = "n={0} p={1} c={2}")
  @MethodSource("smallGrid")
  void lowerTailEqualsTheExactSumOfBinomialTerms(int n, double p, int c) {
    assertRelativelyClose(
        BinomialTail.lower(n, p, c), BinomialOracle.exactLower(n, p, c), SMALL_N_TOLERANCE,
        "P[Bin(" + n + ", " + p + ") <= " + c + "]");
  }

  @Test
  void upperTailNear1e30KeepsItsRelativeAccuracy() {
    double exact = BinomialOracle.exactUpper(1000, 0.01, 63);
    assertThat(exact).as("the case is a 1e-30 tail").isBetween(1e-31, 1e-29);
    assertRelativelyClose(
        BinomialTail.upper(1000, 0.01, 63), exact, SMALL_N_TOLERANCE, "P[Bin(1000, 0.01) >= 63]");
  }

  @Test
  void lowerTailNear1e30KeepsItsRelativeAccuracy() {
    double exact = BinomialOracle.exactLower(1000, 0.99, 937);
    assertThat(exact).as("the case is a 1e-30 tail").isBetween(1e-31, 1e-29);
    assertRelativelyClose(
        BinomialTail.lower(1000, 0.99, 937), exact, SMALL_N_TOLERANCE, "P[Bin(1000, 0.99) <= 937]");
  }

  @ParameterizedTest(name = "n=1e7 p={0} c={1}")
  @CsvSource({
    "1e-6, 60", "1e-6, 25", "1e-6, 10", "1e-6, 3", "1e-6, 0", "1e-9, 3", "1e-9, 12",
    "0.3, 3002898", "0.3, 2997102", "0.3, 3014490", "0.3, 2985510"
  })
  void bothTailsStayAccurateAtTenMillionTrials(double p, int c) {
    String what = "Bin(" + LARGE_N + ", " + p + ") vs " + c;
    assertRelativelyClose(
        BinomialTail.upper(LARGE_N, p, c), BinomialOracle.recursiveUpper(LARGE_N, p, c),
        LARGE_N_TOLERANCE, "P[" + what + " upper]");
    assertRelativelyClose(
        BinomialTail.lower(LARGE_N, p, c), BinomialOracle.recursiveLower(LARGE_N, p, c),
        LARGE_N_TOLERANCE, "P[" + what + " lower]");
  }

  @Test
  void thresholdsOutsideZeroToNGiveTheTrivialTails() {
    assertThat(BinomialTail.upper(10, 0.3, -4)).isEqualTo(1.0);
    assertThat(BinomialTail.upper(10, 0.3, 11)).isEqualTo(0.0);
    assertThat(BinomialTail.lower(10, 0.3, -1)).isEqualTo(0.0);
    assertThat(BinomialTail.lower(10, 0.3, 10)).isEqualTo(1.0);
  }

  @Test
  void invalidArgumentsAreRejectedByName() {
    assertThatThrownBy(() -> BinomialTail.upper(0, 0.5, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("n = 0");
    assertThatThrownBy(() -> BinomialTail.lower(5, 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("p = 1.5");
    assertThatThrownBy(() -> BinomialTail.upper(5, Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("p = NaN");
  }

}
