package org.pgbarrier.properties;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.learn.LossNormalisedStep;
import org.pgbarrier.learn.ReconstructedOutcomePg;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.QueryCounter;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.Replicates;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;

/** BMB-06: the first-success law of success-only outcome PG. */
class OutcomePgProperties {
  /** Independent runs; 20000 gives the mutant below a power of essentially 1 (see the record). */
  private static final int RUNS = 20_000;
  private static final double[] QUANTILES = {0.25, 0.5, 0.75, 0.9};
  /** G1 with k = 3, N = 3 and base token likelihood 0.4: alpha = 0.4^3 = 0.064. */
  private static final TabularInstances.Spec SPEC =
      new TabularInstances.Spec(3, 3, 1, 0.5, 0.4, 0.4);

  @Test
  void firstSuccessIsGeometricInTheBaseLikelihood() {
    StatisticalProperty property = StatisticalProperty.of("BMB-06", "first-success-is-geometric");
    double alpha = property.alpha();
    property
        .rule("two-sided exact binomial test of #{T <= t_j} ~ Bin(M, 1 - (1 - alpha)^t_j) at the"
            + " 25/50/75/90% quantiles t_j of Geometric(alpha), each tail at level a/8 (union"
            + " bound: false alarm <= a = " + alpha + "), M = " + RUNS)
        .experiment(firstSuccesses(alpha, OutcomePgProperties::firstSuccess))
        .mutant("REINFORCE with the +-1 reward, which also updates on failures (not frozen)",
            firstSuccesses(alpha, OutcomePgProperties::firstSuccessOfSignedReinforce))
        .verify();
  }

  /** A run until the first success on the instance's context; returns its query count. */
  @FunctionalInterface
  private interface FirstSuccess {
    long queries(Instance<TabularContext> inst, Labeled<TabularContext> context,
        SplittableRandom rng);
  }

  /**
   * {@value #RUNS} first-success times of {@code learner} on the instance drawn from the check
   * seed's stream 0, run {@code r} on its stream {@code r + 1}; the one named for replay is the
   * longest wait.
   */
  private static Replicates firstSuccesses(double level, FirstSuccess learner) {
    return new Replicates(RUNS, (seed, r) -> {
      Instance<TabularContext> inst = instance(seed);
      return learner.queries(inst, inst.contexts().get(0), Seeds.stream(seed, r + 1L));
    }, Replicates.Pick.largest(), (seed, times) -> decide(instance(seed), times, level));
  }

  private static Instance<TabularContext> instance(long seed) {
    return TabularInstances.generate(SPEC, Seeds.derive(seed, 0));
  }

  private static Decision decide(Instance<TabularContext> inst, double[] times, double level) {
    Labeled<TabularContext> context = inst.contexts().get(0);
    double baseLikelihood =
        Math.exp(inst.model().logLikelihood(inst.wBase(), context.x(), context.target()));
    double perTail = level / (2 * QUANTILES.length);
    double smallest = 1;
    StringBuilder detail = new StringBuilder("alpha=" + baseLikelihood + ":");
    for (double q : QUANTILES) {
      int t = (int) Math.ceil(Math.log1p(-q) / Math.log1p(-baseLikelihood));
      double f = -Math.expm1(t * Math.log1p(-baseLikelihood));
      int count = 0;
      for (double time : times) {
        if (time <= t) {
          count++;
        }
      }
      double p = Math.min(BinomialTail.upper(RUNS, f, count), BinomialTail.lower(RUNS, f, count));
      smallest = Math.min(smallest, p);
      detail.append(String.format(" #{T<=%d}=%d (expected %.1f, tail p %.3g)", t, count,
          RUNS * f, p));
    }
    return new Decision(smallest <= perTail, smallest, Comparison.ABOVE, perTail, detail.toString());
  }

  /** Algorithm (B) from the base model until its first success; returns the query count. */
  private static long firstSuccess(
      Instance<TabularContext> inst, Labeled<TabularContext> context, SplittableRandom rng) {
    QueryCounter counter = QueryCounter.unlimited();
    ReconstructedOutcomePg<TabularContext> pg = new ReconstructedOutcomePg<>(inst.model(),
        new LossNormalisedStep(0.25), ReconstructedOutcomePg.Weighting.PLAIN,
        ReconstructedOutcomePg.Proposal.ON_POLICY, inst.wBase(), new OutcomeReward(counter));
    double[] w = inst.wBase();
    while (!pg.step(w, context, rng)) {
      // frozen: nothing to do until the first success
    }
    return counter.count();
  }

  /** The mutant: on failure, a loss-normalised step down the sampled wrong response. */
  private static long firstSuccessOfSignedReinforce(
      Instance<TabularContext> inst, Labeled<TabularContext> context, SplittableRandom rng) {
    LinearAutoregressiveModel<TabularContext> model = inst.model();
    QueryCounter counter = QueryCounter.unlimited();
    OutcomeReward reward = new OutcomeReward(counter);
    LossNormalisedStep step = new LossNormalisedStep(0.25);
    double[] w = inst.wBase();
    while (true) {
      int[] y = model.sample(w, context.x(), rng);
      if (reward.signed(context, y) > 0) {
        return counter.count();
      }
      double[] direction = model.gradient(w, context.x(), y);
      double loss = -model.logLikelihood(w, context.x(), y);
      for (int j = 0; j < direction.length; j++) {
        direction[j] = -direction[j];
      }
      step.apply(w, direction, loss);
    }
  }
}
