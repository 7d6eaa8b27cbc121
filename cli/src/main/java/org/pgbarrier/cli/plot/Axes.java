package org.pgbarrier.cli.plot;

import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * JFreeChart axes with pgbarrier's labels. Two things JFreeChart does not do on its own: axis
 * labels in the markup of {@link Text} ({@code p_{w}(y^{*}|x)}), and decade labels that stay text in
 * SVG (JFreeChart's {@link LogAxis} draws {@code 10^k} as an attributed string, which JFreeSVG turns
 * into glyph outlines). Tick placement is JFreeChart's own: the tick step is the smallest of
 * {@code 1, 2, 5, 10, 20, ...} (decades, on a log axis) whose labels do not overlap.
 */
final class Axes {
  private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

  private Axes() {}

  /** A linear axis; with {@code integers}, whole-number tick steps only (counts). */
  static NumberAxis linear(String label, boolean integers) {
    Linear axis = new Linear(label, true);
    axis.setStandardTickUnits(new NumberTickUnitSource(integers, plainFormat()));
    return axis;
  }

  /**
   * A linear axis over decade exponents {@code k}, labelled {@code 10^k} at whole {@code k} (the
   * colour bar of a log scale: JFreeChart's colour bar subdivides its axis range linearly).
   */
  static NumberAxis exponents(String label) {
    Linear axis = new Linear(label, false);
    axis.setStandardTickUnits(new NumberTickUnitSource(true, new DecadeFormat()));
    return axis;
  }

  /** A base-10 logarithmic axis labelled at decades only, {@code lo > 0}. */
  static LogAxis decades(String label, double lo, double hi) {
    Decades axis = new Decades(label);
    axis.setBase(10);
    axis.setSmallestValue(lo);
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    axis.setMinorTickMarksVisible(true);
    axis.setMinorTickMarkInsideLength(0);
    axis.setMinorTickMarkOutsideLength(1.5f);
    axis.setRange(lo, hi);
    return axis;
  }

