package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.learn.ReconstructedOutcomePg.PerSampleRun;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.QueryCounter;

class ReconstructedRejectionPgTest {
  /** G1, k = 3, N = 3, one context, base token likelihoods in [0.2, 0.6]. */
  private static final Instance<TabularContext> INSTANCE =
      TabularInstances.generate(new TabularInstances.Spec(3, 3, 1, 0.5, 0.2, 0.6), 7L);
  private static final Labeled<TabularContext> CONTEXT = INSTANCE.contexts().get(0);

  private static ReconstructedRejectionPg<TabularContext> learner(
      QueryCounter counter, long m) {
    return new ReconstructedRejectionPg<>(INSTANCE.model(), new LossNormalisedStep(0.25),
        new OutcomeReward(counter), m);
  }

  @Test
  void aRoundThatFindsTheTargetTakesExactlyOneStepOfAlgorithmA() {
    double[] w = INSTANCE.wBase();
    QueryCounter counter = QueryCounter.unlimited();
    ReconstructedRejectionPg.Round round =
        learner(counter, Long.MAX_VALUE).round(w, CONTEXT, new SplittableRandom(2));
    assertThat(round.found()).isTrue();
    assertThat(counter.count()).isEqualTo(round.queries());
    double[] expected = AdaptiveSgd.run(INSTANCE.model(), INSTANCE.wBase(), List.of(CONTEXT),
        new LossNormalisedStep(0.25), new SplittableRandom(0)).last();
    assertThat(w).containsExactly(expected);
  }

  @Test
  void aRoundStopsAtItsBudgetAndLeavesTheWeightsAloneWhenTheTargetIsNotFound() {
    double[] w = INSTANCE.wBase();
    double[] before = w.clone();
    boolean sawMiss = false;
    for (long seed = 0; seed < 20; seed++) {
      QueryCounter counter = QueryCounter.unlimited();
      ReconstructedRejectionPg.Round round =
          learner(counter, 3).round(w, CONTEXT, new SplittableRandom(seed));
      assertThat(counter.count()).isEqualTo(round.queries());
      assertThat(round.queries()).isBetween(1L, 3L);
      if (!round.found()) {
        sawMiss = true;
        assertThat(round.queries()).isEqualTo(3);
        assertThat(w).containsExactly(before);
      } else {
        w = before.clone();
      }
    }
    assertThat(sawMiss).isTrue();
  }

  @Test
  void withNoRoundBudgetThePerSampleRunIsAlgorithmBQueryForQuery() {
    for (long seed = 0; seed < 5; seed++) {
      QueryCounter counter = QueryCounter.unlimited();
      PerSampleRun rejection = learner(counter, Long.MAX_VALUE)
          .runUntil(INSTANCE.wBase(), CONTEXT, 0.1, 1_000_000, new SplittableRandom(seed));
      PerSampleRun outcome = new ReconstructedOutcomePg<>(INSTANCE.model(),
          new LossNormalisedStep(0.25), ReconstructedOutcomePg.Weighting.PLAIN,
          ReconstructedOutcomePg.Proposal.ON_POLICY, INSTANCE.wBase(),
          new OutcomeReward(QueryCounter.unlimited()))
          .runUntil(INSTANCE.wBase(), CONTEXT, 0.1, 1_000_000, new SplittableRandom(seed));
      assertThat(rejection.reached()).isTrue();
      assertThat(rejection.queries()).isEqualTo(outcome.queries()).isEqualTo(counter.count());
      assertThat(rejection.firstSuccess()).isEqualTo(outcome.firstSuccess());
      assertThat(rejection.weights()).containsExactly(outcome.weights());
    }
  }

  @Test
  void runUntilWithSmallRoundsStopsExactlyAtTheQueryCap() {
    QueryCounter counter = QueryCounter.unlimited();
    PerSampleRun run = learner(counter, 4)
        .runUntil(INSTANCE.wBase(), CONTEXT, 1e-6, 30, new SplittableRandom(9));
    assertThat(run.reached()).isFalse();
    assertThat(run.queries()).isEqualTo(30).isEqualTo(counter.count());
  }

  @Test
  void theSameSeedGivesTheSameRunBitForBit() {
    PerSampleRun a = learner(QueryCounter.unlimited(), 5)
        .runUntil(INSTANCE.wBase(), CONTEXT, 0.05, 100_000, new SplittableRandom(42));
    PerSampleRun b = learner(QueryCounter.unlimited(), 5)
        .runUntil(INSTANCE.wBase(), CONTEXT, 0.05, 100_000, new SplittableRandom(42));
    assertThat(b.queries()).isEqualTo(a.queries());
    assertThat(b.firstSuccess()).isEqualTo(a.firstSuccess());
    assertThat(b.weights()).containsExactly(a.weights());
  }

  @Test
  void badArgumentsAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> learner(QueryCounter.unlimited(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("roundBudget = 0: must be at least 1");
    ReconstructedRejectionPg<TabularContext> pg = learner(QueryCounter.unlimited(), 10);
    double[] w = INSTANCE.wBase();
    SplittableRandom rng = new SplittableRandom(1);
    for (double eps : new double[] {0, 1, Double.NaN}) {
      assertThatThrownBy(() -> pg.runUntil(w, CONTEXT, eps, 10, rng))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("eps = " + eps + ": must be in (0, 1)");
    }
    assertThatThrownBy(() -> pg.runUntil(w, CONTEXT, 0.1, -1, rng))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxQueries = -1: must be at least 0");
    assertThatThrownBy(() -> pg.round(new double[3], CONTEXT, rng))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("w has length 3: must have length " + w.length);
    assertThatThrownBy(() -> pg.runUntil(new double[3], CONTEXT, 0.1, 10, rng))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("w0 has length 3: must have length " + w.length);
  }
}
