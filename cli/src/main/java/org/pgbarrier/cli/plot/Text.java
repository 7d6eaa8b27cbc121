package org.pgbarrier.cli.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels with a little mathematics: {@code p_{w}(y^{*}|x)} draws {@code w} as a subscript and
 * {@code *} as a superscript, {@code 10^{-12}} a raised exponent; Greek letters are written as
 * themselves ({@code α}, {@code ε}). Everything else is drawn as it stands, as text (SVG keeps it
 * as text).
 */
final class Text {
  /** Measures text independently of the output device, so every format gets the same layout. */
  static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

  private static final double SCRIPT = 0.72;

  private Text() {}

  /** One run of text at one level: 0 the baseline, 1 raised, -1 lowered. */
  private record Run(String text, int level) {}

  /** The width of {@code markup} in {@code font}. */
  static double width(Font font, String markup) {
    double w = 0;
    for (Run run : runs(markup)) {
      w += font(font, run).getStringBounds(run.text, MEASURE).getWidth();
    }
    return w;
  }

  /** The height of a line of {@code font}: ascent plus descent. */
  static double height(Font font) {
    var metrics = font.getLineMetrics("Xg", MEASURE);
    return metrics.getAscent() + metrics.getDescent();
  }

  /** The ascent of {@code font}. */
  static double ascent(Font font) {
    return font.getLineMetrics("X", MEASURE).getAscent();
  }

  /** Draws {@code markup} with its baseline starting at {@code (x, y)}. */
  static void draw(Graphics2D g, Font font, String markup, double x, double y) {
    double at = x;
    for (Run run : runs(markup)) {
      Font f = font(font, run);
      g.setFont(f);
      double shift = run.level > 0 ? -0.36 * font.getSize2D()
          : run.level < 0 ? 0.18 * font.getSize2D() : 0;
      g.drawString(run.text, (float) at, (float) (y + shift));
      at += f.getStringBounds(run.text, MEASURE).getWidth();
    }
    g.setFont(font);
  }

  /** Draws {@code markup} centred on {@code x}. */
  static void drawCentred(Graphics2D g, Font font, String markup, double x, double y) {
    draw(g, font, markup, x - width(font, markup) / 2, y);
  }

  /** Draws {@code markup} centred on {@code (x, y)}, rotated to read upwards (baseline at x). */
  static void drawUp(Graphics2D g, Font font, String markup, double x, double y) {
    var transform = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    drawCentred(g, font, markup, 0, 0);
    g.setTransform(transform);
  }

  private static Font font(Font font, Run run) {
    return run.level == 0 ? font : font.deriveFont(font.getSize2D() * (float) SCRIPT);
  }

  private static List<Run> runs(String markup) {
    List<Run> runs = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < markup.length()) {
      char c = markup.charAt(i);
      int close = markup.indexOf('}', i);
      if ((c == '_' || c == '^') && i + 1 < markup.length() && markup.charAt(i + 1) == '{'
          && close > i) {
        if (plain.length() > 0) {
          runs.add(new Run(plain.toString(), 0));
          plain.setLength(0);
        }
        runs.add(new Run(markup.substring(i + 2, close), c == '^' ? 1 : -1));
        i = close + 1;
      } else {
        plain.append(c);
        i++;
      }
    }
    if (plain.length() > 0) {
      runs.add(new Run(plain.toString(), 0));
    }
    return runs;
  }
}
