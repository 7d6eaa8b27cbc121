package org.pgbarrier.experiment;

import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.learn.batch.BatchAlgorithm;
import org.pgbarrier.learn.batch.OutcomeReinforce;
import org.pgbarrier.learn.batch.PolicyGradientSettings;
import org.pgbarrier.learn.batch.PolicyGradientStep;
import org.pgbarrier.learn.batch.ProcessReinforce;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.parallel.Workers;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;

/**
 * Builds the learner of the PG phase of a {@link PgExperiment}. {@link #AUTHORS} is the authors'
 * (E2 or E3 by {@code settings.reward()}); another factory substitutes a different learner in the
 * same experiment (a mutant twin in the claims suite).
 */
@FunctionalInterface
public interface PgLearnerFactory {
  /**
   * The authors' learners [CODE: utils/training.py]: {@link OutcomeReinforce} (E2) or {@link
   * ProcessReinforce} (E3), with {@code pg.steps}, {@code pg.batch_size} and {@code pg.baseline}.
   */
  PgLearnerFactory AUTHORS = new PgLearnerFactory() {
    @Override
    public BatchAlgorithm<PolicyGradientStep> create(PgExperimentSettings settings,
        LinearAutoregressiveModel<double[]> model, ContextDistribution<double[]> distribution,
        BehaviourPolicy<double[]> behaviour, QueryCounter counter, StepRule rule) {
      return create(settings, model, distribution, behaviour, counter, rule, Workers.SERIAL);
    }

    @Override
    public BatchAlgorithm<PolicyGradientStep> create(PgExperimentSettings settings,
        LinearAutoregressiveModel<double[]> model, ContextDistribution<double[]> distribution,
        BehaviourPolicy<double[]> behaviour, QueryCounter counter, StepRule rule,
        Workers workers) {
      PolicyGradientSettings pg = new PolicyGradientSettings(
          settings.pg().steps(), settings.pg().batchSize(), settings.baseline());
      return switch (settings.reward()) {
        case OUTCOME -> new OutcomeReinforce<>(
            model, distribution, behaviour, new OutcomeReward(counter), rule, pg, workers);
        case PROCESS -> new ProcessReinforce<>(
            model, distribution, behaviour, new ProcessReward(counter), rule, pg, workers);
      };
    }
  };

  /**
   * The PG learner of one run.
   *
   * @param settings the experiment's settings
   * @param model the model class
   * @param distribution the labelled training distribution
   * @param behaviour the behaviour of {@code pg.behavior}
   * @param counter the run's reward-query counter (the learner's rewards charge it)
   * @param rule a fresh step rule of {@code pg.optimizer}
   * @return a learner of {@code settings.pg().steps()} steps
   */
  BatchAlgorithm<PolicyGradientStep> create(
      PgExperimentSettings settings,
      LinearAutoregressiveModel<double[]> model,
      ContextDistribution<double[]> distribution,
      BehaviourPolicy<double[]> behaviour,
      QueryCounter counter,
      StepRule rule);

  /**
   * {@link #create(PgExperimentSettings, LinearAutoregressiveModel, ContextDistribution,
   * BehaviourPolicy, QueryCounter, StepRule)} with its batches split across {@code workers}; a
   * factory that ignores them (the default) runs on one thread.
   */
  default BatchAlgorithm<PolicyGradientStep> create(
      PgExperimentSettings settings,
      LinearAutoregressiveModel<double[]> model,
      ContextDistribution<double[]> distribution,
      BehaviourPolicy<double[]> behaviour,
      QueryCounter counter,
      StepRule rule,
      Workers workers) {
    return create(settings, model, distribution, behaviour, counter, rule);
  }
}