  /**
   * The label of the decade {@code 10^k} as plain text: {@code 10⁻¹²} with Unicode superscripts, or
   * the plain number when {@code plain} ({@code 0.01}, {@code 1000}).
   */
  static String decade(int k, boolean plain) {
    if (plain) {
      return k >= 0 ? "1" + "0".repeat(k) : "0." + "0".repeat(-k - 1) + "1";
    }
    StringBuilder out = new StringBuilder("10");
    if (k < 0) {
      out.append('\u207b');
    }
    for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
      out.append(SUPERSCRIPTS.charAt(c - '0'));
    }
    return out.toString();
  }

  /** Whether decades {@code lo..hi} all read well as plain numbers: {@code 0.01} to {@code 10000}. */
  static boolean plainRange(int lo, int hi) {
    return lo >= -2 && hi <= 4;
  }

  private static NumberFormat plainFormat() {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
    format.setGroupingUsed(false);
    return format;
  }

  /**
   * Draws an axis label in markup, centred on the data area, and moves the cursor past it; vertical
   * labels read upwards on either side (as matplotlib's).
   */
  private static AxisState drawLabel(ValueAxis axis, String label, Graphics2D g2,
      Rectangle2D dataArea, RectangleEdge edge, AxisState state) {
    if (label == null || label.isEmpty()) {
      return state;
    }
    var font = axis.getLabelFont();
    RectangleInsets insets = axis.getLabelInsets();
    double height = Text.height(font);
    double ascent = Text.ascent(font);
    g2.setPaint(axis.getLabelPaint());
    double cursor = state.getCursor();
    if (edge == RectangleEdge.BOTTOM) {
      Text.drawCentred(g2, font, label, dataArea.getCenterX(), cursor + insets.getTop() + ascent);
      state.cursorDown(insets.getTop() + height + insets.getBottom());
    } else if (edge == RectangleEdge.TOP) {
      Text.drawCentred(g2, font, label, dataArea.getCenterX(),
          cursor - insets.getBottom() - (height - ascent));
      state.cursorUp(insets.getTop() + height + insets.getBottom());
    } else if (edge == RectangleEdge.LEFT) {
      Text.drawUp(g2, font, label, cursor - insets.getRight() - (height - ascent),
          dataArea.getCenterY());
      state.cursorLeft(insets.getLeft() + height + insets.getRight());
    } else {
      Text.drawUp(g2, font, label, cursor + insets.getLeft() + ascent, dataArea.getCenterY());
      state.cursorRight(insets.getLeft() + height + insets.getRight());
    }
    return state;
  }

  /**
   * A number axis whose label is markup and, with {@code sameDecimals}, whose tick labels all have
   * the decimals of the tick step ({@code 0.10, 0.15}, not {@code 0.1, 0.15}).
   */
  private static final class Linear extends NumberAxis {
    private static final long serialVersionUID = 1L;

    private final boolean sameDecimals;

    Linear(String label, boolean sameDecimals) {
      super(label);
      this.sameDecimals = sameDecimals;
      setAutoRangeIncludesZero(false);
    }

    @Override
    public NumberFormat getNumberFormatOverride() {
      if (!sameDecimals) {
        return super.getNumberFormatOverride();
      }
      NumberFormat format = plainFormat();
      int decimals = 0;
      double step = getTickUnit().getSize();
      while (decimals < 12 && Math.abs(step - Math.rint(step)) > 1e-9 * Math.max(1, step)) {
        step *= 10;
        decimals++;
      }
      format.setMinimumFractionDigits(decimals);
      format.setMaximumFractionDigits(decimals);
      return format;
    }

    @Override
    protected AxisState drawLabel(String label, Graphics2D g2, Rectangle2D plotArea,
        Rectangle2D dataArea, RectangleEdge edge, AxisState state) {
      return Axes.drawLabel(this, label, g2, dataArea, edge, state);
    }
  }

  /** A log axis whose label is markup and whose decade labels are plain text. */
  private static final class Decades extends LogAxis {
    private static final long serialVersionUID = 1L;

    Decades(String label) {
      super(label);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea,
        RectangleEdge edge) {
      List<ValueTick> ticks = new ArrayList<>();
      for (Object o : super.refreshTicks(g2, state, dataArea, edge)) {
        ValueTick tick = (ValueTick) o;
        if (tick.getTickType() == TickType.MAJOR) {
          ticks.add(tick);
        }
      }
      boolean plain = ticks.isEmpty() || plainRange(exponent(ticks.get(0).getValue()),
          exponent(ticks.get(ticks.size() - 1).getValue()));
      List result = new ArrayList();
      for (ValueTick tick : ticks) {
        result.add(new NumberTick(TickType.MAJOR, tick.getValue(),
            decade(exponent(tick.getValue()), plain), tick.getTextAnchor(),
            tick.getRotationAnchor(), tick.getAngle()));
      }
      if (!ticks.isEmpty() && getTickUnit().getSize() == 1) {
        // unlabelled marks at 2..9 times each decade, as on printed log paper
        ValueTick first = ticks.get(0);
        for (int k = exponent(first.getValue()) - 1; Math.pow(10, k) <= getUpperBound(); k++) {
          for (int m = 2; m <= 9; m++) {
            double v = m * Math.pow(10, k);
            if (getRange().contains(v)) {
              result.add(new NumberTick(TickType.MINOR, v, "", first.getTextAnchor(),
                  first.getRotationAnchor(), 0.0));
            }
          }
        }
      }
      return result;
    }

    /** Used by JFreeChart to measure labels when it picks the tick step. */
    @Override
    protected AttributedString createTickLabel(double value) {
      AttributedString label = new AttributedString(decade(exponent(value), false));
      label.addAttribute(TextAttribute.FONT, getTickLabelFont());
      return label;
    }

    @Override
    protected AxisState drawLabel(String label, Graphics2D g2, Rectangle2D plotArea,
        Rectangle2D dataArea, RectangleEdge edge, AxisState state) {
      return Axes.drawLabel(this, label, g2, dataArea, edge, state);
    }

    private static int exponent(double value) {
      return (int) Math.round(Math.log10(value));
    }
  }

  /** Formats a whole exponent {@code k} as {@code 10^k} ({@link #decade}). */
  private static final class DecadeFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      return to.append(decade((int) Math.round(number), false));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return to.append(decade((int) number, false));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException("decade labels are not parsed");
    }
  }
}
