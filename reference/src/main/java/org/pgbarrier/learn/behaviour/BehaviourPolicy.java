package org.pgbarrier.learn.behaviour;

import java.util.random.RandomGenerator;
import org.pgbarrier.instance.Labeled;

/**
 * A behaviour policy: the sampler of the responses that a policy-gradient batch is computed on,
 * token by token, given the learner's current weights {@code w} and the labelled context {@code
 * (x, y*)} (the authors' {@code BehaviorPolicy.sample_step(learner, x, y_prefix, y_true,
 * token_index)} [CODE: utils/behavior_policy.py]; docs/theory.md §7.3). Whatever the behaviour, the
 * learners of {@code org.pgbarrier.learn.batch} take the gradient at the current {@code w} without
 * importance weights, as the authors do [CODE: utils/training.py::outcome_reward_pg,
 * process_reward_pg].
 *
 * <p>Each implementation states, per token, how many random draws it makes and how many reward
 * queries it is charged, so that a run is reproducible draw for draw from its seed and its query
 * count is exact. Implementations are immutable and may be shared across threads; the {@link
 * TokenSampler} of one response may not.
 *
 * @param <X> the context type
 */
public interface BehaviourPolicy<X> {
  /**
   * The sampler of one response on {@code context} under the learner's weights {@code w}, which
   * must not change while the response is generated.
   *
   * @throws IllegalArgumentException if {@code w} does not have the model's dimension
   */
  TokenSampler start(double[] w, Labeled<X> context);

  /** The vocabulary size {@code k} of the tokens it emits. */
  int vocabularySize();

  /** One line naming the behaviour and its parameters, for provenance. */
  String describe();

  /**
   * Generates a whole response into {@code out} (length {@code N}), position by position: {@code
   * out[i] = sampler.next(out, i, rng)} for {@code i = 0 .. N-1}.
   */
  default void generate(double[] w, Labeled<X> context, RandomGenerator rng, int[] out) {
    TokenSampler sampler = start(w, context);
    for (int i = 0; i < out.length; i++) {
      out[i] = sampler.next(out, i, rng);
    }
  }
}
