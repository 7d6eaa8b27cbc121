package org.pgbarrier.cli.plot;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.VectorHints;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.pgbarrier.io.AtomicFiles;

/**
 * A two-dimensional figure of lines, points, intervals and histograms, with an optional colour
 * bar, written as PDF, SVG (text kept as text) and 300-dpi PNG. The figure draws itself with
 * Java2D onto any {@link Graphics2D}; VectorGraphics2D turns the drawing into PDF and SVG.
 *
 * <p>House rules: a logarithmic axis is labelled at decades only ({@link Ticks#decades}), every
 * value below the axis floor is drawn at the floor (an underflowed likelihood shows at the bottom
 * instead of aborting the figure), a count axis has whole-number ticks, and every polyline is
 * thinned to the points that change what a 300-dpi pixel column shows ({@link Thinning}).
 */
public final class Figure {
  /** Width and height of the figure in points (1/72 inch). */
  static final double WIDTH = 504;

  static final double HEIGHT = 336;

  /** Resolution of the PNG. */
  static final int DPI = 300;

  /** Width of a thinning column in points: one pixel of the PNG. */
  static final double COLUMN = 72.0 / DPI;

  /** Where the legend goes: a corner inside the plot, below it, or nowhere. */
  public enum Legend {
    NONE, NORTH_WEST, NORTH_EAST, SOUTH_WEST, SOUTH_EAST, BELOW
  }

  private enum Kind {
    LINE, DASHED, THIN, POINTS, AREA
  }

  private record Series(String label, double[] x, double[] y, Color colour, Kind kind) {}

  private record Bar(String label, double lo, double hi, boolean log) {}

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
  private static final Font KEY = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
  private static final Color GRID = new Color(0xE4E4E4);
  private static final Color INK = new Color(0x222222);
  private static final int MOST_TICKS = 7;

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private boolean logX;
  private boolean logY;
  private double xFloor = Double.NEGATIVE_INFINITY;
  private double yFloor = Double.NEGATIVE_INFINITY;
  private double yMin = Double.NaN;
  private double yMax = Double.NaN;
  private boolean integerY;
  private Legend legend = Legend.NORTH_EAST;
  private Bar bar;

  /**
   * An empty figure with a title and axis labels, in the markup of {@link Text} ({@code
   * p_{w}(y^{*}|x)}, {@code 10^{-12}}, Greek letters as themselves).
   */
  public Figure(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** A logarithmic x axis; x values below {@code floor} are drawn at {@code floor}. */
  public Figure logX(double floor) {
    requireNoSeries("logX");
    logX = true;
    xFloor = positive("floor", floor);
    return this;
  }

  /** A logarithmic y axis; y values below {@code floor} are drawn at {@code floor}. */
  public Figure logY(double floor) {
    requireNoSeries("logY");
    logY = true;
    yFloor = positive("floor", floor);
    return this;
  }

  /** Fixes the y axis to {@code [lo, hi]}. */
  public Figure yRange(double lo, double hi) {
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("y range [" + lo + ", " + hi + "]: must be finite, lo < hi");
    }
    yMin = lo;
    yMax = hi;
    return this;
  }

  /** Whole-number ticks on the y axis, from 0 (counts). */
  public Figure countsOnY() {
    integerY = true;
    return this;
  }

  /** Places the legend ({@link Legend#NONE} hides it). */
  public Figure legend(Legend position) {
    legend = position == null ? Legend.NONE : position;
    return this;
  }

  /**
   * A colour bar beside the plot for curves coloured with {@link Palette#sequential}: {@code t = 0}
   * is {@code lo}, {@code t = 1} is {@code hi}, linearly in the value or, with {@code log}, in its
   * logarithm (then labelled at decades).
   */
  public Figure colourBar(String label, double lo, double hi, boolean log) {
    if (!(lo < hi) || (log && !(lo > 0))) {
      throw new IllegalArgumentException("colour bar [" + lo + ", " + hi
          + "]: must have lo < hi" + (log ? " and lo > 0 on a log scale" : ""));
    }
    bar = new Bar(label, lo, hi, log);
    return this;
  }

