package org.pgbarrier.cli.plot;

import java.awt.Color;

/**
 * The colours of pgbarrier's figures: a categorical cycle for named series, and the viridis
 * colour map (van der Walt and Smith, matplotlib's default) for curves coloured by a value, such
 * as a base likelihood or a training step. Curves use {@link #sequential}, viridis cut at {@value
 * #SEQUENTIAL_TOP} so that its top end stays a readable green on white instead of a pale yellow.
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

  /** Where {@link #sequential} stops on viridis: before its yellow end. */
  static final double SEQUENTIAL_TOP = 0.8;

  private Palette() {}

  /**
   * The colour map of curves coloured by a value, {@code t} in {@code [0, 1]} (clamped): viridis
   * from {@code 0} to {@value #SEQUENTIAL_TOP}, dark purple through blue and teal to green. Its
   * CIELAB lightness rises monotonically (from about 16 to 76), so order reads in grey too.
   */
  public static Color sequential(double t) {
    return viridis(Math.min(1, Math.max(0, Double.isNaN(t) ? 0 : t)) * SEQUENTIAL_TOP);
  }

  /** The CIELAB lightness {@code L*} (D65 white, sRGB) of {@code colour}, in {@code [0, 100]}. */
  static double lightness(Color colour) {
    double y = 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen())
        + 0.0722 * linear(colour.getBlue());
    double f = y > 216.0 / 24389 ? Math.cbrt(y) : (24389.0 / 27 * y + 16) / 116;
    return 116 * f - 16;
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

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
