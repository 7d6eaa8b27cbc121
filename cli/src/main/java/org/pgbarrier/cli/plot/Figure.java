package org.pgbarrier.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.pgbarrier.Checks;
import org.pgbarrier.io.AtomicFiles;

/**
 * A two-dimensional figure of lines, points, intervals and histograms, with an optional colour
 * bar, drawn by JFreeChart and written as PDF (JFreePDF), SVG (JFreeSVG, text kept as text) and
 * 300-dpi PNG.
 *
 * <p>House rules: a logarithmic axis is labelled at decades only ({@link Axes#decades}), every
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

  /**
   * Thinning columns across an axis range: the PNG's pixel columns across the whole figure, so a
   * column is never wider than a pixel of the (narrower) plot.
   */
  static final double COLUMNS = WIDTH * DPI / 72;

  /** Where the legend goes: a corner inside the plot, below it, or nowhere. */
  public enum Legend {
    NONE, NORTH_WEST, NORTH_EAST, SOUTH_WEST, SOUTH_EAST, BELOW
  }

  private enum Kind {
    LINE, DASHED, POINTS, INTERVALS, HISTOGRAM
  }

  /**
   * One series in data units, floors applied; {@code hi} the interval tops for {@link
   * Kind#INTERVALS}; for {@link Kind#HISTOGRAM} {@code x} holds the edges and {@code y} the counts.
   */
  private record Series(String label, double[] x, double[] y, double[] hi, Color colour,
      Kind kind) {}

  private record Bar(String label, double lo, double hi, boolean log) {}

  /** The colour map of a colour bar over {@code [lo, hi]}: {@link Palette#sequential}. */
  private record Shades(double lo, double hi) implements PaintScale {
    @Override
    public double getLowerBound() {
      return lo;
    }

    @Override
    public double getUpperBound() {
      return hi;
    }

    @Override
    public Paint getPaint(double value) {
      return Palette.sequential((value - lo) / (hi - lo));
    }
  }

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
  private static final Font KEY = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
  private static final Color GRID = new Color(0xE4E4E4);
  private static final Color INK = new Color(0x222222);
  private static final BasicStroke SOLID =
      new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  private static final BasicStroke DASH = new BasicStroke(1.3f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 3f}, 0f);

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
    xFloor = Checks.positive("floor", floor);
    return this;
  }

  /** A logarithmic y axis; y values below {@code floor} are drawn at {@code floor}. */
  public Figure logY(double floor) {
    requireNoSeries("logY");
    logY = true;
    yFloor = Checks.positive("floor", floor);
    return this;
  }

  /** Fixes the y axis to {@code [lo, hi]}. */
  public Figure yRange(double lo, double hi) {
    Checks.finite("lo", lo);
    Checks.above("hi", Checks.finite("hi", hi), "lo", lo);
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
    Checks.above("hi", hi, "lo", lo);
    if (log) {
      Checks.positive("lo of a log colour bar", lo);
    }
    bar = new Bar(label, lo, hi, log);
    return this;
  }

  /** A solid line through the points; {@code label} {@code null} keeps it out of the legend. */
  public Figure line(String label, double[] x, double[] y, Color colour) {
    return add(label, x, y, null, colour, Kind.LINE);
  }

  /** A dashed line, for fitted and predicted lines. */
  public Figure dashed(String label, double[] x, double[] y, Color colour) {
    return add(label, x, y, null, colour, Kind.DASHED);
  }

  /** Points without a line. */
  public Figure points(String label, double[] x, double[] y, Color colour) {
    return add(label, x, y, null, colour, Kind.POINTS);
  }

  /** A vertical segment {@code [lo[j], hi[j]]} at each {@code x[j]}, kept out of the legend. */
  public Figure intervals(double[] x, double[] lo, double[] hi, Color colour) {
    Checks.equal("lo.length", lo.length, "x.length", x.length);
    Checks.equal("hi.length", hi.length, "x.length", x.length);
    return add(null, x, lo, floored(hi, yFloor), colour, Kind.INTERVALS);
  }

  /** A histogram: {@code edges} has one more entry than {@code counts}. */
  public Figure histogram(String label, double[] edges, double[] counts, Color colour) {
    Checks.equal("edges.length", edges.length, "counts.length + 1", counts.length + 1);
    Checks.positive("bins of histogram " + label, counts.length);
    series.add(new Series(label, floored(edges, xFloor), floored(counts, yFloor), null, colour,
        Kind.HISTOGRAM));
    return this;
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
      chart().draw(g, PAGE);
    } finally {
      g.dispose();
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      IIOMetadata metadata = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(image), null);
      // pHYs in the PNG's own metadata format: the standard format's pixel size in millimetres is
      // inverted by the JDK's PNG writer (it wrote 85 pixels per metre, 2 dpi)
      String perMetre = Long.toString(Math.round(DPI / 0.0254));
      IIOMetadataNode physical = new IIOMetadataNode("pHYs");
      physical.setAttribute("pixelsPerUnitXAxis", perMetre);
      physical.setAttribute("pixelsPerUnitYAxis", perMetre);
      physical.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      root.appendChild(physical);
      metadata.mergeTree("javax_imageio_png_1.0", root);
      writer.write(new IIOImage(image, null, metadata));
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** The figure as an SVG document, text as text. */
  public byte[] svg() {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setDefsKeyPrefix("pgbarrier");  // the default is the clock: same figure, same bytes
    g.setGeomDoubleConverter(Figure::twoDecimals);
    // the family the layout was measured with (Java's SansSerif is DejaVu Sans on Linux)
    g.setFontFunction(family -> "DejaVu Sans, sans-serif");
    g.setTransformDoubleConverter(Figure::twoDecimals);
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    chart().draw(g, PAGE);
    return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The figure as a PDF document, drawn with JFreePDF, text as glyph outlines so every glyph shows
   * (Greek, superscripts, the minus sign) without embedding fonts.
   */
  public byte[] pdf() {
    PDFDocument document = new PDFDocument();
    PDFGraphics2D g = document.createPage(new Rectangle((int) WIDTH, (int) HEIGHT))
        .getGraphics2D();
    g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    chart().draw(g, PAGE);
    // JFreePDF stamps the clock into the document information; a fixed date of the same length
    // keeps the cross-reference offsets and makes the same figure give the same bytes
    String text = new String(document.getPDFBytes(), StandardCharsets.ISO_8859_1);
    return CLOCK.matcher(text).replaceAll("20000101000000")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code NAME.png}, {@code NAME.svg} and {@code NAME.pdf} into {@code directory}, each
   * atomically. The PNG (rasterised at 300 dpi and deflated: about two thirds of the drawing time)
   * is drawn on a second thread while this one draws the SVG and the PDF; each format builds its
   * own chart from this figure's series, which nothing changes while drawing, so the bytes are
   * those of drawing them one after the other.
   *
   * @return the three files, PNG first
   */
  public Path[] write(Path directory, String name) throws IOException {
    Path png = directory.resolve(name + ".png");
    Path svg = directory.resolve(name + ".svg");
    Path pdf = directory.resolve(name + ".pdf");
    Concurrently.run("figure " + name, () -> AtomicFiles.write(png, png()), () -> {
      AtomicFiles.write(svg, svg());
      AtomicFiles.write(pdf, pdf());
    });
    return new Path[] {png, svg, pdf};
  }

  // ---------------------------------------------------------------------------------------------
  // The chart

  private static final Rectangle2D PAGE = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);

  /** The date and time in a PDF date, {@code (D:YYYYMMDDHHmmSS...)}. */
  private static final Pattern CLOCK = Pattern.compile("(?<=\\(D:)\\d{14}");

  /** An axis range in axis units: log10 of the value on a log axis. */
  private record Range(double lo, double hi) {
    double span() {
      return hi - lo;
    }
  }

  private JFreeChart chart() {
    Range xr = range(true);
    Range yr = range(false);
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(axis(xLabel, logX, false, xr, false));
    plot.setRangeAxis(axis(yLabel, logY, integerY, yr, true));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(INK);
    plot.setOutlineStroke(new BasicStroke(0.8f));
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(0.5f));
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setInsets(new RectangleInsets(4, 4, 4, 12));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    LegendItemCollection keys = new LegendItemCollection();
    double column = xr.span() / COLUMNS;
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      plot.setDataset(i, dataset(s, column));
      XYItemRenderer renderer = renderer(s);
      plot.setRenderer(i, renderer);
      if (s.label != null) {
        keys.add(renderer.getLegendItem(i, 0));
      }
    }
    plot.setFixedLegendItems(keys);

    JFreeChart chart = new JFreeChart(null, null, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(6, 6, 6, 6));
    if (title != null) {
      MarkupTitle heading = new MarkupTitle(title, TITLE, INK);
      heading.setPosition(RectangleEdge.TOP);
      heading.setPadding(new RectangleInsets(0, 0, 6, 0));
      chart.addSubtitle(heading);
    }
    if (legend != Legend.NONE && keys.getItemCount() > 0) {
      MarkupTitle.Legend key = new MarkupTitle.Legend(plot, KEY, legend != Legend.BELOW);
      key.setItemPaint(INK);
      if (legend == Legend.BELOW) {
        key.setPosition(RectangleEdge.BOTTOM);
        key.setFrame(BlockBorder.NONE);
        key.setMargin(new RectangleInsets(4, 0, 0, 0));
        chart.addSubtitle(key);
      } else {
        key.setFrame(new BlockBorder(0.5, 0.5, 0.5, 0.5, new Color(0xCCCCCC)));
        key.setBackgroundPaint(new Color(255, 255, 255, 225));
        key.setPadding(new RectangleInsets(2, 4, 2, 4));
        boolean west = legend == Legend.NORTH_WEST || legend == Legend.SOUTH_WEST;
        boolean north = legend == Legend.NORTH_WEST || legend == Legend.NORTH_EAST;
        plot.addAnnotation(new XYTitleAnnotation(relative(xr, logX, west ? 0.015 : 0.985),
            relative(yr, logY, north ? 0.98 : 0.02), key,
            north ? (west ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT)
                : (west ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.BOTTOM_RIGHT)));
      }
    }
    if (bar != null) {
      chart.addSubtitle(colourBar(plot));
    }
    return chart;
  }

  /**
   * The fraction of the value range that JFreeChart's relative annotation coordinates take for the
   * point at fraction {@code f} of the axis: they interpolate the values, not their logarithms.
   */
  private static double relative(Range r, boolean log, double f) {
    if (!log) {
      return f;
    }
    double lo = Math.pow(10, r.lo);
    return (Math.pow(10, r.lo + f * r.span()) - lo) / (Math.pow(10, r.hi) - lo);
  }

  private static ValueAxis axis(String label, boolean log, boolean counts, Range r,
      boolean vertical) {
    ValueAxis axis;
    if (log) {
      axis = Axes.decades(label, Math.pow(10, r.lo), Math.pow(10, r.hi));
    } else {
      NumberAxis linear = Axes.linear(label, counts);
      linear.setRange(r.lo, r.hi);
      axis = linear;
    }
    style(axis, vertical);
    return axis;
  }

  /**
   * Fonts, ink and spacing of an axis. The tick label insets along the axis are wide so that
   * JFreeChart, which picks the smallest tick step whose labels do not touch, leaves room between
   * them (every 20th decade over the 130 decades of the quantile figure, {@code 0.2} steps on
   * {@code [0, 1]}).
   */
  private static void style(ValueAxis axis, boolean vertical) {
    axis.setLabelFont(LABEL);
    axis.setLabelPaint(INK);
    axis.setLabelInsets(new RectangleInsets(3, 3, 3, 3));
    axis.setTickLabelFont(TICK);
    axis.setTickLabelPaint(INK);
    axis.setTickLabelInsets(vertical ? new RectangleInsets(8, 2, 8, 2)
        : new RectangleInsets(2, 10, 2, 10));
    axis.setAxisLinePaint(INK);
    axis.setAxisLineStroke(new BasicStroke(0.8f));
    axis.setTickMarkPaint(INK);
    axis.setTickMarkStroke(new BasicStroke(0.8f));
    axis.setTickMarkInsideLength(0);
    axis.setTickMarkOutsideLength(3);
  }

  /**
   * The colour bar: a JFreeChart paint-scale legend on the right, lined up with the plot (its
   * margins are the plot's insets and the height of the x axis below it).
   */
  private PaintScaleLegend colourBar(XYPlot plot) {
    double lo = bar.log ? Math.log10(bar.lo) : bar.lo;
    double hi = bar.log ? Math.log10(bar.hi) : bar.hi;
    NumberAxis axis = bar.log ? Axes.exponents(bar.label) : Axes.linear(bar.label, false);
    axis.setRange(lo, hi);
    style(axis, true);
    PaintScaleLegend scale = new PaintScaleLegend(new Shades(lo, hi), axis);
    scale.setPosition(RectangleEdge.RIGHT);
    scale.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    scale.setStripWidth(10);
    scale.setSubdivisionCount(128);
    scale.setStripOutlineVisible(true);
    scale.setStripOutlinePaint(INK);
    scale.setStripOutlineStroke(new BasicStroke(0.6f));
    scale.setAxisOffset(0);
    ValueAxis x = plot.getDomainAxis();
    double xAxisHeight = x.getTickMarkOutsideLength() + x.getTickLabelInsets().getTop()
        + x.getTickLabelInsets().getBottom() + Text.height(TICK) + x.getLabelInsets().getTop()
        + x.getLabelInsets().getBottom() + Text.height(LABEL);
    RectangleInsets insets = plot.getInsets();
    scale.setMargin(new RectangleInsets(insets.getTop(), 4, insets.getBottom() + xAxisHeight, 0));
    return scale;
  }

  private XYDataset dataset(Series s, double column) {
    String key = s.label == null ? "" : s.label;
    int n = s.x.length;
    switch (s.kind) {
      case HISTOGRAM -> {
        double[][] bins = new double[6][n - 1];
        for (int b = 0; b < n - 1; b++) {
          bins[0][b] = (s.x[b] + s.x[b + 1]) / 2;
          bins[1][b] = s.x[b];
          bins[2][b] = s.x[b + 1];
          bins[3][b] = s.y[b];
          bins[5][b] = s.y[b];
        }
        DefaultIntervalXYDataset dataset = new DefaultIntervalXYDataset();
        dataset.addSeries(key, bins);
        return dataset;
      }
      case INTERVALS -> {
        double[] mid = new double[n];
        for (int j = 0; j < n; j++) {
          mid[j] = (s.y[j] + s.hi[j]) / 2;
        }
        DefaultIntervalXYDataset dataset = new DefaultIntervalXYDataset();
        dataset.addSeries(key, new double[][] {s.x, s.x, s.x, mid, s.y, s.hi});
        return dataset;
      }
      case POINTS -> {
        DefaultXYDataset dataset = new DefaultXYDataset();
        dataset.addSeries(key, new double[][] {s.x, s.y});
        return dataset;
      }
      default -> {
        double[] columns = logX ? log10(s.x) : s.x;
        int[] kept = Thinning.kept(columns, s.y, column);
        double[][] xy = new double[2][kept.length];
        for (int i = 0; i < kept.length; i++) {
          xy[0][i] = s.x[kept[i]];
          xy[1][i] = s.y[kept[i]];
        }
        DefaultXYDataset dataset = new DefaultXYDataset();
        dataset.addSeries(key, xy);
        return dataset;
      }
    }
  }

  private static XYItemRenderer renderer(Series s) {
    XYItemRenderer renderer;
    switch (s.kind) {
      case HISTOGRAM -> {
        XYBarRenderer bars = new XYBarRenderer(0);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setSeriesOutlinePaint(0, s.colour);
        bars.setSeriesOutlineStroke(0, new BasicStroke(0.6f));
        bars.setSeriesPaint(0, new Color(s.colour.getRed(), s.colour.getGreen(),
            s.colour.getBlue(), 150));
        renderer = bars;
      }
      case INTERVALS -> {
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDrawXError(false);
        errors.setDefaultLinesVisible(false);
        errors.setDefaultShapesVisible(false);
        errors.setErrorPaint(s.colour);
        errors.setErrorStroke(new BasicStroke(0.9f));
        errors.setCapLength(4);
        renderer = errors;
      }
      case POINTS -> {
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesShape(0, new Ellipse2D.Double(-2.4, -2.4, 4.8, 4.8));
        renderer = points;
      }
      default -> {
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);
        lines.setSeriesStroke(0, s.kind == Kind.DASHED ? DASH : SOLID);
        lines.setLegendLine(new Line2D.Double(-9, 0, 9, 0));
        renderer = lines;
      }
    }
    if (s.kind != Kind.HISTOGRAM) {
      renderer.setSeriesPaint(0, s.colour);
    }
    renderer.setSeriesVisibleInLegend(0, s.label != null);
    return renderer;
  }

  /** The axis range: the data with a margin, or the fixed y range; a log range spans a decade. */
  private Range range(boolean xAxis) {
    boolean log = xAxis ? logX : logY;
    if (!xAxis && !Double.isNaN(yMin)) {
      return log ? new Range(Math.log10(Math.max(yMin, yFloor)), Math.log10(yMax))
          : new Range(yMin, yMax);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double[] values : xAxis ? List.of(s.x) : s.hi == null ? List.of(s.y)
          : List.of(s.y, s.hi)) {
        for (double v : values) {
          double u = log ? Math.log10(v) : v;
          lo = Math.min(lo, u);
          hi = Math.max(hi, u);
        }
      }
    }
    if (series.isEmpty()) {
      lo = 0;
      hi = 1;
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
    double pad = (xAxis ? 0.02 : 0.04) * (hi - lo);
    lo -= pad;
    hi += pad;
    if (log && Math.floor(hi) < lo) {
      lo = Math.floor(hi);  // a decade to label
    }
    return new Range(lo, hi);
  }

  private Figure add(String label, double[] x, double[] y, double[] hi, Color colour, Kind kind) {
    Checks.equal("y.length", y.length, "x.length", x.length);
    Checks.positive("points of series " + label, x.length);
    series.add(new Series(label, floored(x, xFloor), floored(y, yFloor), hi, colour, kind));
    return this;
  }

  /** Coordinates to two decimals of a point: far below what a reader sees, short in SVG. */
  private static String twoDecimals(double v) {
    return Double.toString(Math.rint(v * 100) / 100 + 0.0);
  }

  private static double[] log10(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.log10(values[i]);
    }
    return out;
  }

  /**
   * A copy with values below {@code floor} raised to it; NaN and infinities left are refused.
   */
  private static double[] floored(double[] values, double floor) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Checks.finite("values[" + i + "]", Math.max(values[i], floor));
    }
    return out;
  }

  private void requireNoSeries(String call) {
    if (!series.isEmpty()) {
      throw new IllegalStateException(call + " must come before the first series");
    }
  }
}
