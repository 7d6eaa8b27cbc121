package org.pgbarrier.testkit.report;

import static org.pgbarrier.testkit.report.ClaimsReport.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A scaling check's figure as inline SVG: the estimates with their confidence intervals as error
 * bars, on log-log axes ({@code LOG_LOG}) or log y against linear x ({@code LOG_LINEAR}), with the
 * fitted slope (solid) and the predicted slope (dashed), both drawn through the centroid of the
 * estimates in plot coordinates. An interval end that is infinite or not positive is drawn to the
 * plot's edge.
 */
public final class SvgFigure {
  private static final double W = 960;
  private static final double H = 400;
  private static final double LEFT = 72;
  private static final double RIGHT = 24;
  private static final double TOP = 52;
  private static final double BOTTOM = 48;

  private SvgFigure() {}

  /** The figure of a {@code series} node of claims.json; {@code id} must be unique in the page. */
  public static String render(JsonNode series, String id) {
    boolean logX = !"LOG_LINEAR".equals(series.path("scale").asText());
    List<double[]> pts = new ArrayList<>(); // u, v, vLow, vHigh
    for (JsonNode p : series.path("points")) {
      double x = p.path("x").asDouble(Double.NaN);
      double y = p.path("estimate").asDouble(Double.NaN);
      if (!(y > 0) || (logX && !(x > 0))) {
        continue;
      }
      pts.add(new double[] {logX ? Math.log(x) : x, Math.log(y),
          logOrNaN(p.path("lower")), logOrNaN(p.path("upper"))});
    }
    StringBuilder svg = new StringBuilder();
    svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\""
        + " width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\">", W, H, W,
        H));
    svg.append(String.format("<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\""
        + " fill=\"#fff\"/>", W, H));
    if (pts.isEmpty()) {
      return svg.append("<text x=\"20\" y=\"40\">no positive points to draw</text></svg>")
          .toString();
    }
    double[] u = range(pts, 0, 0, 0);
    double[] v = range(pts, 1, 2, 3);
    double fitted = series.path("fitted").asDouble(Double.NaN);
    double predicted = series.path("predicted").asDouble(Double.NaN);
    Frame f = new Frame(u[0], u[1], v[0], v[1]);
    svg.append(String.format("<defs><clipPath id=\"%s\"><rect x=\"%.1f\" y=\"%.1f\""
        + " width=\"%.1f\" height=\"%.1f\"/></clipPath></defs>", id, LEFT, TOP,
        W - LEFT - RIGHT, H - TOP - BOTTOM));
    svg.append(String.format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
        + " fill=\"none\" stroke=\"#444\"/>", LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
    for (double t : ticks(u[0], u[1], logX)) {
      double px = f.px(logX ? Math.log(t) : t);
      svg.append(String.format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#444\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"13\""
          + " text-anchor=\"middle\">%s</text>", px, H - BOTTOM, px, H - BOTTOM + 4, px,
          H - BOTTOM + 16, tick(t)));
    }
    for (double t : ticks(v[0], v[1], true)) {
      double py = f.py(Math.log(t));
      svg.append(String.format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#444\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"13\""
          + " text-anchor=\"end\">%s</text>", LEFT - 4, py, LEFT, py, LEFT - 6, py + 4, tick(t)));
    }
    double cu = pts.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double cv = pts.stream().mapToDouble(p -> p[1]).average().orElse(0);
    svg.append("<g clip-path=\"url(#").append(id).append(")\">");
    line(svg, f, cu, cv, fitted, "#1f5fbf", "");
    line(svg, f, cu, cv, predicted, "#c0392b", " stroke-dasharray=\"6 4\"");
    for (double[] p : pts) {
      double px = f.px(p[0]);
      double lo = Double.isNaN(p[2]) ? H - BOTTOM : f.py(Math.max(p[2], f.v0));
      double hi = Double.isNaN(p[3]) ? TOP : f.py(Math.min(p[3], f.v1));
      svg.append(String.format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#222\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#222\"/>",
          px, lo, px, hi, px, f.py(p[1])));
    }
    svg.append("</g>");
    svg.append(String.format("<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\""
        + " text-anchor=\"middle\">%s%s</text>", (LEFT + W - RIGHT) / 2, H - 10,
        HtmlReport.escape(series.path("x_label").asText()), logX ? " (log scale)" : ""));
    // The y label sits above the plot, horizontal: rotated along the axis, a long one is cut.
    svg.append(String.format("<text x=\"%.1f\" y=\"18\" font-size=\"14\">%s (log scale)"
        + "</text>", LEFT, HtmlReport.escape(series.path("y_label").asText())));
    svg.append(String.format("<text x=\"%.1f\" y=\"40\" font-size=\"13\"><tspan"
        + " fill=\"#1f5fbf\">&#8212; fitted slope %s</tspan>   <tspan fill=\"#c0392b\">- -"
        + " predicted slope %s</tspan></text>", LEFT, num(fitted), num(predicted)));
    return svg.append("</svg>").toString();
  }

  private static void line(StringBuilder svg, Frame f, double cu, double cv, double slope,
      String colour, String dash) {
    if (Double.isNaN(slope) || Double.isInfinite(slope)) {
      return;
    }
    svg.append(String.format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
        + " stroke=\"%s\" stroke-width=\"1.5\"%s/>", f.px(f.u0), f.py(cv + slope * (f.u0 - cu)),
        f.px(f.u1), f.py(cv + slope * (f.u1 - cu)), colour, dash));
  }

  private static double logOrNaN(JsonNode n) {
    double x = n.isNumber() ? n.asDouble() : Double.NaN;
    if (n.isTextual()) {
      x = n.asText().equals("Infinity") ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return x > 0 && !Double.isInfinite(x) ? Math.log(x) : Double.NaN;
  }

  /** Min and max over columns a, b, c (NaN skipped), padded by 8%. */
  private static double[] range(List<double[]> pts, int a, int b, int c) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] p : pts) {
      for (int i : new int[] {a, b, c}) {
        if (!Double.isNaN(p[i])) {
          lo = Math.min(lo, p[i]);
          hi = Math.max(hi, p[i]);
        }
      }
    }
    double pad = hi > lo ? 0.08 * (hi - lo) : 0.5;
    return new double[] {lo - pad, hi + pad};
  }

  /** Tick values in natural units within [lo, hi] (logs if {@code log}). */
  private static List<Double> ticks(double lo, double hi, boolean log) {
    List<Double> out = new ArrayList<>();
    if (log) {
      for (int[] mantissas : new int[][] {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
        out.clear();
        for (int k = (int) Math.floor(lo / Math.log(10)); k <= Math.ceil(hi / Math.log(10)); k++) {
          for (int m : mantissas) {
            double t = m * Math.pow(10, k);
            if (Math.log(t) >= lo && Math.log(t) <= hi) {
              out.add(t);
            }
          }
        }
        if (out.size() >= 3) {
          return out;
        }
      }
      return out;
    }
    double step = Math.pow(10, Math.floor(Math.log10((hi - lo) / 5)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if ((hi - lo) / (m * step) <= 6) {
        step *= m;
        break;
      }
    }
    for (double t = Math.ceil(lo / step) * step; t <= hi; t += step) {
      out.add(t);
    }
    return out;
  }

  /** A tick label ({@link Numbers#format(double)}), e.g. 0.02, 1e-5. */
  private static String tick(double t) {
    return Numbers.format(t);
  }

  /** Plot coordinates to pixels. */
  private record Frame(double u0, double u1, double v0, double v1) {
    double px(double u) {
      return LEFT + (u - u0) / (u1 - u0) * (W - LEFT - RIGHT);
    }

    double py(double v) {
      return H - BOTTOM - (v - v0) / (v1 - v0) * (H - TOP - BOTTOM);
    }
  }
}
