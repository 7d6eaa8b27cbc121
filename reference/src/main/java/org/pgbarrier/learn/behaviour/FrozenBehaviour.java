package org.pgbarrier.learn.behaviour;

import java.util.Objects;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * Sampling from a fixed policy {@code p_{w0}}, e.g. the base model {@code q = p_{w_base}},
 * whatever the learner's weights (the authors' {@code FrozenPolicyBehavior} [CODE:
 * utils/behavior_policy.py]). The learner's gradient is still taken at its own {@code w} without
 * importance weights.
 *
 * <p>Per token: one {@code rng.nextDouble()}; no reward query.
 *
 * @param <X> the context type
 */
public final class FrozenBehaviour<X> implements BehaviourPolicy<X> {
  private final LinearAutoregressiveModel<X> model;
  private final double[] weights;

  /**
   * @param model the model class
   * @param weights the frozen weights {@code w0} (copied), of the model's dimension and finite
   */
  public FrozenBehaviour(LinearAutoregressiveModel<X> model, double[] weights) {
    this.model = Objects.requireNonNull(model, "model");
    Checks.length("weights", weights.length, model.dimension());
    this.weights = Checks.finite("weights", weights.clone());
  }

  /** The model class. */
  public LinearAutoregressiveModel<X> model() {
    return model;
  }

  /** A copy of the frozen weights. */
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public TokenSampler start(double[] w, Labeled<X> context) {
    Checks.length("w", w.length, model.dimension());
    return OnPolicyBehaviour.sampler(model, weights, context.x());
  }

  @Override
  public int vocabularySize() {
    return model.vocabularySize();
  }

  @Override
  public String describe() {
    return "frozen p_w0 [CODE: FrozenPolicyBehavior]";
  }
}
