package org.pgbarrier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.pgbarrier.stats.BinomialOracle.assertRelativelyClose;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ClopperPearsonTest {
  /**
   * The upper bound's quantile solver sees {@code P[Bin(n, p) <= k]} only as {@code 1 - cdf} with
   * {@code cdf} near the confidence, so it resolves that tail to about {@code 2^-53 / (1 -
   * confidence)} relative: 1e-10 at the strictest confidence tested, 1 - 1e-6. (At 1 - 1e-9 it
   * was 5e-8, so stricter confidences are not claimed.)
   */
  private static final double IDENTITY_TOLERANCE = 1e-8;

  /**
   * Brent's method stops within this relative distance of the root (its default relative
   * accuracy). This matters only for an upper bound near 1, where {@code P[Bin(n, p) <= k]} scales
   * as {@code (1 - p)^(n - k)}, so a step {@code dp} moves it by {@code (n - k) dp / (1 - p)}
   * relative.
   */
  private static final double SOLVER_RELATIVE_ACCURACY = 2e-14;

  /** As {@link #IDENTITY_TOLERANCE}, plus about 2e-9 from the beta function at n = 1e7. */
  private static final double LARGE_N_IDENTITY_TOLERANCE = 1e-7;

  private static final double[] CONFIDENCES = {0.5, 0.9, 0.95, 0.999, 1 - 1e-6};

  static List<Arguments> grid() {
    List<Arguments> cases = new ArrayList<>();
    for (int n : new int[] {1, 2, 10, 100, 1000}) {
      for (double confidence : CONFIDENCES) {
        for (int k : new int[] {0, 1, 2, n / 10, n / 2, n - 1, n}) {
          if (k >= 0 && k <= n) {
            cases.add(Arguments.of(k, n, confidence));
          }
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "k={0} n={1} confidence={2}")
  @MethodSource("grid")
  void upperBoundLeavesExactlyOneMinusConfidenceBelowK(int k, int n, double confidence) {
    double upper = ClopperPearson.upper(k, n, confidence);
    if (k == n) {
      assertThat(upper).isEqualTo(1.0);
      return;
    }
    double nearOne = (n - k) * SOLVER_RELATIVE_ACCURACY * upper / (1 - upper);
    assertRelativelyClose(
        BinomialOracle.exactLower(n, upper, k), 1 - confidence, IDENTITY_TOLERANCE + nearOne,
        "P[Bin(" + n + ", p_U = " + upper + ") <= " + k + "] at confidence " + confidence);
  }

  @ParameterizedTest(name = "k={0} n={1} confidence={2}")
  @MethodSource("grid")
  void lowerBoundLeavesExactlyOneMinusConfidenceAboveK(int k, int n, double confidence) {
    double lower = ClopperPearson.lower(k, n, confidence);
    if (k == 0) {
      assertThat(lower).isEqualTo(0.0);
      return;
    }
    assertRelativelyClose(
        BinomialOracle.exactUpper(n, lower, k), 1 - confidence, IDENTITY_TOLERANCE,
        "P[Bin(" + n + ", p_L = " + lower + ") >= " + k + "] at confidence " + confidence);
  }

  @ParameterizedTest(name = "k={0} n=1e7 confidence={1}")
  @CsvSource({
    "0, 0.95", "1, 0.95", "5, 0.999", "100, 0.999999", "3000000, 0.95", "3000000, 0.999999"
  })
  void boundsSolveTheirIdentitiesAtTenMillionTrials(int k, double confidence) {
    int n = 10_000_000;
    double upper = ClopperPearson.upper(k, n, confidence);
    assertRelativelyClose(
        BinomialOracle.recursiveLower(n, upper, k), 1 - confidence, LARGE_N_IDENTITY_TOLERANCE,
        "P[Bin(1e7, p_U = " + upper + ") <= " + k + "]");
    if (k > 0) {
      double lower = ClopperPearson.lower(k, n, confidence);
      assertRelativelyClose(
          BinomialOracle.recursiveUpper(n, lower, k), 1 - confidence, LARGE_N_IDENTITY_TOLERANCE,
          "P[Bin(1e7, p_L = " + lower + ") >= " + k + "]");
    }
  }

  @ParameterizedTest(name = "n={0} confidence={1}")
  @CsvSource({"1, 0.95", "10, 0.95", "30, 0.999", "1000, 0.95", "1000, 0.999999"})
  void zeroSuccessesGiveTheClosedFormUpperBound(int n, double confidence) {
    assertRelativelyClose(
        ClopperPearson.upper(0, n, confidence), 1 - Math.pow(1 - confidence, 1.0 / n), 1e-12,
        "p_U(0 of " + n + ")");
  }

  @ParameterizedTest(name = "n={0} confidence={1}")
  @CsvSource({"1, 0.95", "10, 0.95", "30, 0.999", "1000, 0.95", "1000, 0.999999"})
  void allSuccessesGiveTheClosedFormLowerBound(int n, double confidence) {
    assertRelativelyClose(
        ClopperPearson.lower(n, n, confidence), Math.pow(1 - confidence, 1.0 / n), 1e-12,
        "p_L(" + n + " of " + n + ")");
  }

  @Test
  void invalidArgumentsAreRejectedByName() {
    assertThatThrownBy(() -> ClopperPearson.upper(5, 4, 0.95))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("k = 5");
    assertThatThrownBy(() -> ClopperPearson.lower(0, 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("n = 0");
    assertThatThrownBy(() -> ClopperPearson.upper(1, 4, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("confidence = 1.0");
  }

  @Test
  void twoSidedZeroAndAllSuccessesHaveTheClosedFormEnds() {
    // k = 0: P[Bin(n, high) = 0] = a/2, so high = 1 - (a/2)^(1/n); k = n mirrors it.
    ClopperPearson.Interval none = ClopperPearson.twoSided(0, 10, 0.95);
    assertThat(none.low()).isZero();
    assertThat(none.high()).isCloseTo(1 - Math.pow(0.025, 0.1), within(1e-12));
    assertThat(none.high()).isCloseTo(ClopperPearson.upper(0, 10, 0.975), within(1e-12));
    ClopperPearson.Interval all = ClopperPearson.twoSided(10, 10, 0.95);
    assertThat(all.low()).isCloseTo(Math.pow(0.025, 0.1), within(1e-12));
    assertThat(all.low()).isCloseTo(ClopperPearson.lower(10, 10, 0.975), within(1e-12));
    assertThat(all.high()).isEqualTo(1.0);
  }

  @Test
  void twoSidedFiveOfTenMatchesThePublishedInterval() {
    // Clopper-Pearson 95% for 5/10: [0.1871, 0.8129] (e.g. R binom.test(5, 10)).
    ClopperPearson.Interval half = ClopperPearson.twoSided(5, 10, 0.95);
    assertThat(half.low()).isCloseTo(0.187086, within(1e-6));
    assertThat(half.high()).isCloseTo(0.812914, within(1e-6));
  }
}
