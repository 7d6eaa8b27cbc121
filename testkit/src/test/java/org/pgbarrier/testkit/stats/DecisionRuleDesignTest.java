package org.pgbarrier.testkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pgbarrier.stats.BinomialOracle.assertRelativelyClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgbarrier.stats.BinomialOracle;
import org.pgbarrier.stats.BinomialTail;

/**
 * The designed thresholds are checked against exact binomial sums ({@link BinomialOracle}), never
 * against {@link BinomialTail}.
 */
class DecisionRuleDesignTest {
  private static final double TAIL_TOLERANCE = 1e-11;

  @ParameterizedTest(name = "n={0} p0={1} alpha={2}")
  @CsvSource({
    "1, 0.01, 0.05", "50, 0.1, 0.05", "400, 0.01, 1e-3", "2000, 0.01, 1e-4", "2000, 0.3, 1e-6",
    "1000, 1e-4, 1e-5", "1000, 0.0, 1e-3"
  })
  void exceedanceThresholdIsTheSmallestWhoseFalseAlarmIsAtMostAlpha(
      int n, double p0, double alpha) {
    ExceedanceRule rule = ExceedanceRule.design(n, p0, alpha);
    int c = rule.threshold();
    double atC = BinomialOracle.exactUpper(n, p0, c);
    double belowC = BinomialOracle.exactUpper(n, p0, c - 1);
    assertThat(atC).as("%s: exact P[X >= c] <= alpha", rule).isLessThanOrEqualTo(alpha);
    assertThat(belowC).as("%s: exact P[X >= c - 1] > alpha (minimal c)", rule).isGreaterThan(alpha);
    assertRelativelyClose(rule.falseAlarm(), atC, TAIL_TOLERANCE, rule + ": false alarm");
  }

  @ParameterizedTest(name = "n={0} p0={1} alpha={2}")
  @CsvSource({
    "1, 0.99, 0.05", "50, 0.9, 0.05", "1000, 0.05, 1e-3", "2000, 0.5, 1e-4", "2000, 0.97, 1e-6",
    "1000, 1.0, 1e-3"
  })
  void shortfallThresholdIsTheLargestWhoseFalseAlarmIsAtMostAlpha(
      int n, double p0, double alpha) {
    ShortfallRule rule = ShortfallRule.design(n, p0, alpha);
    int c = rule.threshold();
    double atC = BinomialOracle.exactLower(n, p0, c);
    double aboveC = BinomialOracle.exactLower(n, p0, c + 1);
    assertThat(atC).as("%s: exact P[X <= c] <= alpha", rule).isLessThanOrEqualTo(alpha);
    assertThat(aboveC).as("%s: exact P[X <= c + 1] > alpha (maximal c)", rule).isGreaterThan(alpha);
    assertRelativelyClose(rule.falseAlarm(), atC, TAIL_TOLERANCE, rule + ": false alarm");
  }

  @Test
  void thresholdsStayMinimalAndMaximalAtTenMillionTrials() {
    int n = 10_000_000;
    ExceedanceRule exceed = ExceedanceRule.design(n, 1e-6, 1e-5);
    assertThat(BinomialOracle.recursiveUpper(n, 1e-6, exceed.threshold()))
        .as("%s: P[X >= c] <= alpha", exceed).isLessThanOrEqualTo(1e-5);
    assertThat(BinomialOracle.recursiveUpper(n, 1e-6, exceed.threshold() - 1))
        .as("%s: P[X >= c - 1] > alpha", exceed).isGreaterThan(1e-5);
    ShortfallRule shortfall = ShortfallRule.design(n, 0.3, 1e-5);
    assertThat(BinomialOracle.recursiveLower(n, 0.3, shortfall.threshold()))
        .as("%s: P[X <= c] <= alpha", shortfall).isLessThanOrEqualTo(1e-5);
    assertThat(BinomialOracle.recursiveLower(n, 0.3, shortfall.threshold() + 1))
        .as("%s: P[X <= c + 1] > alpha", shortfall).isGreaterThan(1e-5);
  }

