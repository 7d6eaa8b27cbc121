package org.pgbarrier.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pgbarrier.io.AtomicFiles;

/**
 * A two-dimensional figure of lines, points, intervals and histograms, written as PNG and SVG. A
 * thin layer over XChart's {@code XYChart} that fixes the house style (white background, no chart
 * border, legend inside the plot) and the one rule XChart leaves to the caller: on a logarithmic
 * axis every value below the axis floor is drawn at the floor, so an underflowed likelihood shows
 * at the bottom of the plot instead of aborting the figure.
 */
public final class Figure {
  /** Width and height of the PNG in pixels and of the SVG in points. */
  private static final int WIDTH = 800;

  private static final int HEIGHT = 540;

  private final XYChart chart;
  private double xFloor = Double.NEGATIVE_INFINITY;
  private double yFloor = Double.NEGATIVE_INFINITY;
  private int hidden;

  /** An empty figure with a title and axis labels. */
  public Figure(String title, String xLabel, String yLabel) {
    chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler()
        .setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE)
        .setPlotBorderVisible(false)
        .setLegendPosition(LegendPosition.InsideNE)
        .setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11))
        .setLegendBorderColor(Color.LIGHT_GRAY)
        .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14))
        .setAntiAlias(true);
    chart.getStyler().setPlotGridLinesColor(new Color(0xE6E6E6)).setMarkerSize(6);
  }

  /** A logarithmic x axis; x values below {@code floor} are drawn at {@code floor}. */
  public Figure logX(double floor) {
    chart.getStyler().setXAxisLogarithmic(true);
    xFloor = positive("floor", floor);
    return this;
  }

  /** A logarithmic y axis; y values below {@code floor} are drawn at {@code floor}. */
  public Figure logY(double floor) {
    chart.getStyler().setYAxisLogarithmic(true);
    yFloor = positive("floor", floor);
    return this;
  }

  /** Fixes the y axis to {@code [lo, hi]}. */
  public Figure yRange(double lo, double hi) {
    chart.getStyler().setYAxisMin(lo).setYAxisMax(hi);
    return this;
  }

  /** Moves the legend, or hides it with {@code null}. */
  public Figure legend(LegendPosition position) {
    chart.getStyler().setLegendVisible(position != null);
    if (position != null) {
      chart.getStyler().setLegendPosition(position);
    }
    return this;
  }

  /** A solid line through the points; {@code label} {@code null} keeps it out of the legend. */
  public Figure line(String label, double[] x, double[] y, Color colour) {
    XYSeries series = add(label, x, y, XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE).setLineColor(colour);
    series.setLineStyle(new BasicStroke(1.6f));
    return this;
  }

  /** A dashed line, for fitted and predicted lines. */
  public Figure dashed(String label, double[] x, double[] y, Color colour) {
    XYSeries series = add(label, x, y, XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE).setLineColor(colour);
    series.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f));
    return this;
  }

  /** Points without a line. */
  public Figure points(String label, double[] x, double[] y, Color colour) {
    XYSeries series = add(label, x, y, XYSeriesRenderStyle.Scatter);
    series.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(colour);
    return this;
  }

  /** A vertical segment {@code [lo[j], hi[j]]} at each {@code x[j]}, kept out of the legend. */
  public Figure intervals(double[] x, double[] lo, double[] hi, Color colour) {
    sameLength(x, lo, "lo");
    sameLength(x, hi, "hi");
    for (int j = 0; j < x.length; j++) {
      line(null, new double[] {x[j], x[j]}, new double[] {lo[j], hi[j]}, colour);
    }
    return this;
  }

  /** A histogram: {@code edges} has one more entry than {@code counts}. */
  public Figure histogram(String label, double[] edges, double[] counts, Color colour) {
    if (edges.length != counts.length + 1) {
      throw new IllegalArgumentException("edges.length = " + edges.length
          + ": must be counts.length + 1 = " + (counts.length + 1));
    }
    double[] x = new double[2 * counts.length];
    double[] y = new double[2 * counts.length];
    for (int b = 0; b < counts.length; b++) {
      x[2 * b] = edges[b];
      x[2 * b + 1] = edges[b + 1];
      y[2 * b] = counts[b];
      y[2 * b + 1] = counts[b];
    }
    XYSeries series = add(label, x, y, XYSeriesRenderStyle.Area);
    series.setMarker(SeriesMarkers.NONE).setLineColor(colour);
    series.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 140));
    return this;
  }

  /** The figure as PNG bytes. */
  public byte[] png() throws IOException {
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /** The figure as an SVG document. */
  public byte[] svg() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart, out,
        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    return out.toByteArray();
  }

  /**
   * Writes {@code NAME.png} and {@code NAME.svg} into {@code directory}, each atomically.
   *
   * @return the two files, PNG first
   */
  public Path[] write(Path directory, String name) throws IOException {
    Path png = directory.resolve(name + ".png");
    Path svg = directory.resolve(name + ".svg");
    AtomicFiles.write(png, png());
    AtomicFiles.write(svg, svg());
    return new Path[] {png, svg};
  }

  private XYSeries add(String label, double[] x, double[] y, XYSeriesRenderStyle style) {
    sameLength(x, y, "y");
    if (x.length == 0) {
      throw new IllegalArgumentException("series " + label + " has no points");
    }
    String name = label == null ? "\u200b" + (hidden++) : label;
    while (chart.getSeries(name) != null) {
      name += "\u200b"; // two curves may share a legend text; XChart needs distinct names
    }
    XYSeries series = chart.addSeries(name, floored(x, xFloor), floored(y, yFloor));
    series.setXYSeriesRenderStyle(style);
    series.setShowInLegend(label != null);
    return series;
  }

  /** A copy with values below {@code floor} raised to it; NaN and infinities left are refused. */
  private static double[] floored(double[] values, double floor) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(values[i], floor);
      if (!Double.isFinite(out[i])) {
        throw new IllegalArgumentException("value " + values[i] + " at index " + i
            + ": a figure plots finite numbers");
      }
    }
    return out;
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
