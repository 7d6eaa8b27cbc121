package org.pgbarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The two-parameter checks: the boundary case, both sides of it, NaN, and both names in the message. */
class ChecksTest {
  @Test
  void atLeastAnotherParameterAcceptsTheBoundAndNamesBothWhenBelowIt() {
    assertThat(Checks.atLeast("queries", 5L, "explorationQueries", 5L)).isEqualTo(5L);
    assertThat(Checks.atLeast("queries", 6L, "explorationQueries", 5L)).isEqualTo(6L);
    assertThatThrownBy(() -> Checks.atLeast("queries", 4L, "explorationQueries", 5L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queries = 4: must be at least explorationQueries = 5");
    assertThat(Checks.atLeast("to", 0.5, "from", 0.5)).isEqualTo(0.5);
    assertThatThrownBy(() -> Checks.atLeast("to", 0.25, "from", 0.5))
        .hasMessage("to = 0.25: must be at least from = 0.5");
    assertThatThrownBy(() -> Checks.atLeast("to", Double.NaN, "from", 0.5))
        .hasMessage("to = NaN: must be at least from = 0.5");
    assertThatThrownBy(() -> Checks.atLeast("to", 0.5, "from", Double.NaN))
        .hasMessage("to = 0.5: must be at least from = NaN");
  }

  @Test
  void aboveAnotherParameterRefusesTheBoundItselfAndNaN() {
    assertThat(Checks.above("hi", 1.5, "lo", 1.0)).isEqualTo(1.5);
    assertThatThrownBy(() -> Checks.above("hi", 1.0, "lo", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hi = 1.0: must be above lo = 1.0");
    assertThatThrownBy(() -> Checks.above("hi", 0.5, "lo", 1.0))
        .hasMessage("hi = 0.5: must be above lo = 1.0");
    assertThatThrownBy(() -> Checks.above("hi", Double.NaN, "lo", 1.0))
        .hasMessage("hi = NaN: must be above lo = 1.0");
  }

  @Test
  void equalToAnotherParameterNamesBothValues() {
    assertThat(Checks.equal("y.length", 3, "x.length", 3)).isEqualTo(3);
    assertThatThrownBy(() -> Checks.equal("y.length", 2, "x.length", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y.length = 2: must equal x.length = 3");
    assertThatThrownBy(() -> Checks.equal("y.length", 4, "x.length", 3))
        .hasMessage("y.length = 4: must equal x.length = 3");
  }
}
