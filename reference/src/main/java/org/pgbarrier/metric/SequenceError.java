package org.pgbarrier.metric;

import java.util.List;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.FiniteDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * The sequence (sampling) error {@code 1 - p_w(y*|x)} and its expectation over contexts, the
 * paper's test error {@code E_x[1 - p_w(y*|x)] = 1 - E_x p_w(y*|x)} (docs/theory.md §2.5; [CODE:
 * utils/metrics.py::eval_sequence_error], which draws one response per test context and reports
 * {@code 1 -} the fraction equal to {@code y*}, an unbiased estimate of the expectation computed
 * here exactly).
 *
 * <p>Computed from {@code log p} as {@code -expm1(log p)}, so that an error near 0 keeps its
 * relative accuracy (where {@code 1 - exp(log p)} would round to 0), and averaged as {@code
 * sum_c w_c (1 - p_c) / sum_c w_c}, never as {@code 1 - mean p}.
 */
public final class SequenceError {
  private SequenceError() {}

  /**
   * {@code 1 - exp(logLikelihood)}, computed as {@code -expm1(logLikelihood)}, for {@code
   * logLikelihood in [-inf, 0]}.
   */
  public static double fromLogLikelihood(double logLikelihood) {
    Checks.inRange("log p", logLikelihood, Double.NEGATIVE_INFINITY, 0);
    return -Math.expm1(logLikelihood);
  }

  /** {@code 1 - p_w(y*|x)} for one context. */
  public static <X> double at(LinearAutoregressiveModel<X> model, double[] w, Labeled<X> context) {
    Checks.length("w", w.length, model.dimension());
    return fromLogLikelihood(model.logLikelihood(w, context.x(), context.target()));
  }

  /** {@code E_{x ~ D}[1 - p_w(y*|x)]}, exact over a finite distribution. */
  public static <X> double expected(
      LinearAutoregressiveModel<X> model, double[] w, FiniteDistribution<X> distribution) {
    return of(TargetLikelihoods.of(model, w, distribution));
  }

  /** The mean of {@code 1 - p_w(y*|x)} over labelled contexts (a test set). */
  public static <X> double mean(
      LinearAutoregressiveModel<X> model, double[] w, List<Labeled<X>> contexts) {
    return of(TargetLikelihoods.ofSample(model, w, contexts));
  }

  /** The weighted mean {@code sum_c w_c (1 - q(y*|x_c)) / sum_c w_c}. */
  public static double of(TargetLikelihoods t) {
    double sum = 0;
    for (int c = 0; c < t.size(); c++) {
      sum += t.weight(c) * fromLogLikelihood(t.logLikelihood(c));
    }
    return sum / t.totalWeight();
  }
}
