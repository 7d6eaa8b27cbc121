package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinomialIntervalTest {
  @Test
  void zeroAndAllSuccessesHaveTheClosedFormEnds() {
    // s = 0: P[Bin(n, high) = 0] = a/2, so high = 1 - (a/2)^(1/n); s = n mirrors it.
    BinomialInterval none = BinomialInterval.of(0, 10, 0.95);
    assertThat(none.low()).isZero();
    assertThat(none.high()).isCloseTo(1 - Math.pow(0.025, 0.1), within(1e-12));
    BinomialInterval all = BinomialInterval.of(10, 10, 0.95);
    assertThat(all.low()).isCloseTo(Math.pow(0.025, 0.1), within(1e-12));
    assertThat(all.high()).isEqualTo(1.0);
  }

  @Test
  void fiveOfTenMatchesThePublishedInterval() {
    // Clopper-Pearson 95% for 5/10: [0.1871, 0.8129] (e.g. R binom.test(5, 10)).
    BinomialInterval half = BinomialInterval.of(5, 10, 0.95);
    assertThat(half.low()).isCloseTo(0.187086, within(1e-6));
    assertThat(half.high()).isCloseTo(0.812914, within(1e-6));
  }
}
