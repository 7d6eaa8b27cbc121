package org.pgbarrier.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pgbarrier.Checks;

/**
 * The {@code behavior:} block of a PG phase [CODE: utils/behavior_policy.py]: the policy that
 * emits the sampled tokens. The gradient is always taken at the current weights, without
 * importance weights (docs/theory.md §7.2). Maps one to one onto {@code learn.behaviour}; {@link
 * Target} is the one table of the authors' class names ({@code _target_}).
 */
public sealed interface BehaviourSettings {
  /**
   * The authors' behaviour classes [CODE: utils/behavior_policy.py], the {@code _target_} of a
   * {@code behavior:} block, one row per record of this interface: the config reader, the artifact
   * writer and the artifact reader all map names through this table.
   */
  enum Target {
    ON_POLICY("OnPolicyBehavior", OnPolicy.class, new OnPolicy()),
    FROZEN("FrozenPolicyBehavior", Frozen.class, new Frozen()),
    UNIFORM("UniformBehavior", Uniform.class, new Uniform()),
    EPSILON_MIXTURE("EpsilonMixtureBehavior", EpsilonMixture.class, null),
    BEST_OF_M("BoMProcessPolicy", BestOfM.class, null),
    TEACHER_FORCING("TeacherForcingBehavior", TeacherForcing.class, new TeacherForcing());

    private final String className;
    private final Class<? extends BehaviourSettings> type;
    private final BehaviourSettings only;

    Target(String className, Class<? extends BehaviourSettings> type, BehaviourSettings only) {
      this.className = className;
      this.type = type;
      this.only = only;
    }

    /** The authors' class name, e.g. {@code OnPolicyBehavior}. */
    public String className() {
      return className;
    }

    /** The one value of a behaviour without parameters; empty for the mixture and best-of-m. */
    public Optional<BehaviourSettings> only() {
      return Optional.ofNullable(only);
    }

    /** The row of {@code behaviour}. */
    public static Target of(BehaviourSettings behaviour) {
      return Arrays.stream(values()).filter(t -> t.type.isInstance(behaviour)).findFirst()
          .orElseThrow();
    }

    /** The row whose class name is {@code className}, if any. */
    public static Optional<Target> named(String className) {
      return Arrays.stream(values()).filter(t -> t.className.equals(className)).findFirst();
    }

    /** Every class name, in the table's order. */
    public static List<String> classNames() {
      return Arrays.stream(values()).map(Target::className).toList();
    }
  }

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
