package org.pgbarrier.cli.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pgbarrier.Checks;
import org.pgbarrier.experiment.CdfResult;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.Histogram;
import org.pgbarrier.experiment.LikelihoodHistory;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.experiment.StepCurve;

/**
 * The figures of the authors' experiments [CODE: utils/plotting.py; docs/theory.md §7], drawn from
 * the results (or artifacts read back), each as PNG, SVG and PDF ({@link Figure}):
 *
 * <ul>
 *   <li>a PG run {@code NAME}: {@code NAME_base_histogram} (the pool's base likelihoods {@code
 *       q(y*|x)}), {@code NAME_likelihood} (each tracked sample's {@code p_w(y*|x)} against the PG
 *       step on a log axis, coloured by its base likelihood, with a colour bar as the authors'
 *       {@code --colorbar}), {@code NAME_test_error};
 *   <li>the cdf run: {@code cdf_quantile_cdf} ({@code P[q(y*|x) <= alpha]}), {@code
 *       cdf_quantile_quantile} ({@code Q_q(eps)}, log y axis), {@code cdf_quantile_alpha_tail}
 *       ({@code alpha P[q > alpha]}), one curve per checkpoint coloured by its step;
 *   <li>outcome against process: {@code comparison_off_support} (the average likelihood of the
 *       off-support samples, log step axis as the authors' {@code
 *       compare_outcome_process_off_support}) and {@code comparison_test_error}.
 * </ul>
 */
public final class ExperimentFigures {
  /** Outcome reward is drawn in black and process reward in orange, as in the paper's Figure 1. */
  private static final Color OUTCOME = new Color(0x222222);

  private static final Color PROCESS = Palette.categorical(1);

  private static final String LIKELIHOOD = "p_{w}(y^{*}|x)";

  private static final String BASE = "q(y^{*}|x)";

  private ExperimentFigures() {}

  /**
   * How {@code plot} draws, the options of the authors' {@code main.py plot} [CODE: main.py,
   * utils/plotting.py].
   *
   * @param emaBeta {@code --ema_beta}: the tracked likelihood curves are smoothed as the authors
   *     do, {@code s_0 = p_0, s_t = beta s_(t-1) + (1 - beta) p_t} over the recorded points, on
   *     the likelihood scale; {@code 0} draws them as recorded. In {@code [0, 1)}
   * @param colourBar {@code --colorbar}: the tracked-likelihood figure carries its colour bar
   *     (on by default here; the authors' default is off)
   * @param offset {@code --offset}: the test-error figures start at this PG step
   * @param legend not {@code --no-legend}: the comparison figures carry their legend
   */
  public record Options(double emaBeta, boolean colourBar, int offset, boolean legend) {
    /** What {@code run} and {@code reproduce} draw. */
    public static final Options DEFAULT = new Options(0, true, 0, true);

    /** Validates the ranges the authors' code checks or assumes. */
    public Options {
      if (!(emaBeta >= 0 && emaBeta < 1)) {
        throw new IllegalArgumentException("--ema_beta = " + emaBeta + ": must be in [0, 1)");
      }
      Checks.atLeast("--offset", offset, 0);
    }
  }

  /** The two outcome-versus-process figures, by the authors' plot names [CODE: main.py]. */
  public enum Comparison {
    /** {@code comparison_off_support}, the authors' {@code compare_outcome_process_off_support}. */
    OFF_SUPPORT,
    /** {@code comparison_test_error}, the authors' {@code compare_outcome_process_err}. */
    TEST_ERROR
  }

  /** Draws the figures of one run into {@code dir}; returns the files written. */
  public static List<Path> draw(ExperimentResult result, Path dir) throws IOException {
    return draw(result, dir, Options.DEFAULT);
  }

