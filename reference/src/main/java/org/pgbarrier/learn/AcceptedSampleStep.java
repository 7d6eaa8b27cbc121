package org.pgbarrier.learn;

import java.util.Objects;
import java.util.function.Supplier;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * The step the reconstructed rejection learners take once their reward has accepted a sample
 * (docs/theory.md §8.1 [RECONSTRUCTED]): with {@code p} the likelihood of the accepted sample,
 *
 * <pre>
 *   l = -log p,   w <- w + eta grad_w log p,   eta from the StepRule at loss l.
 * </pre>
 *
 * The sample is a whole response, {@code p = p_w(y*|x)} (one step of algorithm (A) on {@code y*},
 * {@link ReconstructedRejectionPg}), or one token after the correct prefix, {@code p = p_w(y*_i |
 * x, y*_<i)} (the token-level step, {@link ReconstructedProcessPg}).
 *
 * @param <X> the context type
 */
final class AcceptedSampleStep<X> {
  private final LinearAutoregressiveModel<X> model;
  private final StepRule rule;

  AcceptedSampleStep(LinearAutoregressiveModel<X> model, StepRule rule) {
    this.model = Objects.requireNonNull(model, "model");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * The step on the accepted response {@code y}, in place on {@code w}.
   *
   * @param where names the step in the message of an {@link ArithmeticException}
   */
  void onResponse(double[] w, X x, int[] y, Supplier<String> where) {
    double[] direction = new double[w.length];
    double logp = model.addGradient(w, x, y, 1.0, direction);
    apply(w, direction, logp, where);
  }

  /**
   * The step on the accepted token {@code prefix[i]} after {@code prefix[0..i)}, in place on
   * {@code w}.
   *
   * @param where names the step in the message of an {@link ArithmeticException}
   */
  void onToken(double[] w, X x, int[] prefix, int i, Supplier<String> where) {
    double[] direction = new double[w.length];
    double logp = model.addTokenGradient(w, x, prefix, i, prefix[i], 1.0, direction);
    apply(w, direction, logp, where);
  }

  /** The step rule's {@link StepRule#describe}. */
  String describeRule() {
    return rule.describe();
  }

  /**
   * @throws ArithmeticException naming {@code where} and the loss if the step would make a weight
   *     non-finite
   */
  private void apply(double[] w, double[] direction, double logp, Supplier<String> where) {
    try {
      rule.apply(w, direction, -logp);
    } catch (ArithmeticException e) {
      throw new ArithmeticException(where.get() + " (loss " + -logp + "): " + e.getMessage());
    }
  }
}