  @Test
  void exceedanceRuleDetectsATripledViolationRateWithPowerAtLeast99Percent() {
    ExceedanceRule rule = ExceedanceRule.design(2000, 0.01, 1e-4);
    double exactPower = BinomialOracle.exactUpper(2000, 0.03, rule.threshold());
    assertThat(exactPower).as("%s: exact power at p1 = 0.03", rule).isGreaterThanOrEqualTo(0.99);
    assertRelativelyClose(rule.power(0.03), exactPower, TAIL_TOLERANCE, rule + ": power(0.03)");
  }

  @Test
  void shortfallRuleDetectsARateTenPointsTooLowWithPowerAtLeast99Percent() {
    ShortfallRule rule = ShortfallRule.design(2000, 0.5, 1e-4);
    double exactPower = BinomialOracle.exactLower(2000, 0.4, rule.threshold());
    assertThat(exactPower).as("%s: exact power at p1 = 0.4", rule).isGreaterThanOrEqualTo(0.99);
    assertRelativelyClose(rule.power(0.4), exactPower, TAIL_TOLERANCE, rule + ": power(0.4)");
  }

  @Test
  void rulesRejectExactlyOnTheirSideOfTheThreshold() {
    ExceedanceRule exceed = ExceedanceRule.design(400, 0.01, 1e-3);
    int c = exceed.threshold();
    assertThat(exceed.rejects(c - 1)).as("%s at X = c - 1", exceed).isFalse();
    assertThat(exceed.rejects(c)).as("%s at X = c", exceed).isTrue();
    assertThat(exceed.rejects(400)).as("%s at X = n", exceed).isTrue();
    ShortfallRule shortfall = ShortfallRule.design(1000, 0.05, 1e-3);
    int s = shortfall.threshold();
    assertThat(shortfall.rejects(s)).as("%s at X = c", shortfall).isTrue();
    assertThat(shortfall.rejects(s + 1)).as("%s at X = c + 1", shortfall).isFalse();
    assertThat(shortfall.rejects(0)).as("%s at X = 0", shortfall).isTrue();
  }

  @Test
  void describeStatesTheRuleAndItsFalseAlarm() {
    ExceedanceRule exceed = ExceedanceRule.design(2000, 0.01, 1e-4);
    assertThat(exceed.describe())
        .startsWith("reject if X >= " + exceed.threshold() + " of 2000 (p0=0.01, ")
        .contains("false alarm=");
    ShortfallRule shortfall = ShortfallRule.design(2000, 0.5, 1e-4);
    assertThat(shortfall.describe())
        .startsWith("reject if X <= " + shortfall.threshold() + " of 2000 (p0=0.5, ")
        .contains("false alarm=");
  }

  @Test
  void tooFewTrialsForAnyThresholdIsRejectedNamingN() {
    // P[Bin(3, 0.5) >= 3] = 1/8 and P[Bin(3, 0.5) <= 0] = 1/8 both exceed alpha = 0.01.
    assertThatThrownBy(() -> ExceedanceRule.design(3, 0.5, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("n = 3: too few trials");
    assertThatThrownBy(() -> ShortfallRule.design(3, 0.5, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("n = 3: too few trials");
  }

  @Test
  void invalidArgumentsAreRejectedByName() {
    assertThatThrownBy(() -> ExceedanceRule.design(100, 0.1, 0.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("alpha = 0.0");
    assertThatThrownBy(() -> ShortfallRule.design(100, -0.1, 0.01))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("p0 = -0.1");
    ExceedanceRule rule = ExceedanceRule.design(100, 0.1, 0.01);
    assertThatThrownBy(() -> rule.rejects(101))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("x = 101");
    assertThatThrownBy(() -> rule.power(2.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("p1 = 2.0");
  }
}
