package org.pgbarrier.learn.behaviour;

import java.util.Objects;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.kernel.InverseCdf;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.LogitScorer;

/**
 * On-policy sampling, {@code y_i ~ p_w(. | x, y_<i)} at the learner's current weights (the
 * authors' default {@code OnPolicyBehavior} [CODE: utils/behavior_policy.py]).
 *
 * <p>Per token: one {@code rng.nextDouble()} (inverse CDF, the same draw as {@link
 * LinearAutoregressiveModel#sample}, so {@link #generate} reproduces {@code model.sample(w, x,
 * rng)} bit for bit); no reward query.
 *
 * @param <X> the context type
 */
public final class OnPolicyBehaviour<X> implements BehaviourPolicy<X> {
  private final LinearAutoregressiveModel<X> model;

  /** @param model the model whose {@code p_w} is sampled */
  public OnPolicyBehaviour(LinearAutoregressiveModel<X> model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  /** The model whose {@code p_w} is sampled. */
  public LinearAutoregressiveModel<X> model() {
    return model;
  }

  @Override
  public TokenSampler start(double[] w, Labeled<X> context) {
    Checks.length("w", w.length, model.dimension());
    return sampler(model, w, context.x());
  }

  /** The sampler of {@code p_weights(. | x, y_<i)}, one {@code nextDouble} per token. */
  static <X> TokenSampler sampler(LinearAutoregressiveModel<X> model, double[] weights, X x) {
    int k = model.vocabularySize();
    LogitScorer scorer = model.featureMap().scorer(weights, x);
    double[] logits = new double[k];
    return (y, i, rng) -> {
      scorer.logits(y, i, logits);
      return InverseCdf.token(logits, k, rng.nextDouble());
    };
  }

  @Override
  public int vocabularySize() {
    return model.vocabularySize();
  }

  @Override
  public String describe() {
    return "on-policy p_w [CODE: OnPolicyBehavior]";
  }
}
