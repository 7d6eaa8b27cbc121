package org.pgbarrier.support;

import org.pgbarrier.Checks;
import org.pgbarrier.kernel.LogSumExp;

/**
 * The KL-regularised optimum as a reweighting of the reference [RECONSTRUCTED, docs/theory.md
 * §10.5: the Gibbs variational principle behind Paper B's "reweighted Boltzmann distribution",
 * SOURCE: project page of arXiv 2605.08368]:
 *
 * <pre>
 *   argmax_pi  E_pi[r] - beta KL(pi || pi_ref)  =  pi_ref e^{r/beta} / Z,
 *   max value  = beta log Z,   Z = sum_y pi_ref(y) e^{r(y)/beta},
 * </pre>
 *
 * computed in log space as a softmax of {@code log pi_ref + r/beta} with {@code log 0 = -inf}, so
 * that {@code pi_ref(y) = 0} gives exactly {@code pi(y) = 0}: reweighting cannot leave the strict
 * support (the singular regime stays singular).
 */
public final class GibbsReweighting {
  private GibbsReweighting() {}

  /**
   * The optimum {@code pi_ref e^{r/beta}/Z}.
   *
   * @param reference {@code pi_ref}, a probability vector
   * @param reward finite rewards {@code r(y)}, same length
   * @param beta the KL weight, {@code > 0}
   */
  public static double[] optimum(double[] reference, double[] reward, double beta) {
    double[] logits = logits(reference, reward, beta);
    double[] pi = new double[logits.length];
    LogSumExp.softmax(logits, logits.length, pi);
    return pi;
  }

  /** The optimal value {@code beta log Z}. */
  public static double optimalValue(double[] reference, double[] reward, double beta) {
    double[] logits = logits(reference, reward, beta);
    return beta * LogSumExp.of(logits, logits.length);
  }

  /**
   * The objective {@code E_pi[r] - beta KL(pi || pi_ref)}; {@code -inf} if {@code pi} puts mass
   * where {@code pi_ref} has none.
   */
  public static double objective(double[] pi, double[] reference, double[] reward, double beta) {
    Checks.length("reward", reward.length, pi.length);
    double expected = 0;
    for (int y = 0; y < pi.length; y++) {
      expected += pi[y] * reward[y];
    }
    return expected - beta * DivergenceBudget.kl(pi, reference);
  }

  private static double[] logits(double[] reference, double[] reward, double beta) {
    Checks.length("reward", reward.length, reference.length);
    Checks.finite("reward", reward);
    Checks.positive("beta", beta);
    double[] logits = new double[reference.length];
    for (int y = 0; y < logits.length; y++) {
      Checks.inRange("reference[" + y + "]", reference[y], 0, 1);
      logits[y] = Math.log(reference[y]) + reward[y] / beta;
    }
    return logits;
  }
}
