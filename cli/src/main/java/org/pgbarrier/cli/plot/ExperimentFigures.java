package org.pgbarrier.cli.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.pgbarrier.experiment.CdfResult;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.Histogram;
import org.pgbarrier.experiment.LikelihoodHistory;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.experiment.StepCurve;

/**
 * The figures of the authors' experiments [CODE: utils/plotting.py; docs/theory.md §7], drawn from
 * the results (or artifacts read back), each as PNG and SVG:
 *
 * <ul>
 *   <li>a PG run {@code NAME}: {@code NAME_base_histogram} (the pool's base likelihoods {@code
 *       q(y*|x)}), {@code NAME_likelihood} (each tracked sample's {@code p_w(y*|x)} against the PG
 *       step, log x axis, coloured by its base likelihood), {@code NAME_test_error};
 *   <li>the cdf run: {@code cdf_quantile_cdf} ({@code P[q(y*|x) <= alpha]}), {@code
 *       cdf_quantile_quantile} ({@code Q_q(eps)}, log y axis), {@code cdf_quantile_alpha_tail}
 *       ({@code alpha P[q > alpha]}), one curve per checkpoint coloured by its step;
 *   <li>outcome against process: {@code comparison_off_support} (the average likelihood of the
 *       off-support samples) and {@code comparison_test_error}.
 * </ul>
 */
public final class ExperimentFigures {
  /** Likelihoods below this are drawn at it on log axes. */
  private static final double LIKELIHOOD_FLOOR = 1e-300;

  /** Tracked curves named in the legend: at most this many, evenly spread over the samples. */
  private static final int LEGEND_CURVES = 5;

  private ExperimentFigures() {}

  /** Draws the figures of one run into {@code dir}; returns the files written. */
  public static List<Path> draw(ExperimentResult result, Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    if (result instanceof PgResult pg) {
      String name = pg.name();
      files.addAll(List.of(histogram(pg).write(dir, name + "_base_histogram")));
      files.addAll(List.of(trackedLikelihoods(pg).write(dir, name + "_likelihood")));
      files.addAll(List.of(testError(pg).write(dir, name + "_test_error")));
    } else {
      CdfResult cdf = (CdfResult) result;
      files.addAll(List.of(cdfCurves(cdf).write(dir, "cdf_quantile_cdf")));
      files.addAll(List.of(quantileCurves(cdf).write(dir, "cdf_quantile_quantile")));
      files.addAll(List.of(alphaTailCurves(cdf).write(dir, "cdf_quantile_alpha_tail")));
    }
    return files;
  }

  /**
   * Draws the two outcome-versus-process figures into {@code dir}; the off-support figure only
   * when both runs have off-support samples. Returns the files written.
   */
  public static List<Path> compare(PgResult outcome, PgResult process, Path dir)
      throws IOException {
    List<Path> files = new ArrayList<>();
    if (outcome.offSupportCount() > 0 && process.offSupportCount() > 0) {
      Figure figure = new Figure("Off-support samples: average likelihood", "PG step",
          "mean p_w(y*|x) over base likelihood < "
              + format(outcome.settings().tracking().threshold()));
      curve(figure, "outcome reward (" + samples(outcome.offSupportCount()) + ")",
          outcome.offSupportLikelihood(), Palette.categorical(0));
      curve(figure, "process reward (" + samples(process.offSupportCount()) + ")",
          process.offSupportLikelihood(), Palette.categorical(1));
      files.addAll(List.of(figure.legend(LegendPosition.InsideNW)
          .write(dir, "comparison_off_support")));
    }
    Figure error = new Figure("Test error", "PG step", "1 - mean_x p_w(y*|x)");
    curve(error, "outcome reward", outcome.pgError(), Palette.categorical(0));
    curve(error, "process reward", process.pgError(), Palette.categorical(1));
    files.addAll(List.of(error.write(dir, "comparison_test_error")));
    return files;
  }

