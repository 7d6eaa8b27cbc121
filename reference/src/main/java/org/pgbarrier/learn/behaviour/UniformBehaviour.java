package org.pgbarrier.learn.behaviour;

import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;

/**
 * Uniform tokens, {@code y_i ~ Unif[k]} independently of {@code w}, {@code x} and the prefix (the
 * authors' {@code UniformBehavior}, {@code torch.randint(0, k)} [CODE:
 * utils/behavior_policy.py]).
 *
 * <p>Per token: one {@code rng.nextInt(k)}; no reward query.
 *
 * @param <X> the context type
 */
public final class UniformBehaviour<X> implements BehaviourPolicy<X> {
  private final int k;
  private final TokenSampler sampler;

  /** @param k the vocabulary size, at least 2 */
  public UniformBehaviour(int k) {
    this.k = Checks.atLeast("k", k, 2);
    this.sampler = (y, i, rng) -> rng.nextInt(this.k);
  }

  /** The sampler: stateless, so the same for every response; {@code w} is not read. */
  @Override
  public TokenSampler start(double[] w, Labeled<X> context) {
    return sampler;
  }

  @Override
  public int vocabularySize() {
    return k;
  }

  @Override
  public String describe() {
    return "uniform(k=" + k + ") [CODE: UniformBehavior]";
  }
}
