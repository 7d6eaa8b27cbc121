package org.pgbarrier.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The authors' EMA of {@code plot --ema_beta} [CODE: utils/plotting.py], against hand values. */
class EmaTest {
  @Test
  void eachPointMixesTheSmoothedPreviousOneWithItsOwnValue() {
    double[] y = {1, 0, 0, 1};
    ExperimentFigures.emaInPlace(y, 0.5);
    // s0 = 1; s1 = .5; s2 = .25; s3 = .5 * .25 + .5 * 1 = .625
    assertThat(y).containsExactly(1, 0.5, 0.25, 0.625);
    double[] unchanged = {0.3, 0.1};
    ExperimentFigures.emaInPlace(unchanged, 0);
    assertThat(unchanged).containsExactly(0.3, 0.1);
  }

  @Test
  void betaOutsideTheAuthorsRangeIsRefused() {
    assertThatThrownBy(() -> new ExperimentFigures.Options(1, true, 0, true))
        .hasMessage("--ema_beta = 1.0: must be in [0, 1)");
    assertThatThrownBy(() -> new ExperimentFigures.Options(0, true, -2, true))
        .hasMessage("--offset = -2: must be at least 0");
  }
}
