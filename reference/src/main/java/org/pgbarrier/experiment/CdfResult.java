package org.pgbarrier.experiment;

import java.util.Objects;
import org.pgbarrier.Checks;

/**
 * The result of a {@code cdf_quantile} run ({@link CdfExperiment}): per pre-training checkpoint
 * {@code c} (step {@code steps[c]}, {@code w = 0} first), on the {@code cdf_samples} contexts,
 *
 * <pre>
 *   cdf[c][j]          = F_q(alpha_j)       = #{x : q(y*|x) <= alpha_j} / n
 *   alphaTail[c][j]    = alpha_j P[q > alpha_j]
 *   logQuantile[c][j]  = log of the authors' Q_q(eps_j): the sorted q(y*|x) at position floor(eps_j (n-1))
 * </pre>
 *
 * ({@code LikelihoodCdf}, {@code LikelihoodQuantile.authorsLogAt} [CODE: utils/plotting.py]),
 * and the test error of each checkpoint on the test set. Immutable.
 *
 * @param settings the settings it ran with
 * @param steps the checkpoints' pre-training steps: {@code 0, P, 2P, ..., M P}
 * @param testError {@code 1 - mean_x p_w(y*|x)} on the test set, per checkpoint
 * @param alphaGrid the likelihood levels {@code alpha_j}
 * @param epsGrid the quantile levels {@code eps_j}
 * @param cdf per checkpoint, per {@code alpha_j}
 * @param alphaTail per checkpoint, per {@code alpha_j}
 * @param logQuantile per checkpoint, per {@code eps_j} (natural log)
 * @param timings wall time per phase: {@code data}, {@code supervised}, {@code curves}
 */
public record CdfResult(
    CdfExperimentSettings settings,
    int[] steps,
    double[] testError,
    double[] alphaGrid,
    double[] epsGrid,
    double[][] cdf,
    double[][] alphaTail,
    double[][] logQuantile,
    Timings timings)
    implements ExperimentResult {
  public CdfResult {
    Objects.requireNonNull(settings, "settings");
    StepCurve.checkSteps(steps);
    Checks.length("testError", testError.length, steps.length);
    steps = steps.clone();
    testError = testError.clone();
    alphaGrid = alphaGrid.clone();
    epsGrid = epsGrid.clone();
    cdf = rows("cdf", cdf, steps.length, alphaGrid.length);
    alphaTail = rows("alphaTail", alphaTail, steps.length, alphaGrid.length);
    logQuantile = rows("logQuantile", logQuantile, steps.length, epsGrid.length);
    Objects.requireNonNull(timings, "timings");
  }

  private static double[][] rows(String name, double[][] m, int rows, int columns) {
    Checks.length(name, m.length, rows);
    double[][] copy = new double[rows][];
    for (int r = 0; r < rows; r++) {
      Checks.length(name + "[" + r + "]", m[r].length, columns);
      copy[r] = m[r].clone();
    }
    return copy;
  }

  @Override
  public int[] steps() {
    return steps.clone();
  }

  @Override
  public double[] testError() {
    return testError.clone();
  }

  @Override
  public double[] alphaGrid() {
    return alphaGrid.clone();
  }

  @Override
  public double[] epsGrid() {
    return epsGrid.clone();
  }

  @Override
  public double[][] cdf() {
    return rows("cdf", cdf, cdf.length, alphaGrid.length);
  }

  @Override
  public double[][] alphaTail() {
    return rows("alphaTail", alphaTail, alphaTail.length, alphaGrid.length);
  }

  @Override
  public double[][] logQuantile() {
    return rows("logQuantile", logQuantile, logQuantile.length, epsGrid.length);
  }

  /** {@code cdf_quantile} [CODE: main.py]. */
  @Override
  public String name() {
    return "cdf_quantile";
  }
}
