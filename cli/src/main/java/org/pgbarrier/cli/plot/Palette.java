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

  /**
   * Viridis (matplotlib's {@code _viridis_data}, CC0) at every 16th of its 256 entries, {@code
   * {index, r, g, b}}; linear interpolation in between.
   */
  private static final double[][] VIRIDIS = {
    {0, 0.267004, 0.004874, 0.329415}, {16, 0.282327, 0.094955, 0.417331},
    {32, 0.278826, 0.175490, 0.483397}, {48, 0.257322, 0.256130, 0.526563},
    {64, 0.229739, 0.322361, 0.545706}, {80, 0.199430, 0.387607, 0.554642},
    {96, 0.172719, 0.448791, 0.557885}, {112, 0.149039, 0.508051, 0.557250},
    {128, 0.127568, 0.566949, 0.550556}, {144, 0.120638, 0.625828, 0.533488},
    {160, 0.166383, 0.690856, 0.496502}, {176, 0.246070, 0.738910, 0.452024},
    {192, 0.360741, 0.785964, 0.387814}, {208, 0.506271, 0.828786, 0.300362},
    {224, 0.678489, 0.863742, 0.189503}, {240, 0.845561, 0.887322, 0.099702},
    {255, 0.993248, 0.906157, 0.143936}
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
    double at = Math.min(1, Math.max(0, Double.isNaN(t) ? 0 : t)) * 255;
    int i = 0;
    while (i < VIRIDIS.length - 2 && VIRIDIS[i + 1][0] <= at) {
      i++;
    }
    double[] a = VIRIDIS[i];
    double[] b = VIRIDIS[i + 1];
    double f = (at - a[0]) / (b[0] - a[0]);
    return new Color(channel(a[1], b[1], f), channel(a[2], b[2], f), channel(a[3], b[3], f));
  }

  private static int channel(double a, double b, double f) {
    return (int) Math.round(255 * (a + (b - a) * f));
  }
}
