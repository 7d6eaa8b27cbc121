package org.pgbarrier.learn.behaviour;

import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;

/**
 * Teacher forcing: emits the correct response, {@code y_i = y*_i(x)} (the authors' {@code
 * TeacherForcingBehavior}, "SFT via PG" [CODE: utils/behavior_policy.py]). With the outcome
 * reward every response scores {@code +1}, so outcome REINFORCE without baseline takes the
 * supervised cross-entropy step.
 *
 * <p>Per token: no random draw, no reward query. The target is copied once per response.
 *
 * @param <X> the context type
 */
public final class TeacherForcingBehaviour<X> implements BehaviourPolicy<X> {
  private final int k;

  /** @param k the vocabulary size, at least 2 */
  public TeacherForcingBehaviour(int k) {
    this.k = Checks.atLeast("k", k, 2);
  }

  @Override
  public TokenSampler start(double[] w, Labeled<X> context) {
    int[] target = context.target();
    return (y, i, rng) -> target[i];
  }

  @Override
  public int vocabularySize() {
    return k;
  }

  @Override
  public String describe() {
    return "teacher forcing y* [CODE: TeacherForcingBehavior]";
  }
}
