package org.pgbarrier.testkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StochasticOrderRuleTest {
  @Test
  void theBandIsMassartsAtLevelSplitAcrossTheLaws() {
    // by hand: ln(2 * 11 / 4e-5) = ln(550000) = 13.2177...; / (2 * 16384) = 4.03374e-4;
    // sqrt = 0.0200842...
    StochasticOrderRule rule = new StochasticOrderRule(11, 16384, 4e-5);
    assertThat(rule.halfWidth()).isCloseTo(0.0200842, within(1e-6));
    assertThat(rule.threshold()).isCloseTo(0.0401684, within(2e-6));
    assertThat(rule.rejects(0.0401)).isFalse();
    assertThat(rule.rejects(0.0402)).isTrue();
  }

  @Test
  void theWorstReversalIsTheLargestGapOfPositionsAcrossACrossing() {
    // n = 10, positions 0, 4, 9 (the minimum, the 5th, the maximum)
    int[] positions = {0, 4, 9};
    StochasticOrderRule rule = new StochasticOrderRule(3, 10, 0.01);
    // law 1 dominates law 0 everywhere; law 2's median (3.0) is below law 1's median (5.0):
    // (4 + 1 - 4) / 10 = 0.1, and below law 0's maximum (4.0): (4 + 1 - 9) < 0, no reversal;
    // law 2's maximum (9.0) crosses nothing; law 2's minimum (0.5) lies below law 1's minimum
    // (1.5): (0 + 1 - 0) / 10 = 0.1 as well, found first in the order (c, c', i)
    double[][] curves = {{1.0, 2.0, 4.0}, {1.5, 5.0, 8.0}, {0.5, 3.0, 9.0}};
    StochasticOrderRule.Reversal r = rule.worstReversal(curves, positions);
    assertThat(r.size()).isEqualTo(0.1);
    assertThat(r).isEqualTo(new StochasticOrderRule.Reversal(0.1, 0, 2, 0, 0));
    // a later maximum below an earlier median: (9 + 1 - 4) / 10 = 0.6
    double[][] reversed = {{1.0, 5.0, 8.0}, {0.5, 2.0, 4.0}, {1.0, 5.0, 8.0}};
    assertThat(rule.worstReversal(reversed, positions))
        .isEqualTo(new StochasticOrderRule.Reversal(0.6, 0, 1, 2, 1));
    // increasing curves, ties included: none
    double[][] ordered = {{1.0, 1.0, 1.0}, {1.0, 2.0, 3.0}, {1.0, 2.0, 3.5}};
    assertThat(rule.worstReversal(ordered, positions).size()).isZero();
    assertThat(rule.worstReversal(ordered, positions).earlier()).isEqualTo(-1);
  }

  @Test
  void badArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> new StochasticOrderRule(1, 10, 0.01))
        .hasMessageContaining("laws = 1");
    assertThatThrownBy(() -> new StochasticOrderRule(2, 0, 0.01)).hasMessageContaining("n = 0");
    assertThatThrownBy(() -> new StochasticOrderRule(2, 10, 1.0))
        .hasMessageContaining("level = 1.0");
    StochasticOrderRule rule = new StochasticOrderRule(2, 10, 0.01);
    assertThatThrownBy(() -> rule.worstReversal(new double[][] {{1}, {2}}, new int[] {10}))
        .hasMessageContaining("positions[0] = 10");
    assertThatThrownBy(() -> rule.worstReversal(new double[][] {{1, 2}, {2, 3}}, new int[] {3, 2}))
        .hasMessageContaining("positions[1] = 2: must be at least positions[0] = 3");
    assertThatThrownBy(() -> rule.worstReversal(new double[][] {{1}}, new int[] {0}))
        .hasMessageContaining("curves.length = 1");
    assertThatThrownBy(() -> rule.worstReversal(new double[][] {{1}, {2, 3}}, new int[] {0}))
        .hasMessageContaining("curves[1].length = 2");
  }
}
