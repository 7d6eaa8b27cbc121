package org.pgbarrier.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.learn.ReconstructedOutcomePg.Proposal;
import org.pgbarrier.learn.ReconstructedOutcomePg.Weighting;
import org.pgbarrier.learn.batch.OutcomeReinforce;
import org.pgbarrier.learn.batch.PolicyGradientSettings;
import org.pgbarrier.learn.batch.ProcessReinforce;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.learn.behaviour.OnPolicyBehaviour;
import org.pgbarrier.learn.behaviour.TokenSampler;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;

/**
 * The long-run check of issue 8, run only by {@code mvn -B -Psoak -pl properties -am verify}
 * (the reference module's {@code soak} profile; the class name ends in {@code Soak}, which the
 * default build's includes do not match): every policy-gradient learner spends {@value
 * #QUERIES} reward queries on a G1 instance (k = 3, N = 4, 8 contexts, base token likelihoods in
 * [0.2, 0.6]) and afterwards
 *
 * <ul>
 *   <li>every weight is finite (checked after every step, so a transient overflow is caught
 *       where it happens), and
 *   <li>the oracle's {@link QueryCounter} equals a count kept outside the learner: the uniforms
 *       the learner drew (one per sampled token, so one query per {@code N} uniforms for outcome
 *       rewards and one per uniform for process rewards), or for the batch learners the responses
 *       the behaviour generated (one outcome query, or {@code N} process queries, each).
 * </ul>
 *
 * Contexts are drawn from a separate generator so that the learner's generator counts only the
 * learner's own draws. Run time about 10 s uncontended.
 */
class PolicyGradientLongRunSoak {
  private static final long QUERIES = 1_000_000L;
  private static final long SEED = 8_000_000L;
  private static final Instance<TabularContext> INSTANCE =
      TabularInstances.generate(new TabularInstances.Spec(3, 4, 8, 0.15, 0.2, 0.6), SEED);
  private static final LinearAutoregressiveModel<TabularContext> MODEL = INSTANCE.model();
  private static final int N = MODEL.length();

  @Test
  void outcomePolicyGradientStaysFiniteAndCountsEveryQueryOverAMillionQueries() {
    for (Weighting weighting : Weighting.values()) {
      for (Proposal proposal : Proposal.values()) {
        QueryCounter counter = QueryCounter.unlimited();
        ReconstructedOutcomePg<TabularContext> learner = new ReconstructedOutcomePg<>(MODEL,
            new LossNormalisedStep(1.0), weighting, proposal, INSTANCE.wBase(),
            new OutcomeReward(counter));
        CountingRandom rng = new CountingRandom(Seeds.stream(SEED, 1));
        SplittableRandom contexts = Seeds.stream(SEED, 2);
        double[] w = INSTANCE.wBase();
        long successes = 0;
        for (long q = 1; q <= QUERIES; q++) {
          successes += learner.step(w, INSTANCE.distribution().sample(contexts), rng) ? 1 : 0;
          assertFinite(w, weighting + "/" + proposal + " query " + q);
        }
        String run = weighting + "/" + proposal;
        assertThat(counter.count()).as(run).isEqualTo(QUERIES).isEqualTo(rng.doubles / N);
        assertThat(rng.doubles % N).as(run).isZero();
        assertThat(successes).as(run).isPositive();
      }
    }
  }

  @Test
  void rejectionSamplingPolicyGradientStaysFiniteAndCountsEveryQueryOverAMillionQueries() {
    QueryCounter counter = QueryCounter.unlimited();
    ReconstructedRejectionPg<TabularContext> learner = new ReconstructedRejectionPg<>(
        MODEL, new LossNormalisedStep(1.0), new OutcomeReward(counter), 8);
    CountingRandom rng = new CountingRandom(Seeds.stream(SEED, 3));
    SplittableRandom contexts = Seeds.stream(SEED, 4);
    double[] w = INSTANCE.wBase();
    long reported = 0;
    long rounds = 0;
    while (reported < QUERIES) {
      reported += learner.round(w, INSTANCE.distribution().sample(contexts), rng).queries();
      rounds++;
      assertFinite(w, "rejection sampling round " + rounds);
    }
    assertThat(counter.count()).isEqualTo(reported).isEqualTo(rng.doubles / N);
    assertThat(rng.doubles % N).isZero();
  }

