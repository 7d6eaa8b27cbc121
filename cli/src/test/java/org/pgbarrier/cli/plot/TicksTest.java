package org.pgbarrier.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Exact: every expected tick below is worked out by hand from the rule in {@link Ticks}. */
class TicksTest {
  @Test
  void aLogAxisOverAHundredDecadesIsLabelledEveryTwentyDecades() {
    // steps 1, 2, 5, 10 give 101, 51, 21, 11 ticks; 20 gives 6 <= 7
    assertThat(Ticks.decades(-100.2, 0.1, 7)).containsExactly(-100, -80, -60, -40, -20, 0);
  }

  @Test
  void aLogAxisOverAFewDecadesIsLabelledAtEveryDecadeAndNowhereElse() {
    assertThat(Ticks.decades(-0.03, 3.62, 7)).containsExactly(0, 1, 2, 3);
    assertThat(Ticks.decades(-14.2, 0.1, 7)).containsExactly(-10, -5, 0);
    assertThat(Ticks.decades(-0.5, 0.3, 7)).containsExactly(0);
  }

  @Test
  void decadesReadAsPowersOfTenOrAsPlainNumbersNearOne() {
    assertThat(Ticks.decade(-12, false)).isEqualTo("10^{\u221212}");
    assertThat(Ticks.decade(3, false)).isEqualTo("10^{3}");
    assertThat(Ticks.decade(3, true)).isEqualTo("1000");
    assertThat(Ticks.decade(-2, true)).isEqualTo("0.01");
    assertThat(Ticks.plainRange(new int[] {0, 1, 2, 3})).isTrue();
    assertThat(Ticks.plainRange(new int[] {-10, -5, 0})).isFalse();
  }

  @Test
  void linearTicksAreNiceStepsInsideTheRange() {
    assertThat(Ticks.linear(-0.02, 1.02, 7)).containsExactly(0, 0.2, 0.4,
        0.6000000000000001, 0.8, 1.0);
    assertThat(Ticks.linear(-80, 4080, 7)).containsExactly(0, 1000, 2000, 3000, 4000);
    assertThat(Ticks.plain(0, 0.2)).isEqualTo("0.0");
    assertThat(Ticks.plain(0.6000000000000001, 0.2)).isEqualTo("0.6");
    assertThat(Ticks.plain(2000, 1000)).isEqualTo("2000");
    assertThat(Ticks.plain(-0.25, 0.05)).isEqualTo("\u22120.25");
  }

  @Test
  void countAxesHaveWholeNumberTicksOnly() {
    assertThat(Ticks.integer(0, 1.04, 7)).containsExactly(0, 1);
    assertThat(Ticks.integer(0, 7.3, 7)).containsExactly(0, 2, 4, 6);
    assertThat(Ticks.integer(0, 7.3, 9)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void refusesAnEmptyOrBackwardRange() {
    assertThatThrownBy(() -> Ticks.linear(1, 0, 7))
        .hasMessage("axis range [1.0, 0.0]: must be finite with lo <= hi");
    assertThatThrownBy(() -> Ticks.decades(0, 1, 1)).hasMessage("most = 1: must be at least 2");
  }
}