  /** A solid line through the points; {@code label} {@code null} keeps it out of the legend. */
  public Figure line(String label, double[] x, double[] y, Color colour) {
    return add(label, x, y, colour, Kind.LINE);
  }

  /** A dashed line, for fitted and predicted lines. */
  public Figure dashed(String label, double[] x, double[] y, Color colour) {
    return add(label, x, y, colour, Kind.DASHED);
  }

  /** Points without a line. */
  public Figure points(String label, double[] x, double[] y, Color colour) {
    return add(label, x, y, colour, Kind.POINTS);
  }

  /** A vertical segment {@code [lo[j], hi[j]]} at each {@code x[j]}, kept out of the legend. */
  public Figure intervals(double[] x, double[] lo, double[] hi, Color colour) {
    sameLength(x, lo, "lo");
    sameLength(x, hi, "hi");
    for (int j = 0; j < x.length; j++) {
      add(null, new double[] {x[j], x[j]}, new double[] {lo[j], hi[j]}, colour, Kind.THIN);
    }
    return this;
  }

  /** A histogram: {@code edges} has one more entry than {@code counts}. */
  public Figure histogram(String label, double[] edges, double[] counts, Color colour) {
    if (edges.length != counts.length + 1) {
      throw new IllegalArgumentException("edges.length = " + edges.length
          + ": must be counts.length + 1 = " + (counts.length + 1));
    }
    double[] x = new double[2 * counts.length + 2];
    double[] y = new double[2 * counts.length + 2];
    x[0] = edges[0];
    for (int b = 0; b < counts.length; b++) {
      x[2 * b + 1] = edges[b];
      x[2 * b + 2] = edges[b + 1];
      y[2 * b + 1] = counts[b];
      y[2 * b + 2] = counts[b];
    }
    x[x.length - 1] = edges[counts.length];
    return add(label, x, y, colour, Kind.AREA);
  }

  /** The figure as a 300-dpi PNG. */
  public byte[] png() throws IOException {
    double scale = DPI / 72.0;
    BufferedImage image = new BufferedImage((int) Math.round(WIDTH * scale),
        (int) Math.round(HEIGHT * scale), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
          RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.scale(scale, scale);
      paint(g);
    } finally {
      g.dispose();
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      IIOMetadata metadata = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(image), null);
      IIOMetadataNode size = new IIOMetadataNode("HorizontalPixelSize");
      size.setAttribute("value", Double.toString(25.4 / DPI));
      IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
      vertical.setAttribute("value", Double.toString(25.4 / DPI));
      IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
      dimension.appendChild(size);
      dimension.appendChild(vertical);
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
      root.appendChild(dimension);
      metadata.mergeTree("javax_imageio_1.0", root);
      writer.write(new IIOImage(image, null, metadata));
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** The figure as an SVG document, text as text. */
  public byte[] svg() throws IOException {
    return vector("svg", false);
  }

  /** The figure as a PDF document (compressed, text as outlines so every glyph shows). */
  public byte[] pdf() throws IOException {
    return vector("pdf", true);
  }

  /**
   * Writes {@code NAME.png}, {@code NAME.svg} and {@code NAME.pdf} into {@code directory}, each
   * atomically.
   *
   * @return the three files, PNG first
   */
  public Path[] write(Path directory, String name) throws IOException {
    Path png = directory.resolve(name + ".png");
    Path svg = directory.resolve(name + ".svg");
    Path pdf = directory.resolve(name + ".pdf");
    AtomicFiles.write(png, png());
    AtomicFiles.write(svg, svg());
    AtomicFiles.write(pdf, pdf());
    return new Path[] {png, svg, pdf};
  }

  private byte[] vector(String format, boolean outlines) throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    g.setRenderingHint(VectorHints.KEY_TEXT,
        outlines ? VectorHints.VALUE_TEXT_VECTOR : VectorHints.VALUE_TEXT_DEFAULT);
    paint(g);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    (format.equals("pdf") ? new de.erichseifert.vectorgraphics2d.pdf.PDFProcessor(true)
        : Processors.get(format))
        .getDocument(g.getCommands(), new PageSize(WIDTH, HEIGHT)).writeTo(out);
    return out.toByteArray();
  }

