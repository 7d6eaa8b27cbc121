package org.pgbarrier.experiment;

import java.util.Objects;
import org.pgbarrier.Checks;

/**
 * The {@code behavior:} block of a PG phase [CODE: utils/behavior_policy.py]: the policy that
 * emits the sampled tokens. The gradient is always taken at the current weights, without
 * importance weights (docs/theory.md §7.2). Maps one to one onto {@code learn.behaviour}.
 */
public sealed interface BehaviourSettings {
  /** {@code OnPolicyBehavior}: sample from the current model. */
  record OnPolicy() implements BehaviourSettings {}

  /** {@code FrozenPolicyBehavior}: sample from the model as it was when PG started. */
  record Frozen() implements BehaviourSettings {}

  /** {@code UniformBehavior}: a uniform token. */
  record Uniform() implements BehaviourSettings {}

  /**
   * {@code EpsilonMixtureBehavior(k, epsilon, base_behavior)}: with probability {@code epsilon} a
   * uniform token, otherwise the base behaviour's (on-policy when the config gives none).
   */
  record EpsilonMixture(double epsilon, BehaviourSettings base) implements BehaviourSettings {
    public EpsilonMixture {
      Checks.inRange("epsilon", epsilon, 0.0, 1.0);
      Objects.requireNonNull(base, "base_behavior");
    }
  }

  /**
   * {@code BoMProcessPolicy(base_policy, m)}: per token, up to {@code m} draws of the base policy;
   * the first that keeps the prefix correct under the process reward, else the last draw.
   */
  record BestOfM(int m, BehaviourSettings base) implements BehaviourSettings {
    public BestOfM {
      Checks.positive("m", m);
      Objects.requireNonNull(base, "base_policy");
    }
  }

  /** {@code TeacherForcingBehavior}: emit {@code y*} (SFT written as PG). */
  record TeacherForcing() implements BehaviourSettings {}
}
