package org.pgbarrier.learn;

import java.util.Objects;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * The state of a per-sample learner ({@link Learner}): the weights {@code w}, updated in place,
 * and the one context {@code (x, y*)} it learns.
 *
 * @param <X> the context type
 */
public record PerSampleState<X>(double[] w, Labeled<X> context) {
  public PerSampleState {
    Objects.requireNonNull(w, "w");
    Objects.requireNonNull(context, "context");
  }

  /** {@code 1 - p_w(y*|x)} under {@code model}, computed as {@code -expm1(log p)}. */
  public double error(LinearAutoregressiveModel<X> model) {
    return -Math.expm1(model.logLikelihood(w, context.x(), context.target()));
  }
}
