package org.pgbarrier.experiment;

import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.learn.behaviour.BestOfMBehaviour;
import org.pgbarrier.learn.behaviour.EpsilonMixtureBehaviour;
import org.pgbarrier.learn.behaviour.FrozenBehaviour;
import org.pgbarrier.learn.behaviour.OnPolicyBehaviour;
import org.pgbarrier.learn.behaviour.TeacherForcingBehaviour;
import org.pgbarrier.learn.behaviour.UniformBehaviour;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;

/**
 * The behaviour policy of a {@code behavior:} block [CODE: utils/behavior_policy.py], one to one
 * onto {@code learn.behaviour}. The frozen behaviour samples the base model (the weights PG starts
 * from); best-of-m charges its process queries to the run's counter.
 */
final class Behaviours {
  private Behaviours() {}

  static BehaviourPolicy<double[]> of(BehaviourSettings settings,
      LinearAutoregressiveModel<double[]> model, double[] base, QueryCounter counter) {
    if (settings instanceof BehaviourSettings.OnPolicy) {
      return new OnPolicyBehaviour<>(model);
    }
    if (settings instanceof BehaviourSettings.Frozen) {
      return new FrozenBehaviour<>(model, base);
    }
    if (settings instanceof BehaviourSettings.Uniform) {
      return new UniformBehaviour<>(model.vocabularySize());
    }
    if (settings instanceof BehaviourSettings.EpsilonMixture mixture) {
      return new EpsilonMixtureBehaviour<>(
          of(mixture.base(), model, base, counter), mixture.epsilon());
    }
    if (settings instanceof BehaviourSettings.BestOfM best) {
      return new BestOfMBehaviour<>(
          of(best.base(), model, base, counter), best.m(), new ProcessReward(counter));
    }
    if (settings instanceof BehaviourSettings.TeacherForcing) {
      return new TeacherForcingBehaviour<>(model.vocabularySize());
    }
    throw new IllegalArgumentException("behavior = " + settings + ": not a known behaviour");
  }
}