  private static Figure histogram(PgResult pg) {
    Histogram h = pg.baseHistogram();
    double[] counts = Arrays.stream(h.counts()).asDoubleStream().toArray();
    return new Figure("Base likelihoods of the tracking pool (" + pg.name() + ")",
        "q(y*|x)", "samples")
        .histogram(null, h.edges(), counts, Palette.categorical(0))
        .legend(null);
  }

  private static Figure trackedLikelihoods(PgResult pg) {
    LikelihoodHistory history = pg.tracked();
    double[] x = Arrays.stream(history.steps()).asDoubleStream().toArray();
    double[] base = pg.poolBaseLogLikelihoods();
    int[] pool = history.poolIndices();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int index : pool) {
      lo = Math.min(lo, base[index]);
      hi = Math.max(hi, base[index]);
    }
    Figure figure = new Figure("Tracked samples (" + pg.name() + "), coloured by base likelihood",
        "PG step (step 0 drawn at 1)", "p_w(y*|x)").logX(1).yRange(0, 1)
        .legend(LegendPosition.InsideNW);
    double[][] rows = history.logLikelihoods();
    int labelEvery = Math.max(1, (pool.length + LEGEND_CURVES - 1) / LEGEND_CURVES);
    for (int j = 0; j < pool.length; j++) {
      double[] y = new double[x.length];
      for (int t = 0; t < x.length; t++) {
        y[t] = Math.exp(rows[t][j]);
      }
      double shade = hi > lo ? (base[pool[j]] - lo) / (hi - lo) : 1;
      String label = j % labelEvery == 0 || j == pool.length - 1
          ? "q = " + format(Math.exp(base[pool[j]])) : null;
      figure.line(label, x, y, Palette.viridis(shade));
    }
    return figure;
  }

  private static Figure testError(PgResult pg) {
    Figure figure = new Figure("Test error during PG (" + pg.name() + ")", "PG step",
        "1 - mean_x p_w(y*|x)").legend(null);
    curve(figure, null, pg.pgError(), Palette.categorical(0));
    return figure;
  }

  private static Figure cdfCurves(CdfResult cdf) {
    Figure figure = new Figure("Likelihood CDF across pre-training", "alpha",
        "P[q(y*|x) <= alpha]").legend(LegendPosition.InsideSE);
    return perCheckpoint(figure, cdf, cdf.alphaGrid(), cdf.cdf(), false);
  }

  private static Figure quantileCurves(CdfResult cdf) {
    Figure figure = new Figure("Likelihood quantile across pre-training", "eps",
        "Q_q(eps)").logY(LIKELIHOOD_FLOOR).legend(LegendPosition.InsideSE);
    return perCheckpoint(figure, cdf, cdf.epsGrid(), cdf.logQuantile(), true);
  }

  private static Figure alphaTailCurves(CdfResult cdf) {
    Figure figure = new Figure("Alpha-tail across pre-training", "alpha",
        "alpha P[q(y*|x) > alpha]").legend(LegendPosition.InsideNE);
    return perCheckpoint(figure, cdf, cdf.alphaGrid(), cdf.alphaTail(), false);
  }

  private static Figure perCheckpoint(
      Figure figure, CdfResult cdf, double[] x, double[][] rows, boolean logValues) {
    int[] steps = cdf.steps();
    for (int c = 0; c < steps.length; c++) {
      double[] y = logValues ? Arrays.stream(rows[c]).map(Math::exp).toArray() : rows[c];
      Color colour = Palette.viridis(steps.length == 1 ? 1 : (double) c / (steps.length - 1));
      boolean named = c == 0 || c == steps.length - 1 || c == steps.length / 2;
      figure.line(named ? "step " + steps[c] : null, x, y, colour);
    }
    return figure;
  }

  private static void curve(Figure figure, String label, StepCurve curve, Color colour) {
    double[] x = Arrays.stream(curve.steps()).asDoubleStream().toArray();
    figure.line(label, x, curve.values(), colour);
  }

  private static String samples(int count) {
    return count == 1 ? "1 sample" : count + " samples";
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
