package org.pgbarrier.properties;

import org.pgbarrier.properties.engine.StatisticalProperty.Decision;
import org.pgbarrier.properties.stats.QuantileInterval;
import org.pgbarrier.properties.stats.SlopeInterval;

/**
 * The decision rule shared by the scaling checks: at each of {@code J} design points a
 * distribution-free median box of the sampled statistic at level {@code a/J} ({@link
 * QuantileInterval}, in log scale), and the set of slopes of lines through all boxes ({@link
 * SlopeInterval}). If the medians follow {@code C x^s} exactly, every box covers its median with
 * probability at least {@code 1 - a/J}, so (Bonferroni) {@code s} is in the set with probability
 * at least {@code 1 - a}; the rule rejects iff the predicted exponent is not in the set.
 */
final class MedianPowerLaw {
  private MedianPowerLaw() {}

  /**
   * @param t the abscissae (logs of the design variable), strictly increasing
   * @param samples {@code samples[j]}: independent draws of the statistic at design point {@code j}
   * @param level the check's false-alarm share {@code a}
   * @param predicted the predicted exponent
   * @param where what the abscissa and the design are, for the record
   * @return the decision: statistic = the chord slope through the first and last sample medians,
   *     bound = the prediction
   */
  static Decision decide(
      double[] t, double[][] samples, double level, double predicted, String where) {
    int points = t.length;
    QuantileInterval[] boxes = new QuantileInterval[points];
    StringBuilder detail = new StringBuilder("medians [boxes]:");
    for (int j = 0; j < points; j++) {
      QuantileInterval box = QuantileInterval.median(samples[j], level / points);
      boxes[j] = box.log();
      detail.append(' ').append(box);
    }
    SlopeInterval slopes = SlopeInterval.through(t, boxes);
    double chord = (boxes[points - 1].estimate() - boxes[0].estimate()) / (t[points - 1] - t[0]);
    detail.append("; slope set ").append(slopes).append(", chord of the medians ")
        .append(String.format("%.4g", chord)).append(", predicted ").append(predicted)
        .append(" (abscissa ").append(where).append(')');
    return new Decision(!slopes.contains(predicted), chord, predicted, detail.toString());
  }
}
