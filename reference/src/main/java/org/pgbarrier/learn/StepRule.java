package org.pgbarrier.learn;

/**
 * A step-size rule: one ascent step {@code w <- w + eta_t (.) d} along the direction {@code d}
 * (the gradient of the objective being increased, e.g. {@code grad log p_w(y|x)}), where the
 * step may depend on the current loss {@code l_t}, on the history of directions, or per
 * coordinate. Implementations keep their own state; {@link #fresh()} gives the rule with its
 * state reset (the authors create a fresh optimiser per phase).
 */
public interface StepRule {
  /**
   * Applies one step in place.
   *
   * @param w the weights, updated in place
   * @param direction the ascent direction {@code d}, not modified
   * @param loss the current loss {@code l_t >= 0} (used by loss-normalised rules)
   */
  void apply(double[] w, double[] direction, double loss);

  /** The same rule with its state reset. */
  StepRule fresh();

  /** One line naming the rule and its parameters, for provenance. */
  String describe();
}
