package org.pgbarrier.cli.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a merged sweep ({@code pgbarrier merge}): a headline result of every cell
 * against one axis of the grid, one line per group of cells that agree on the run name and the
 * other non-seed axes, the line through the mean over the seed axes and a vertical bar from their
 * minimum to their maximum (the spread over seeds). The x axis is the first axis whose values are
 * all numbers and whose key does not end in {@code seed}; without one, the cell index.
 */
public final class SweepFigures {
  /**
   * One cell's point.
   *
   * @param group the line it belongs to (run name and the other non-seed axes)
   * @param x its x value
   * @param y its value; NaN cells are left out
   */
  public record Point(String group, double x, double y) {}

  private SweepFigures() {}

  /**
   * Draws one figure of {@code points} as {@code NAME.png/.svg/.pdf} into {@code dir}, a log y
   * axis when {@code logY}; nothing when no point has a value. Returns the files written.
   */
  public static List<Path> draw(Path dir, String name, String title, String xLabel,
      String yLabel, boolean logY, List<Point> points) throws IOException {
    Map<String, TreeMap<Double, List<Double>>> groups = new LinkedHashMap<>();
    double lowest = Double.POSITIVE_INFINITY;
    for (Point p : points) {
      if (Double.isNaN(p.y())) {
        continue;
      }
      groups.computeIfAbsent(p.group(), g -> new TreeMap<>())
          .computeIfAbsent(p.x(), x -> new ArrayList<>()).add(p.y());
      if (p.y() > 0) {
        lowest = Math.min(lowest, p.y());
      }
    }
    if (groups.isEmpty()) {
      return List.of();
    }
    Figure figure = new Figure(title, xLabel, yLabel);
    if (logY) {
      double floor = Double.isFinite(lowest)
          ? Math.pow(10, Math.max(-300, Math.floor(Math.log10(lowest)) - 1)) : 1e-300;
      figure.logY(floor);
    }
    figure.legend(groups.size() > 1 ? Figure.Legend.NORTH_EAST : Figure.Legend.NONE);
    int colour = 0;
    for (Map.Entry<String, TreeMap<Double, List<Double>>> group : groups.entrySet()) {
      TreeMap<Double, List<Double>> byX = group.getValue();
      double[] x = byX.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      double[] mean = new double[x.length];
      double[] lo = new double[x.length];
      double[] hi = new double[x.length];
      int j = 0;
      for (List<Double> ys : byX.values()) {
        double[] v = ys.stream().mapToDouble(Double::doubleValue).toArray();
        mean[j] = Arrays.stream(v).sum() / v.length;
        lo[j] = Arrays.stream(v).min().orElseThrow();
        hi[j] = Arrays.stream(v).max().orElseThrow();
        j++;
      }
      var c = Palette.categorical(colour++);
      if (x.length == 1) {
        figure.points(group.getKey(), x, mean, c);
      } else {
        figure.line(group.getKey(), x, mean, c);
      }
      figure.intervals(x, lo, hi, c);
    }
    return List.of(figure.write(dir, name));
  }
}