  // ---------------------------------------------------------------------------------------------
  // Drawing

  /** Axis ranges in drawing units (log10 on a log axis). */
  private record Range(double lo, double hi) {
    double span() {
      return hi - lo;
    }
  }

  private void paint(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    Range xr = range(true);
    Range yr = range(false);
    double[] xTicks = ticks(xr, logX, false);
    double[] yTicks = ticks(yr, logY, integerY);
    String[] xLabels = labels(xTicks, logX);
    String[] yLabels = labels(yTicks, logY);

    double yTickWidth = 0;
    for (String s : yLabels) {
      yTickWidth = Math.max(yTickWidth, Text.width(TICK, s));
    }
    List<Series> keyed = series.stream().filter(s -> s.label != null).toList();
    double top = 8 + (title == null ? 0 : Text.height(TITLE) + 6);
    double left = 8 + Text.height(LABEL) + 6 + yTickWidth + 6;
    double bottom = 6 + Text.height(TICK) + 4 + Text.height(LABEL) + 6;
    double right = 14;
    double barTickWidth = 0;
    double[] barTicks = null;
    String[] barLabels = null;
    if (bar != null) {
      Range br = bar.log ? new Range(Math.log10(bar.lo), Math.log10(bar.hi))
          : new Range(bar.lo, bar.hi);
      barTicks = ticks(br, bar.log, false);
      barLabels = labels(barTicks, bar.log);
      for (String s : barLabels) {
        barTickWidth = Math.max(barTickWidth, Text.width(TICK, s));
      }
      right = 14 + 10 + 4 + barTickWidth + 8 + Text.height(LABEL) + 8;
    }
    List<List<Series>> belowRows = new ArrayList<>();
    if (legend == Legend.BELOW && !keyed.isEmpty()) {
      belowRows = rows(keyed, WIDTH - left - right);
      bottom += belowRows.size() * keyRow() + 6;
    }
    Rectangle2D plot = new Rectangle2D.Double(left, top, WIDTH - left - right,
        HEIGHT - top - bottom);
    DoubleUnaryOperator sx = v -> plot.getX() + (v - xr.lo) / xr.span() * plot.getWidth();
    DoubleUnaryOperator sy = v -> plot.getMaxY() - (v - yr.lo) / yr.span() * plot.getHeight();

    // grid
    g.setStroke(new BasicStroke(0.5f));
    g.setColor(GRID);
    for (double t : xTicks) {
      g.draw(new Line2D.Double(sx.applyAsDouble(t), plot.getY(), sx.applyAsDouble(t),
          plot.getMaxY()));
    }
    for (double t : yTicks) {
      g.draw(new Line2D.Double(plot.getX(), sy.applyAsDouble(t), plot.getMaxX(),
          sy.applyAsDouble(t)));
    }

    // data
    var clip = g.getClip();
    g.clip(new Rectangle2D.Double(plot.getX() - 2, plot.getY() - 2, plot.getWidth() + 4,
        plot.getHeight() + 4));
    for (Series s : series) {
      drawSeries(g, s, sx, sy);
    }
    g.setClip(clip);

    // axes
    g.setColor(INK);
    g.setStroke(new BasicStroke(0.8f));
    g.draw(new Line2D.Double(plot.getX(), plot.getMaxY(), plot.getMaxX(), plot.getMaxY()));
    g.draw(new Line2D.Double(plot.getX(), plot.getY(), plot.getX(), plot.getMaxY()));
    double tickBase = plot.getMaxY() + 6 + Text.ascent(TICK);
    for (int i = 0; i < xTicks.length; i++) {
      double x = sx.applyAsDouble(xTicks[i]);
      g.draw(new Line2D.Double(x, plot.getMaxY(), x, plot.getMaxY() + 3));
      Text.drawCentred(g, TICK, xLabels[i], x, tickBase);
    }
    for (int i = 0; i < yTicks.length; i++) {
      double y = sy.applyAsDouble(yTicks[i]);
      g.draw(new Line2D.Double(plot.getX() - 3, y, plot.getX(), y));
      Text.draw(g, TICK, yLabels[i], plot.getX() - 5 - Text.width(TICK, yLabels[i]),
          y + Text.ascent(TICK) / 2 - 0.5);
    }
    double xLabelBase = tickBase + Text.height(TICK) - Text.ascent(TICK) + 4 + Text.ascent(LABEL);
    Text.drawCentred(g, LABEL, xLabel, plot.getCenterX(), xLabelBase);
    drawRotated(g, LABEL, yLabel, 8 + Text.ascent(LABEL), plot.getCenterY());
    if (title != null) {
      // centred on the plot, moved left as far as needed to stay on the page, shrunk if wider
      Font font = TITLE;
      while (Text.width(font, title) > WIDTH - 16 && font.getSize2D() > 8) {
        font = font.deriveFont(font.getSize2D() - 0.5f);
      }
      double w = Text.width(font, title);
      double x = Math.max(8, Math.min(plot.getCenterX() - w / 2, WIDTH - 8 - w));
      Text.draw(g, font, title, x, 8 + Text.ascent(TITLE));
    }

    if (bar != null) {
      drawBar(g, plot, barTicks, barLabels, barTickWidth);
    }
    if (legend == Legend.BELOW) {
      double y = xLabelBase + Text.height(LABEL) - Text.ascent(LABEL) + 6;
      for (List<Series> row : belowRows) {
        double w = rowWidth(row);
        drawKeys(g, row, plot.getCenterX() - w / 2, y, true);
        y += keyRow();
      }
    } else if (legend != Legend.NONE && !keyed.isEmpty()) {
      drawCornerLegend(g, keyed, plot);
    }
  }

