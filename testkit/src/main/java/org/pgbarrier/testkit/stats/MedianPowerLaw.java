package org.pgbarrier.testkit.stats;

import java.util.ArrayList;
import java.util.List;
import org.pgbarrier.Checks;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.Series;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.stats.QuantileInterval;
import org.pgbarrier.testkit.stats.SlopeInterval;

/**
 * The decision rule shared by the scaling checks: at each of {@code J} design points a
 * distribution-free median box of the sampled statistic at level {@code a/J} ({@link
 * QuantileInterval}, in log scale), and the set of slopes of lines through all boxes ({@link
 * SlopeInterval}). If the medians follow {@code C x^s} exactly, every box covers its median with
 * probability at least {@code 1 - a/J}, so (Bonferroni) {@code s} is in the set with probability
 * at least {@code 1 - a}; the rule rejects iff the predicted exponent is not in the set. The
 * decision carries the boxes as a log-log {@link Series} for the claims report.
 */
public final class MedianPowerLaw {
  private MedianPowerLaw() {}

  /**
   * @param t the abscissae (logs of the design variable), strictly increasing
   * @param samples {@code samples[j]}: independent draws of the statistic at design point {@code j}
   * @param level the check's false-alarm share {@code a}
   * @param predicted the predicted exponent
   * @param where what the abscissa and the design are, for the record, starting {@code log x,}
   *     where {@code x} names the design variable (it labels the figure's axis)
   * @return the decision: statistic = the chord slope through the first and last sample medians,
   *     bound = the prediction; series = the median boxes against {@code exp(t)}
   */
  public static Decision decide(
      double[] t, double[][] samples, double level, double predicted, String where) {
    return decideBand(t, samples, level, predicted, predicted, where);
  }

  /**
   * The rule with a band of exponents {@code [from, to]} in place of one: it rejects iff no line
   * with a slope in the band meets every box. If the true medians lie on a line of some slope in
   * the band (with two design points: if their chord slope is in the band), every box covers its
   * median with probability at least {@code 1 - a/J}, and then that line meets every box: false
   * alarm at most {@code a}.
   *
   * @param from the smallest exponent of the band
   * @param to the largest exponent of the band, {@code >= from}
   * @return as {@link #decide}, bound = the band's midpoint
   */
  public static Decision decideBand(
      double[] t, double[][] samples, double level, double from, double to, String where) {
    Checks.atLeast("to", to, "from", from);
    double predicted = (from + to) / 2;
    int points = t.length;
    QuantileInterval[] boxes = new QuantileInterval[points];
    List<Series.Point> figure = new ArrayList<>();
    StringBuilder detail = new StringBuilder("medians [boxes]:");
    for (int j = 0; j < points; j++) {
      QuantileInterval box = QuantileInterval.median(samples[j], level / points);
      boxes[j] = box.log();
      detail.append(' ').append(box);
      figure.add(new Series.Point(Math.exp(t[j]), box.estimate(), box.lower(), box.upper()));
    }
    SlopeInterval slopes = SlopeInterval.through(t, boxes);
    double chord = (boxes[points - 1].estimate() - boxes[0].estimate()) / (t[points - 1] - t[0]);
    detail.append("; slope set ").append(slopes).append(", chord of the medians ")
        .append(String.format("%.4g", chord))
        .append(from == to ? ", predicted " + from : ", band [" + from + ", " + to + "]")
        .append(" (abscissa ").append(where).append(')');
    String axis = where.split(",", 2)[0].replaceFirst("^log ", "").trim();
    String median = String.format("median (box level %.2g)", level / points);
    Series series = new Series(axis, median, Series.Scale.LOG_LOG, figure, chord, predicted);
    return new Decision(!slopes.meets(from, to), chord, Comparison.CONSISTENT, predicted,
        detail.toString(), series);
  }
}
