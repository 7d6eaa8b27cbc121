package org.pgbarrier.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The selection of {@code ./pgbarrier verify --claims}: claim ids and globs over ID/check. */
class SuiteSelectionTest {
  @Test
  void aClaimIdSelectsItsChecksAndAGlobSelectsByIdAndCheck() {
    assertThat(Suite.matches(null, "BMB-07", "queries-slope-in-alpha")).isTrue();
    assertThat(Suite.matches(" ", "BMB-07", "queries-slope-in-alpha")).isTrue();
    assertThat(Suite.matches("BMB-07", "BMB-07", "queries-slope-in-alpha")).isTrue();
    assertThat(Suite.matches("BMB-0", "BMB-07", "queries-slope-in-alpha")).isFalse();
    assertThat(Suite.matches("BMB-0?/*slope*", "BMB-07", "queries-slope-in-alpha")).isTrue();
    assertThat(Suite.matches("BMB-0?/*slope*", "BMB-10", "queries-slope-in-alpha")).isFalse();
    assertThat(Suite.matches("SHP-01, */queries-*", "BMB-07", "queries-slope-in-alpha")).isTrue();
    // regex metacharacters in a glob are literal
    assertThat(Suite.matches("BMB.07", "BMB-07", "x")).isFalse();
    assertThat(Suite.matches("*/a+b", "X-1", "a+b")).isTrue();
    assertThat(Suite.matches("*/a+b", "X-1", "aab")).isFalse();
  }
}
