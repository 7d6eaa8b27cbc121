package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.reward.BudgetExhaustedException;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;

class ReconstructedProcessPgTest {
  /** G1, k = 3, N = 3, one context, base token likelihoods in [0.2, 0.6]. */
  private static final Instance<TabularContext> INSTANCE =
      TabularInstances.generate(new TabularInstances.Spec(3, 3, 1, 0.5, 0.2, 0.6), 7L);
  private static final Labeled<TabularContext> CONTEXT = INSTANCE.contexts().get(0);
  private static final int K = 3;
  private static final int N = 3;
  private static final double ETA = 0.25;

  private static ReconstructedProcessPg<TabularContext> learner(QueryCounter counter, long m) {
    return new ReconstructedProcessPg<>(INSTANCE.model(), new LossNormalisedStep(ETA),
        new ProcessReward(counter), m);
  }

  /** The base block of state {@code s}: token likelihoods from the softmax of its k weights. */
  private static double[] softmaxOfState(double[] w, int s) {
    double[] p = new double[K];
    double z = 0;
    for (int v = 0; v < K; v++) {
      p[v] = Math.exp(w[s * K + v]);
      z += p[v];
    }
    for (int v = 0; v < K; v++) {
      p[v] /= z;
    }
    return p;
  }

  @Test
  void theFrozenPassSpendsOneQueryPerDrawUntilEachCorrectTokenAndLeavesTheWeightsAlone() {
    double[] w = INSTANCE.wBase();
    double[] before = w.clone();
    int[] target = CONTEXT.target();
    for (long seed = 0; seed < 50; seed++) {
      QueryCounter counter = QueryCounter.unlimited();
      ReconstructedProcessPg.Pass pass =
          learner(counter, Long.MAX_VALUE).reveal(w, CONTEXT, new SplittableRandom(seed));
      // Replay the draws: the token at position i is correct iff u falls in its CDF interval.
      SplittableRandom replay = new SplittableRandom(seed);
      long expected = 0;
      for (int i = 0; i < N; i++) {
        double[] p = softmaxOfState(w, i);
        double from = 0;
        for (int v = 0; v < target[i]; v++) {
          from += p[v];
        }
        double to = from + p[target[i]];
        double u;
        do {
          u = replay.nextDouble();
          expected++;
        } while (!(u >= from && u < to));
      }
      assertThat(pass).isEqualTo(new ReconstructedProcessPg.Pass(expected, N, true));
      assertThat(counter.count()).isEqualTo(expected);
    }
    assertThat(w).containsExactly(before);
  }

  @Test
  void onePassTakesTheHandBuiltTokenStepAtEveryPosition() {
    double[] base = INSTANCE.wBase();
    double[] w = base.clone();
    ReconstructedProcessPg.Pass pass =
        learner(QueryCounter.unlimited(), Long.MAX_VALUE).pass(w, CONTEXT, new SplittableRandom(3));
    assertThat(pass.complete()).isTrue();
    // Tabular states are orthogonal: position i moves only the block of state i, by
    // eta/max(1, -log p_y) * (e_y - p) with p the softmax of that block before the step.
    double[] expected = base.clone();
    int[] target = CONTEXT.target();
    for (int i = 0; i < N; i++) {
      double[] p = softmaxOfState(base, i);
      double step = ETA / Math.max(1, -Math.log(p[target[i]]));
      for (int v = 0; v < K; v++) {
        expected[i * K + v] += step * ((v == target[i] ? 1 : 0) - p[v]);
      }
    }
    for (int j = 0; j < w.length; j++) {
      assertThat(w[j]).as("w[%d]", j).isCloseTo(expected[j], within(1e-12));
    }
  }

