package org.pgbarrier.learn.behaviour;

import java.util.Objects;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;

/**
 * The epsilon-mixture behaviour (the authors' {@code EpsilonMixtureBehavior(k, epsilon,
 * base_behavior)} [CODE: utils/behavior_policy.py]): per token, with probability {@code eps} a
 * uniform token, otherwise the wrapped behaviour's token, both conditioned on the prefix generated
 * so far:
 *
 * <pre>
 *   P(y_i = v | x, y_<i) = eps / k + (1 - eps) * b(v | x, y_<i),       b = the wrapped behaviour.
 * </pre>
 *
 * <p>Draws per token, for {@code 0 < eps < 1}: one {@code rng.nextDouble()} coin {@code u}, then
 * {@code rng.nextInt(k)} if {@code u < eps}, else the wrapped behaviour's draws (and queries, if
 * it queries a reward). At {@code eps = 0} no coin is drawn and the mixture is the wrapped
 * behaviour draw for draw; at {@code eps = 1} no coin is drawn and the wrapped behaviour is never
 * consulted. The token law is the authors'; the draw order is ours: torch draws the wrapped
 * token, a uniform token and the coin for every row and discards one token, which for a querying
 * wrapped behaviour (best-of-m) would charge queries for discarded tokens. Here only the chosen
 * branch runs.
 *
 * @param <X> the context type
 */
public final class EpsilonMixtureBehaviour<X> implements BehaviourPolicy<X> {
  private final BehaviourPolicy<X> wrapped;
  private final double epsilon;
  private final int k;

  /**
   * @param wrapped the behaviour used with probability {@code 1 - eps} (the authors' default is
   *     on-policy)
   * @param epsilon the uniform share {@code eps}, in {@code [0, 1]}
   */
  public EpsilonMixtureBehaviour(BehaviourPolicy<X> wrapped, double epsilon) {
    this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
    this.epsilon = Checks.inRange("epsilon", epsilon, 0.0, 1.0);
    this.k = wrapped.vocabularySize();
  }

  public double epsilon() {
    return epsilon;
  }

  /** The behaviour used with probability {@code 1 - eps}. */
  public BehaviourPolicy<X> wrapped() {
    return wrapped;
  }

  @Override
  public TokenSampler start(double[] w, Labeled<X> context) {
    if (epsilon == 1.0) {
      return (y, i, rng) -> rng.nextInt(k);
    }
    TokenSampler inner = wrapped.start(w, context);
    if (epsilon == 0.0) {
      return inner;
    }
    return (y, i, rng) -> rng.nextDouble() < epsilon ? rng.nextInt(k) : inner.next(y, i, rng);
  }

  @Override
  public int vocabularySize() {
    return k;
  }

  @Override
  public String describe() {
    return "epsilon-mixture(eps=" + epsilon + ", uniform over k=" + k + ", else "
        + wrapped.describe() + ") [CODE: EpsilonMixtureBehavior]";
  }
}