  @Test
  void processPolicyGradientStaysFiniteAndCountsEveryQueryOverAMillionQueries() {
    QueryCounter counter = QueryCounter.unlimited();
    ReconstructedProcessPg<TabularContext> learner = new ReconstructedProcessPg<>(
        MODEL, new LossNormalisedStep(1.0), new ProcessReward(counter), 8);
    CountingRandom rng = new CountingRandom(Seeds.stream(SEED, 5));
    SplittableRandom contexts = Seeds.stream(SEED, 6);
    double[] w = INSTANCE.wBase();
    long reported = 0;
    long passes = 0;
    while (reported < QUERIES) {
      reported += learner.pass(w, INSTANCE.distribution().sample(contexts), rng).queries();
      passes++;
      assertFinite(w, "process pass " + passes);
    }
    assertThat(counter.count()).isEqualTo(reported).isEqualTo(rng.doubles);
  }

  @Test
  void batchOutcomeReinforceStaysFiniteAndCountsEveryQueryOverAMillionQueries() {
    int batch = 16;
    int steps = (int) (QUERIES / batch);
    QueryCounter counter = QueryCounter.unlimited();
    CountingBehaviour behaviour = new CountingBehaviour(new OnPolicyBehaviour<>(MODEL));
    OutcomeReinforce<TabularContext> learner = new OutcomeReinforce<>(MODEL,
        INSTANCE.distribution(), behaviour, new OutcomeReward(counter), new Adagrad(0.5),
        new PolicyGradientSettings(steps, batch, true));
    double[] w = INSTANCE.wBase();
    RandomGenerator rng = Seeds.stream(SEED, 7);
    for (int s = 1; s <= steps; s++) {
      learner.step(w, rng);
      assertFinite(w, "E2 step " + s);
    }
    assertThat(counter.count()).isEqualTo(QUERIES).isEqualTo(behaviour.responses);
  }

  @Test
  void batchProcessReinforceStaysFiniteAndCountsEveryQueryOverAMillionQueries() {
    int batch = 16;
    int steps = (int) (QUERIES / ((long) batch * N));
    QueryCounter counter = QueryCounter.unlimited();
    CountingBehaviour behaviour = new CountingBehaviour(new OnPolicyBehaviour<>(MODEL));
    ProcessReinforce<TabularContext> learner = new ProcessReinforce<>(MODEL,
        INSTANCE.distribution(), behaviour, new ProcessReward(counter), new Adagrad(0.5),
        new PolicyGradientSettings(steps, batch, true));
    double[] w = INSTANCE.wBase();
    RandomGenerator rng = Seeds.stream(SEED, 8);
    for (int s = 1; s <= steps; s++) {
      learner.step(w, rng);
      assertFinite(w, "E3 step " + s);
    }
    assertThat(counter.count()).isEqualTo(QUERIES).isEqualTo(behaviour.responses * N);
  }

  private static void assertFinite(double[] w, String where) {
    for (int j = 0; j < w.length; j++) {
      if (!Double.isFinite(w[j])) {
        throw new AssertionError(where + ": w[" + j + "] = " + w[j]);
      }
    }
  }

  /** Delegates every draw to a {@link SplittableRandom}; counts the {@code nextDouble} calls. */
  private static final class CountingRandom implements RandomGenerator {
    private final SplittableRandom inner;
    long doubles;

    CountingRandom(SplittableRandom inner) {
      this.inner = inner;
    }

    @Override
    public long nextLong() {
      return inner.nextLong();
    }

    @Override
    public int nextInt() {
      return inner.nextInt();
    }

    @Override
    public boolean nextBoolean() {
      return inner.nextBoolean();
    }

    @Override
    public double nextDouble() {
      doubles++;
      return inner.nextDouble();
    }
  }

  /** Counts the responses generated through it. */
  private static final class CountingBehaviour implements BehaviourPolicy<TabularContext> {
    private final BehaviourPolicy<TabularContext> inner;
    long responses;

    CountingBehaviour(BehaviourPolicy<TabularContext> inner) {
      this.inner = inner;
    }

    @Override
    public TokenSampler start(double[] w, Labeled<TabularContext> context) {
      return inner.start(w, context);
    }

    @Override
    public void generate(double[] w, Labeled<TabularContext> context, RandomGenerator rng,
        int[] out) {
      responses++;
      inner.generate(w, context, rng, out);
    }

    @Override
    public int vocabularySize() {
      return inner.vocabularySize();
    }

    @Override
    public String describe() {
      return "counting " + inner.describe();
    }
  }
}
