package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.learn.batch.SupervisedCrossEntropy;
import org.pgbarrier.learn.batch.SupervisedSettings;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
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

  @Test
  void aBatchLearnerRunIsTheAlgorithmsOwnRunFromTheSameGenerator() {
    Instance<double[]> bigram = BigramInstances.generate(
        new BigramInstances.Spec(3, 2, 3, BigramInstances.Inputs.RADEMACHER, 1, 0.0, 8), 11L);
    SupervisedSettings settings = new SupervisedSettings(4, 5);
    double[] expected = new SupervisedCrossEntropy<>(bigram.model(), bigram.distribution(),
        new Adagrad(0.1), settings).run(bigram.wBase(), Seeds.stream(5L, 1));
    BatchLearner<?> learner = BatchLearner.of(new SupervisedCrossEntropy<>(bigram.model(),
        bigram.distribution(), new Adagrad(0.1), settings), w -> Double.NaN);
    double[] w = bigram.wBase();
    Learner.Run run = learner.run(w, settings.steps(), 5L);
    assertThat(w).containsExactly(expected);
    assertThat(run.queries()).isZero();
    assertThat(run.lastError()).isNaN();
  }
}