  /** Draws the figures of one run into {@code dir} as {@code options} say. */
  public static List<Path> draw(ExperimentResult result, Path dir, Options options)
      throws IOException {
    List<Path> files = new ArrayList<>();
    if (result instanceof PgResult pg) {
      String name = pg.name();
      files.addAll(List.of(histogram(pg).write(dir, name + "_base_histogram")));
      files.addAll(List.of(trackedLikelihoods(pg, options).write(dir, name + "_likelihood")));
      files.addAll(List.of(testError(pg, options).write(dir, name + "_test_error")));
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
   *
   * <p>The authors draw the off-support figure from their threshold-tracking runs, as the mean of
   * the tracked likelihoods [CODE: main.py, compare_outcome_process_off_support]. Threshold
   * tracking tracks exactly the pool samples below {@code initial_likelihood_threshold} (when
   * there are at most {@code max_tracked_samples}, the default), and tracking only observes the
   * weights, so that mean is, step for step, the off-support average every run records: the
   * figure is the same from a uniform or a threshold run.
   */
  public static List<Path> compare(PgResult outcome, PgResult process, Path dir)
      throws IOException {
    return compare(outcome, process, dir, Options.DEFAULT, EnumSet.allOf(Comparison.class));
  }

  /** The figures {@code which} of {@link #compare(PgResult, PgResult, Path)}, drawn as told. */
  public static List<Path> compare(PgResult outcome, PgResult process, Path dir, Options options,
      Set<Comparison> which) throws IOException {
    List<Path> files = new ArrayList<>();
    Figure.Legend none = Figure.Legend.NONE;
    if (which.contains(Comparison.OFF_SUPPORT) && outcome.offSupportCount() > 0
        && process.offSupportCount() > 0) {
      double threshold = outcome.settings().tracking().threshold();
      String who = outcome.offSupportCount() == process.offSupportCount()
          ? outcome.offSupportCount() + " of " + outcome.poolBaseLogLikelihoods().length
          : outcome.offSupportCount() + " and " + process.offSupportCount();
      Figure figure = new Figure(
          "Off-support samples (" + BASE + " < " + number(threshold) + ": " + who + ")",
          "PG step (step 0 drawn at 1)", "mean " + LIKELIHOOD + " over off-support samples")
          .logX(1).yRange(-0.02, 1.02)
          .legend(options.legend() ? Figure.Legend.NORTH_WEST : none);
      curve(figure, "outcome reward", outcome.offSupportLikelihood(), OUTCOME);
      curve(figure, "process reward", process.offSupportLikelihood(), PROCESS);
      files.addAll(List.of(figure.write(dir, "comparison_off_support")));
    }
    if (which.contains(Comparison.TEST_ERROR)) {
      Figure error = new Figure("Test error during PG: outcome vs process reward", "PG step",
          "test error  1 \u2212 E_{x}[" + LIKELIHOOD + "]")
          .legend(options.legend() ? Figure.Legend.NORTH_EAST : none);
      curve(error, "outcome reward", outcome.pgError(), OUTCOME, options.offset());
      curve(error, "process reward", process.pgError(), PROCESS, options.offset());
      files.addAll(List.of(error.write(dir, "comparison_test_error")));
    }
    return files;
  }

  /** {@code Outcome reward} or {@code Process reward} for a run name, else the name itself. */
  static String reward(PgResult pg) {
    String name = pg.name();
    if (name.startsWith("outcome_reward")) {
      return "Outcome reward";
    }
    if (name.startsWith("process_reward")) {
      return "Process reward";
    }
    return name;
  }

  private static Figure histogram(PgResult pg) {
    Histogram h = pg.baseHistogram();
    double[] counts = Arrays.stream(h.counts()).asDoubleStream().toArray();
    return new Figure(reward(pg) + ": base likelihoods of the " + pool(pg),
        "base likelihood " + BASE, "samples")
        .countsOnY()
        .histogram(null, h.edges(), counts, Palette.categorical(0))
        .legend(Figure.Legend.NONE);
  }

  private static Figure trackedLikelihoods(PgResult pg, Options options) {
    LikelihoodHistory history = pg.tracked();
    double[] x = Arrays.stream(history.steps()).asDoubleStream().toArray();
    double[] base = pg.poolBaseLogLikelihoods();
    int[] pool = history.poolIndices();
    double lo = Double.POSITIVE_INFINITY;
    for (int index : pool) {
      lo = Math.min(lo, base[index] / Math.log(10));
    }
    // the colour scale runs over whole decades, from the lowest tracked one up to 1
    double decadeLo = Math.min(-1, Math.floor(lo));
    String smoothed = options.emaBeta() == 0 ? ""
        : " (EMA, \u03b2 = " + number(options.emaBeta()) + ")";
    Figure figure = new Figure(reward(pg) + ": likelihood of the " + pool.length
        + " tracked samples during PG" + smoothed, "PG step (step 0 drawn at 1)", LIKELIHOOD)
        .logX(1).yRange(-0.02, 1.02).legend(Figure.Legend.NONE);
    if (options.colourBar()) {
      figure.colourBar("base likelihood " + BASE, Math.pow(10, decadeLo), 1, true);
    }
    double[][] rows = history.logLikelihoods();
    for (int j = 0; j < pool.length; j++) {
      double[] y = new double[x.length];
      for (int t = 0; t < x.length; t++) {
        y[t] = Math.exp(rows[t][j]);
      }
      emaInPlace(y, options.emaBeta());
      double shade = (base[pool[j]] / Math.log(10) - decadeLo) / -decadeLo;
      figure.line(null, x, y, Palette.sequential(shade));
    }
    return figure;
  }

  private static Figure testError(PgResult pg, Options options) {
    Figure figure = new Figure(reward(pg) + ": test error during PG", "PG step",
        "test error  1 \u2212 E_{x}[" + LIKELIHOOD + "]").legend(Figure.Legend.NONE);
    curve(figure, null, pg.pgError(), Palette.categorical(0), options.offset());
    return figure;
  }

  /**
   * The authors' exponential moving average, in place [CODE: utils/plotting.py,
   * plot_likelihood_over_time]: {@code y_t <- beta y_(t-1) + (1 - beta) y_t} for {@code t >= 1},
   * {@code y_(t-1)} already smoothed.
   */
  static void emaInPlace(double[] y, double beta) {
    if (beta == 0) {
      return;
    }
    for (int t = 1; t < y.length; t++) {
      y[t] = beta * y[t - 1] + (1 - beta) * y[t];
    }
  }

  private static Figure cdfCurves(CdfResult cdf) {
    Figure figure = new Figure("Likelihood CDF across pre-training", "\u03b1",
        "P[" + BASE + " \u2264 \u03b1]");
    return perCheckpoint(figure, cdf, cdf.alphaGrid(), cdf.cdf(), false);
  }

  private static Figure quantileCurves(CdfResult cdf) {
    double lowest = Double.POSITIVE_INFINITY;
    for (double[] row : cdf.logQuantile()) {
      for (double v : row) {
        lowest = Math.min(lowest, v / Math.log(10));
      }
    }
    // underflowed quantiles (exp gives 0) are drawn a decade below the lowest decade reached
    double floor = Math.pow(10, Math.max(-300, Math.floor(lowest) - 1));
    // the authors' plotting index floor(eps (n - 1)) (docs/theory.md §3.6), not the paper's
    // estimator v_(floor(eps n) + 1): the title says so
    Figure figure = new Figure("Likelihood quantile across pre-training (the authors' index"
        + " \u230a\u03b5(n\u22121)\u230b)", "\u03b5", "Q_{q}(\u03b5)").logY(floor);
    return perCheckpoint(figure, cdf, cdf.epsGrid(), cdf.logQuantile(), true);
  }

  private static Figure alphaTailCurves(CdfResult cdf) {
    Figure figure = new Figure("\u03b1-tail across pre-training", "\u03b1",
        "\u03b1 P[" + BASE + " > \u03b1]");
    return perCheckpoint(figure, cdf, cdf.alphaGrid(), cdf.alphaTail(), false);
  }

  private static Figure perCheckpoint(
      Figure figure, CdfResult cdf, double[] x, double[][] rows, boolean logValues) {
    int[] steps = cdf.steps();
    figure.legend(Figure.Legend.NONE);
    if (steps.length > 1) {
      figure.colourBar("pre-training step", steps[0], steps[steps.length - 1], false);
    }
    for (int c = 0; c < steps.length; c++) {
      double[] y = logValues ? Arrays.stream(rows[c]).map(Math::exp).toArray() : rows[c];
      double shade = steps.length == 1 ? 1
          : (double) (steps[c] - steps[0]) / (steps[steps.length - 1] - steps[0]);
      figure.line(null, x, y, Palette.sequential(shade));
    }
    return figure;
  }

  private static void curve(Figure figure, String label, StepCurve curve, Color colour) {
    curve(figure, label, curve, colour, 0);
  }

  /** The points of {@code curve} at PG steps {@code >= offset} (the authors' {@code --offset}). */
  private static void curve(Figure figure, String label, StepCurve curve, Color colour,
      int offset) {
    int[] steps = curve.steps();
    int from = 0;
    while (from < steps.length && steps[from] < offset) {
      from++;
    }
    double[] x = Arrays.stream(steps, from, steps.length).asDoubleStream().toArray();
    figure.line(label, x, Arrays.copyOfRange(curve.values(), from, steps.length), colour);
  }

  private static String pool(PgResult pg) {
    int n = pg.poolBaseLogLikelihoods().length;
    return n == 1 ? "1 pool sample" : n + " pool samples";
  }

  /** {@code 10⁻¹²} for a power of ten, else three significant digits. */
  static String number(double value) {
    double k = Math.log10(value);
    if (Math.abs(k - Math.rint(k)) < 1e-9) {
      return Axes.decade((int) Math.rint(k), false);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
