package org.pgbarrier.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {
  @Test
  void lightnessMatchesKnownCielabValues() {
    // CIELAB L* of sRGB white, black and #777777 (50.03, from the sRGB/CIELAB formulas by hand)
    assertThat(Palette.lightness(Color.WHITE)).isCloseTo(100, within(1e-9));
    assertThat(Palette.lightness(Color.BLACK)).isCloseTo(0, within(1e-9));
    assertThat(Palette.lightness(new Color(0x777777))).isCloseTo(50.03, within(0.01));
  }

  @Test
  void theSequentialMapGetsLighterMonotonicallyAndStaysVisibleOnWhite() {
    // at 401 points: never darker than the previous by more than rounding to 8-bit channels can
    // make it (0.2 L*); at 21 points: lighter by at least 2 L* each time
    double previous = -1;
    for (int i = 0; i <= 400; i++) {
      double l = Palette.lightness(Palette.sequential(i / 400.0));
      assertThat(l).as("L* at t = %s", i / 400.0).isGreaterThan(previous - 0.2);
      previous = l;
    }
    previous = -1;
    for (int i = 0; i <= 20; i++) {
      double l = Palette.lightness(Palette.sequential(i / 20.0));
      assertThat(l).as("L* at t = %s", i / 20.0).isGreaterThan(previous + 2);
      previous = l;
    }
    assertThat(Palette.lightness(Palette.sequential(0))).isLessThan(25);
    // the top end: no paler than L* 80 (viridis' yellow end is about 92)
    assertThat(Palette.lightness(Palette.sequential(1))).isBetween(60.0, 80.0);
    assertThat(Palette.lightness(Palette.viridis(1))).isGreaterThan(85);
  }
}
