package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.learn.batch.BatchAlgorithm;
import org.pgbarrier.learn.batch.OutcomeReinforce;
import org.pgbarrier.learn.batch.PolicyGradientSettings;
import org.pgbarrier.learn.batch.ProcessReinforce;
import org.pgbarrier.learn.batch.SupervisedCrossEntropy;
import org.pgbarrier.learn.batch.SupervisedSettings;
import org.pgbarrier.learn.behaviour.OnPolicyBehaviour;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;

/**
 * The {@link Learner} protocol adds no draw and no arithmetic: its loop agrees bit for bit with
 * each learner's own entry point driven by hand (an independent path).
 */
class LearnerProtocolTest {
  /** G1, k = 3, N = 3, one context. */
  private static final Instance<TabularContext> INSTANCE =
      TabularInstances.generate(new TabularInstances.Spec(3, 3, 1, 0.5, 0.2, 0.6), 7L);
  private static final Labeled<TabularContext> CONTEXT = INSTANCE.contexts().get(0);
  /** G3 bigram, d = 3, k = 2, N = 3 (Rademacher inputs, one mixture centre). */
  private static final Instance<double[]> BIGRAM = BigramInstances.generate(
      new BigramInstances.Spec(3, 2, 3, BigramInstances.Inputs.RADEMACHER, 1, 0.0, 8), 11L);

  @Test
  void aPerSampleRunIsTRoundsFromStreamOneWithTheirQueriesAndTheLastError() {
    ReconstructedRejectionPg<TabularContext> learner = new ReconstructedRejectionPg<>(
        INSTANCE.model(), new LossNormalisedStep(0.25),
        new OutcomeReward(QueryCounter.unlimited()), 50);
    PerSampleState<TabularContext> state = new PerSampleState<>(INSTANCE.wBase(), CONTEXT);
    Learner.Run run = learner.run(state, 7, 11L);

    double[] w = INSTANCE.wBase();
    SplittableRandom rng = Seeds.stream(11L, 1);
    long queries = 0;
    for (int t = 0; t < 7; t++) {
      queries += learner.round(w, CONTEXT, rng).queries();
    }
    assertThat(state.w()).containsExactly(w);
    assertThat(run.iterations()).isEqualTo(7);
    assertThat(run.queries()).isEqualTo(queries);
    assertThat(run.seed()).isEqualTo(11L);
    assertThat(run.lastError()).isEqualTo(
        1 - Math.exp(INSTANCE.model().logLikelihood(w, CONTEXT.x(), CONTEXT.target())),
        Offset.offset(1e-12));
    assertThat(run.randomIterateError()).isNaN();
    assertThat(run.algorithm())
        .startsWith("ReconstructedRejectionPg(m=50, ")
        .contains("[RECONSTRUCTED");
  }

  @Test
  void aStepOfAdaptiveSgdIsOneStepOfItsStreamRunAndSpendsNoQuery() {
    AdaptiveSgd<TabularContext> learner =
        new AdaptiveSgd<>(INSTANCE.model(), new LossNormalisedStep(0.25));
    PerSampleState<TabularContext> state = new PerSampleState<>(INSTANCE.wBase(), CONTEXT);
    assertThat(learner.step(state, new SplittableRandom(0))).isZero();
    double[] expected = AdaptiveSgd.run(INSTANCE.model(), INSTANCE.wBase(), List.of(CONTEXT),
        new LossNormalisedStep(0.25), new SplittableRandom(0)).last();
    assertThat(state.w()).containsExactly(expected);
  }

  @Test
  void anOutcomeStepIsOneQuery() {
    QueryCounter counter = QueryCounter.unlimited();
    ReconstructedOutcomePg<TabularContext> learner = new ReconstructedOutcomePg<>(
        INSTANCE.model(), new LossNormalisedStep(0.25), ReconstructedOutcomePg.Weighting.PLAIN,
        ReconstructedOutcomePg.Proposal.ON_POLICY, INSTANCE.wBase(), new OutcomeReward(counter));
    Learner.Run run = learner.run(new PerSampleState<>(INSTANCE.wBase(), CONTEXT), 9, 3L);
    assertThat(run.queries()).isEqualTo(9).isEqualTo(counter.count());
  }

  /**
   * The supervised learner reads labels, no reward; on-policy, the outcome learner asks one reward
   * per response ({@code B} a step) and the process learner one per token ({@code B N} a step).
   * The counter they charge counts the queries apart from the step reports.
   */
  @Test
  void aBatchRunIsTheAlgorithmsOwnRunFromTheSameGeneratorAndSpendsItsRewardQueries() {
    assertBatchRun(counter -> new SupervisedCrossEntropy<>(BIGRAM.model(), BIGRAM.distribution(),
        new Adagrad(0.1), new SupervisedSettings(4, 5)), 0);
    PolicyGradientSettings settings = new PolicyGradientSettings(3, 6, true);
    OnPolicyBehaviour<double[]> onPolicy = new OnPolicyBehaviour<>(BIGRAM.model());
    assertBatchRun(counter -> new OutcomeReinforce<>(BIGRAM.model(), BIGRAM.distribution(),
        onPolicy, new OutcomeReward(counter), new Adagrad(0.1), settings), 3 * 6);
    assertBatchRun(counter -> new ProcessReinforce<>(BIGRAM.model(), BIGRAM.distribution(),
        onPolicy, new ProcessReward(counter), new Adagrad(0.1), settings), 3 * 6 * 3);
  }

  /**
   * {@code Learner.run} of a fresh learner on the counter against the algorithm's own {@code
   * run} from stream 1 of the same seed: the same weights, {@code queries} queries, no error.
   */
  private static void assertBatchRun(Function<QueryCounter, BatchAlgorithm<?>> learner,
      long queries) {
    BatchAlgorithm<?> own = learner.apply(QueryCounter.unlimited());
    double[] expected = own.run(BIGRAM.wBase(), Seeds.stream(5L, 1));
    QueryCounter counter = QueryCounter.unlimited();
    double[] w = BIGRAM.wBase();
    Learner.Run run = learner.apply(counter).run(w, own.steps(), 5L);
    assertThat(w).containsExactly(expected);
    assertThat(run.queries()).isEqualTo(queries).isEqualTo(counter.count());
    assertThat(run.lastError()).isNaN();
  }
}
