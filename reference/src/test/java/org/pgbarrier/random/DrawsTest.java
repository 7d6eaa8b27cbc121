package org.pgbarrier.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Exact: the draws against hand-computed CDF intervals. */
class DrawsTest {
  @Test
  void anIndexIsTheOneWhoseCdfIntervalHoldsTheUniform() {
    double[] p = {0.25, 0, 0.5, 0.25};
    assertThat(Draws.index(p, 0.0)).isZero();
    assertThat(Draws.index(p, 0.2499)).isZero();
    assertThat(Draws.index(p, 0.25)).isEqualTo(2);
    assertThat(Draws.index(p, 0.75)).isEqualTo(3);
  }

  @Test
  void roundingAboveTheTotalGoesToTheLastIndexOfPositiveMass() {
    assertThat(Draws.index(new double[] {0.3, 0.3, 0}, 0.9)).isEqualTo(1);
    assertThatThrownBy(() -> Draws.index(new double[] {0, 0}, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cumulativeMassesAreSearchedAfterScalingByTheTotal() {
    double[] cumulative = Draws.cumulative(new double[] {1, 0, 2, 1});
    assertThat(cumulative).containsExactly(1, 1, 3, 4);
    assertThat(Draws.indexOfCumulative(cumulative, 0.0)).isZero();
    assertThat(Draws.indexOfCumulative(cumulative, 0.25)).isEqualTo(2);
    assertThat(Draws.indexOfCumulative(cumulative, 0.74)).isEqualTo(2);
    assertThat(Draws.indexOfCumulative(cumulative, 0.75)).isEqualTo(3);
  }
}