  @Test
  void thePerPositionBudgetAbortsThePassAtTheFirstPositionItRunsOutOn() {
    double[] w = INSTANCE.wBase();
    double[] before = w.clone();
    boolean sawAbort = false;
    for (long seed = 0; seed < 40; seed++) {
      QueryCounter counter = QueryCounter.unlimited();
      ReconstructedProcessPg.Pass pass =
          learner(counter, 1).reveal(w, CONTEXT, new SplittableRandom(seed));
      // One draw per position: the pass stops at the first wrong draw, which is still charged.
      assertThat(pass.queries()).isEqualTo(pass.complete() ? N : pass.revealed() + 1L);
      assertThat(counter.count()).isEqualTo(pass.queries());
      sawAbort |= !pass.complete();
    }
    assertThat(sawAbort).isTrue();
    assertThat(w).containsExactly(before);
  }

  @Test
  void aBudgetOnTheSharedCounterStopsTheLearnerWithoutAnUnchargedQuery() {
    QueryCounter counter = QueryCounter.withBudget(2);
    ReconstructedProcessPg<TabularContext> pg = learner(counter, Long.MAX_VALUE);
    double[] w = INSTANCE.wBase();
    assertThatThrownBy(() -> {
      for (int r = 0; r < 10; r++) {
        pg.reveal(w, CONTEXT, new SplittableRandom(r));
      }
    }).isInstanceOf(BudgetExhaustedException.class);
    assertThat(counter.count()).isEqualTo(2);
  }

  @Test
  void runUntilReachesTheTargetAndCountsEveryQuery() {
    QueryCounter counter = QueryCounter.unlimited();
    ReconstructedProcessPg.Run run = learner(counter, Long.MAX_VALUE)
        .runUntil(INSTANCE.wBase(), CONTEXT, 0.1, 1_000_000, new SplittableRandom(11));
    assertThat(run.reached()).isTrue();
    assertThat(run.queries()).isEqualTo(counter.count());
    assertThat(run.firstReveal()).isBetween((long) N, run.queries());
    assertThat(run.passes()).isPositive();
    double logp = INSTANCE.model().logLikelihood(run.weights(), CONTEXT.x(), CONTEXT.target());
    assertThat(logp).isGreaterThanOrEqualTo(Math.log1p(-0.1));
  }

  @Test
  void runUntilStopsExactlyAtTheQueryCap() {
    QueryCounter counter = QueryCounter.unlimited();
    ReconstructedProcessPg.Run run = learner(counter, Long.MAX_VALUE)
        .runUntil(INSTANCE.wBase(), CONTEXT, 1e-6, 25, new SplittableRandom(5));
    assertThat(run.reached()).isFalse();
    assertThat(run.queries()).isEqualTo(25);
    assertThat(counter.count()).isEqualTo(25);
  }

  @Test
  void theSameSeedGivesTheSameRunBitForBit() {
    ReconstructedProcessPg.Run a = learner(QueryCounter.unlimited(), 4)
        .runUntil(INSTANCE.wBase(), CONTEXT, 0.05, 100_000, new SplittableRandom(42));
    ReconstructedProcessPg.Run b = learner(QueryCounter.unlimited(), 4)
        .runUntil(INSTANCE.wBase(), CONTEXT, 0.05, 100_000, new SplittableRandom(42));
    assertThat(b.queries()).isEqualTo(a.queries());
    assertThat(b.passes()).isEqualTo(a.passes());
    assertThat(b.firstReveal()).isEqualTo(a.firstReveal());
    assertThat(b.weights()).containsExactly(a.weights());
  }

  @Test
  void badArgumentsAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> learner(QueryCounter.unlimited(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tokenBudget = 0: must be at least 1");
    ReconstructedProcessPg<TabularContext> pg = learner(QueryCounter.unlimited(), 10);
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
    assertThatThrownBy(() -> pg.pass(new double[3], CONTEXT, rng))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("w has length 3: must have length " + w.length);
    assertThatThrownBy(() -> pg.reveal(new double[3], CONTEXT, rng))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("w has length 3: must have length " + w.length);
    assertThatThrownBy(() -> pg.runUntil(new double[3], CONTEXT, 0.1, 10, rng))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("w0 has length 3: must have length " + w.length);
  }
}