  private void drawSeries(Graphics2D g, Series s, DoubleUnaryOperator sx, DoubleUnaryOperator sy) {
    int n = s.x.length;
    double[] px = new double[n];
    double[] py = new double[n];
    for (int i = 0; i < n; i++) {
      px[i] = sx.applyAsDouble(s.x[i]);
      py[i] = sy.applyAsDouble(s.y[i]);
    }
    g.setColor(s.colour);
    if (s.kind == Kind.POINTS) {
      for (int i = 0; i < n; i++) {
        g.fill(new Ellipse2D.Double(round(px[i]) - 2.4, round(py[i]) - 2.4, 4.8, 4.8));
      }
      return;
    }
    double[][] kept = s.kind == Kind.AREA ? new double[][] {px, py} : Thinning.thin(px, py, COLUMN);
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, kept[0].length + 2);
    path.moveTo(round(kept[0][0]), round(kept[1][0]));
    for (int i = 1; i < kept[0].length; i++) {
      path.lineTo(round(kept[0][i]), round(kept[1][i]));
    }
    switch (s.kind) {
      case AREA -> {
        g.setColor(new Color(s.colour.getRed(), s.colour.getGreen(), s.colour.getBlue(), 150));
        g.fill(path);
        g.setColor(s.colour);
        g.setStroke(new BasicStroke(0.6f));
        g.draw(path);
      }
      case DASHED -> {
        g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {5f, 3f}, 0f));
        g.draw(path);
      }
      case THIN -> {
        g.setStroke(new BasicStroke(0.9f));
        g.draw(path);
      }
      default -> {
        g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
      }
    }
  }

  private void drawBar(Graphics2D g, Rectangle2D plot, double[] ticks, String[] labels,
      double tickWidth) {
    double x = plot.getMaxX() + 14;
    double w = 10;
    double top = plot.getY();
    double h = plot.getHeight();
    int steps = 64;
    for (int i = 0; i < steps; i++) {
      g.setColor(Palette.sequential((i + 0.5) / steps));
      double y0 = top + h - (i + 1) * h / steps;
      g.fill(new Rectangle2D.Double(x, round(y0), w, round(h / steps + 0.3)));
    }
    g.setColor(INK);
    g.setStroke(new BasicStroke(0.6f));
    g.draw(new Rectangle2D.Double(x, top, w, h));
    double lo = bar.log ? Math.log10(bar.lo) : bar.lo;
    double hi = bar.log ? Math.log10(bar.hi) : bar.hi;
    for (int i = 0; i < ticks.length; i++) {
      double y = top + h - (ticks[i] - lo) / (hi - lo) * h;
      g.draw(new Line2D.Double(x + w, y, x + w + 3, y));
      Text.draw(g, TICK, labels[i], x + w + 5, y + Text.ascent(TICK) / 2 - 0.5);
    }
    drawRotated(g, LABEL, bar.label, x + w + 5 + tickWidth + 8 + Text.ascent(LABEL),
        top + h / 2);
  }

  private static void drawRotated(Graphics2D g, Font font, String markup, double x, double y) {
    var transform = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    Text.drawCentred(g, font, markup, 0, 0);
    g.setTransform(transform);
  }

  private void drawCornerLegend(Graphics2D g, List<Series> keyed, Rectangle2D plot) {
    double w = 0;
    for (Series s : keyed) {
      w = Math.max(w, keyWidth(s));
    }
    w += 10;
    double h = keyed.size() * keyRow() + 6;
    boolean west = legend == Legend.NORTH_WEST || legend == Legend.SOUTH_WEST;
    boolean north = legend == Legend.NORTH_WEST || legend == Legend.NORTH_EAST;
    double x = west ? plot.getX() + 8 : plot.getMaxX() - 8 - w;
    double y = north ? plot.getY() + 6 : plot.getMaxY() - 8 - h;
    g.setColor(new Color(255, 255, 255, 225));
    g.fill(new Rectangle2D.Double(x, y, w, h));
    g.setColor(new Color(0xCCCCCC));
    g.setStroke(new BasicStroke(0.5f));
    g.draw(new Rectangle2D.Double(x, y, w, h));
    double row = y + 3;
    for (Series s : keyed) {
      drawKeys(g, List.of(s), x + 5, row, false);
      row += keyRow();
    }
  }

  /** Draws keys side by side from {@code (x, top)}. */
  private void drawKeys(Graphics2D g, List<Series> keys, double x, double top, boolean spaced) {
    double at = x;
    double mid = top + keyRow() / 2;
    for (Series s : keys) {
      g.setColor(s.colour);
      switch (s.kind) {
        case POINTS -> g.fill(new Ellipse2D.Double(at + 9 - 2.4, mid - 2.4, 4.8, 4.8));
        case AREA -> {
          g.setColor(new Color(s.colour.getRed(), s.colour.getGreen(), s.colour.getBlue(), 150));
          g.fill(new Rectangle2D.Double(at + 2, mid - 4, 14, 8));
        }
        case DASHED -> {
          g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
              new float[] {5f, 3f}, 0f));
          g.draw(new Line2D.Double(at, mid, at + 18, mid));
        }
        default -> {
          g.setStroke(new BasicStroke(1.6f));
          g.draw(new Line2D.Double(at, mid, at + 18, mid));
        }
      }
      g.setColor(INK);
      Text.draw(g, KEY, s.label, at + 23, mid + Text.ascent(KEY) / 2 - 0.5);
      at += keyWidth(s) + (spaced ? 14 : 0);
    }
  }

  private static double keyWidth(Series s) {
    return 23 + Text.width(KEY, s.label);
  }

  private static double keyRow() {
    return Text.height(KEY) + 3;
  }

  private static double rowWidth(List<Series> row) {
    double w = -14;
    for (Series s : row) {
      w += keyWidth(s) + 14;
    }
    return w;
  }

  private static List<List<Series>> rows(List<Series> keyed, double width) {
    List<List<Series>> rows = new ArrayList<>();
    List<Series> row = new ArrayList<>();
    for (Series s : keyed) {
      row.add(s);
      if (row.size() > 1 && rowWidth(row) > width) {
        row.remove(row.size() - 1);
        rows.add(row);
        row = new ArrayList<>(List.of(s));
      }
    }
    rows.add(row);
    return rows;
  }

  private Range range(boolean xAxis) {
    boolean log = xAxis ? logX : logY;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : xAxis ? s.x : s.y) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (series.isEmpty()) {
      lo = log ? 0 : 0;
      hi = 1;
    }
    if (!xAxis && !Double.isNaN(yMin)) {
      return new Range(log ? Math.log10(Math.max(yMin, yFloor)) : yMin,
          log ? Math.log10(yMax) : yMax);
    }
    if (!xAxis && integerY) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 1);
      return new Range(lo, hi + 0.04 * (hi - lo));
    }
    if (hi == lo) {
      hi = log ? hi + 1 : hi + Math.max(1, Math.abs(hi));
      lo = log ? lo - 1 : lo - Math.max(1, Math.abs(lo));
    }
    double pad = xAxis ? 0.02 : 0.04;
    return new Range(lo - pad * (hi - lo), hi + pad * (hi - lo));
  }

  private static double[] ticks(Range r, boolean log, boolean counts) {
    if (log) {
      int[] decades = Ticks.decades(r.lo, r.hi, MOST_TICKS);
      double[] out = new double[decades.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = decades[i];
      }
      return out;
    }
    return counts ? Ticks.integer(r.lo, r.hi, MOST_TICKS) : Ticks.linear(r.lo, r.hi, MOST_TICKS);
  }

  private static String[] labels(double[] ticks, boolean log) {
    String[] out = new String[ticks.length];
    if (log) {
      int[] decades = new int[ticks.length];
      for (int i = 0; i < ticks.length; i++) {
        decades[i] = (int) Math.round(ticks[i]);
      }
      boolean plain = Ticks.plainRange(decades);
      for (int i = 0; i < ticks.length; i++) {
        out[i] = Ticks.decade(decades[i], plain);
      }
      return out;
    }
    double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    for (int i = 0; i < ticks.length; i++) {
      out[i] = Ticks.plain(ticks[i], step);
    }
    return out;
  }

  private Figure add(String label, double[] x, double[] y, Color colour, Kind kind) {
    sameLength(x, y, "y");
    if (x.length == 0) {
      throw new IllegalArgumentException("series " + label + " has no points");
    }
    series.add(new Series(label, transformed(x, xFloor, logX), transformed(y, yFloor, logY),
        colour, kind));
    return this;
  }

  /** Coordinates to two decimals of a point: far below what a reader sees, short in SVG. */
  private static double round(double v) {
    return Math.rint(v * 100) / 100;
  }

  /**
   * A copy with values below {@code floor} raised to it, in log10 on a log axis; NaN and
   * infinities left are refused.
   */
  private static double[] transformed(double[] values, double floor, boolean log) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      double v = Math.max(values[i], floor);
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("value " + values[i] + " at index " + i
            + ": a figure plots finite numbers");
      }
      out[i] = log ? Math.log10(v) : v;
    }
    return out;
  }

  private void requireNoSeries(String call) {
    if (!series.isEmpty()) {
      throw new IllegalStateException(call + " must come before the first series");
    }
  }

  private static void sameLength(double[] x, double[] other, String name) {
    if (x.length != other.length) {
      throw new IllegalArgumentException(name + ".length = " + other.length
          + ": must equal x.length = " + x.length);
    }
  }

  private static double positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " = " + value + ": must be positive and finite");
    }
    return value;
  }
}
