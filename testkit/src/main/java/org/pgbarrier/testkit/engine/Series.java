package org.pgbarrier.testkit.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The measured points of a scaling check, for its figure in the claims report: each point is an
 * estimate with its confidence interval at one design value, in natural units, plus the fitted
 * and the predicted slope in the plot's coordinates ({@code d log y / d log x} on {@link
 * Scale#LOG_LOG} axes, {@code d log y / d x} on {@link Scale#LOG_LINEAR} axes, natural logs).
 *
 * @param xLabel the design variable, e.g. {@code n} or {@code 1/alpha}
 * @param yLabel the measured statistic, e.g. {@code median test error}
 * @param scale how the axes are drawn
 * @param points the measurements, in increasing {@code x}
 * @param fitted the slope fitted to the estimates (the check's statistic, where it is a slope)
 * @param predicted the slope the claim predicts
 */
@JsonPropertyOrder({"x_label", "y_label", "scale", "fitted", "predicted", "points"})
public record Series(
    @JsonProperty("x_label") String xLabel,
    @JsonProperty("y_label") String yLabel,
    Scale scale,
    List<Point> points,
    double fitted,
    double predicted) {

  /** Log-log for power laws; log-linear (log y against x) for exponential laws. */
  public enum Scale { LOG_LOG, LOG_LINEAR }

  /**
   * One measurement: {@code estimate} of the statistic at design value {@code x}, with a
   * confidence interval {@code [lower, upper]} (an infinite or non-positive end is drawn to the
   * edge of the plot).
   */
  public record Point(double x, double estimate, double lower, double upper) {}

  public Series {
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    Objects.requireNonNull(scale, "scale");
    if (points == null || points.isEmpty()) {
      throw new IllegalArgumentException("points = " + points + ": must hold at least one point");
    }
    points = List.copyOf(points);
  }
}
