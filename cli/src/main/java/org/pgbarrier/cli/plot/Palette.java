package org.pgbarrier.cli.plot;

import java.awt.Color;

/**
 * The colours of pgbarrier's figures: a categorical cycle for named series, and the viridis
 * colour map (van der Walt and Smith, matplotlib's default) for curves coloured by a value, such
 * as a base likelihood or a training step.
 */
public final class Palette {
  /** Colours for named series, in order (the Tableau 10 cycle, matplotlib's default). */
  private static final Color[] CATEGORICAL = {
    new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
    new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
    new Color(0xBCBD22), new Color(0x17BECF)
  };

  /** Viridis sampled at {@code t = 0, 1/7, ..., 1}; linear interpolation in between. */
  private static final Color[] VIRIDIS = {
    new Color(0x440154), new Color(0x46327E), new Color(0x365C8D), new Color(0x277F8E),
    new Color(0x1FA187), new Color(0x4AC16D), new Color(0x9FDA3A), new Color(0xFDE725)
  };

  private Palette() {}

  /** The {@code i}-th categorical colour, cycling. */
  public static Color categorical(int i) {
    return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
  }

  /** Viridis at {@code t}, clamped to {@code [0, 1]}: dark purple at 0, yellow at 1. */
  public static Color viridis(double t) {
    double s = Math.min(1, Math.max(0, Double.isNaN(t) ? 0 : t)) * (VIRIDIS.length - 1);
    int i = Math.min((int) s, VIRIDIS.length - 2);
    double f = s - i;
    Color a = VIRIDIS[i];
    Color b = VIRIDIS[i + 1];
    return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
        mix(a.getBlue(), b.getBlue(), f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
