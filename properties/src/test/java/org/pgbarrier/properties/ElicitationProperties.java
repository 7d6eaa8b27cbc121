package org.pgbarrier.properties;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.AccessibleSupport;
import org.pgbarrier.instance.BarrierInstances;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.LossNormalisedStep;
import org.pgbarrier.learn.ReconstructedOutcomePg;
import org.pgbarrier.learn.ReconstructedProcessPg;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;
import org.pgbarrier.support.AccessibleSet;
import org.pgbarrier.support.ElicitationComparison;
import org.pgbarrier.support.Regime;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.Replicates;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.ExceedanceRule;
import org.pgbarrier.testkit.stats.ShortfallRule;

/**
 * ACS-03: elicitation versus creation on a barrier instance, in the operational definitions of
 * docs/theory.md §10.6 [RECONSTRUCTED] with the learners
 * (B) and (C) of the barrier paper ({@link ReconstructedOutcomePg}, {@link ReconstructedProcessPg}).
 *
 * <p>The instance (chosen from the derivation, before any verdict): G4 with {@code k = 16}, {@code
 * N = 3}, one on-support context of token likelihood 0.3 ({@code pi_ref(y*) = 0.027}, a tail
 * target: between {@code tau(B_max, q) = 6.9e-4} and {@code tau(B, q) = 0.067} at {@code B = 10},
 * {@code B_max = 1000}, {@code q = 1/2}) and one off-support context with all three positions
 * fresh ({@code pi_ref(y*) = 16^-3 = 2.4e-4}, a barrier target). Each learner gets {@code T =
 * B_max} queries per context: the budget at which the base model itself reaches the barrier target
 * with probability only {@code pass@B_max = 0.22 < q}.
 *
 * <p>Outcome PG updates only on success, so it cannot move the barrier target before sampling it
 * once: the verdict CREATION needs a success there, whose probability within {@code T} queries is
 * exactly {@code pass@T(pi_ref(y*))} (G4 is tabular with disjoint states per context, so training
 * on the tail context first leaves the barrier context at the base model). Hence the number of
 * CREATION runs is dominated by {@code Bin(M, p0)}, {@code p0 = pass@T(pi_ref(y*))}, and the first
 * check's exact binomial rule has false alarm at most its level whatever the learning dynamics. Process PG finds each token of {@code y*} by rejection at cost about {@code k} per
 * position and learns them one at a time; the second check claims it makes the barrier target
 * accessible at {@code B} in at least a fraction {@code q} of runs, which the base model at {@code
 * B_max} does not.
 */
class ElicitationProperties {
  private static final BarrierInstances.Spec SPEC =
      new BarrierInstances.Spec(16, 3, 1, 1, 3, 0.5, 0.3, 0.4);
  private static final double BUDGET = 10;
  private static final double MAX_BUDGET = 1000;
  private static final double Q = 0.5;
  private static final long QUERIES = 1000;
  private static final double ETA = 0.25;
  private static final int RUNS = 200;

  @Test
  void outcomePgWithinItsBudgetMakesAccessibleOnlyWhatTheBaseReachedAtTheLargerBudget() {
    StatisticalProperty property = StatisticalProperty.of("ACS-03", "outcome-pg-only-elicits");
    double a = property.alpha();
    property
        .rule("M = " + RUNS + " runs of outcome PG (success-only, loss-normalised eta = " + ETA
            + ") with T = " + QUERIES + " queries on each context of G4 (k=16, N=3, one tail and"
            + " one barrier context); X = #runs whose verdict is CREATION (some target with pi'"
            + " >= tau(" + BUDGET + ", " + Q + ") and pi_ref < tau(" + MAX_BUDGET + ", " + Q
            + ")). X is dominated by Bin(M, p0), p0 = pass@T(pi_ref(barrier target)), since"
            + " creation needs a success there; exact binomial ExceedanceRule at level a = " + a)
        .experiment(seed -> decideOutcome(seed, a, false))
        .mutant("process PG in place of outcome PG (an oracle that leaks per-token correctness)",
            seed -> decideOutcome(seed, a, true))
        .verify();
  }

  @Test
  void processPgMakesAccessibleATargetTheBaseCouldNotReachAtTheLargerBudget() {
    StatisticalProperty property = StatisticalProperty.of("ACS-03", "process-pg-creates");
    double a = property.alpha();
    property
        .rule("M = " + RUNS + " runs of process PG (token rejection, loss-normalised eta = " + ETA
            + ") with T = " + QUERIES + " queries on the barrier context of G4 (k=16, N=3); Y ="
            + " #runs whose verdict is CREATION. Claim: rate >= q = " + Q + " (the base at B_max"
            + " reaches it with pass@B_max < q); exact binomial ShortfallRule at level a = " + a)
        .experiment(barrierRuns(a, false))
        .mutant("outcome PG in place of process PG (the reward reduced to the sequence indicator)",
            barrierRuns(a, true))
        .verify();
  }

  private static Decision decideOutcome(long seed, double level, boolean leak) {
    Instance<TabularContext> inst = BarrierInstances.generate(SPEC, Seeds.derive(seed, 0));
    double[] reference = targetLogLikelihoods(inst, inst.wBase());
    double barrier = Math.exp(reference[1]);
    requireRegimes(reference);
    double p0 = AccessibleSupport.passAtBudget(barrier, QUERIES);
    ExceedanceRule rule = ExceedanceRule.design(RUNS, p0, level);
    boolean[] created = new boolean[RUNS];
    boolean[] elicited = new boolean[RUNS];
    IntStream.range(0, RUNS).parallel().forEach(r -> {
      SplittableRandom rng = Seeds.stream(seed, r + 1L);
      double[] w = inst.wBase();
      for (Labeled<TabularContext> context : inst.contexts()) {
        w = leak ? trainProcess(inst, w, context, rng) : trainOutcome(inst, w, context, rng);
      }
      double[] trained = targetLogLikelihoods(inst, w);
      created[r] = verdict(reference, trained).kind() == ElicitationComparison.Kind.CREATION;
      elicited[r] = AccessibleSet.contains(trained[0], BUDGET, Q);
    });
    int x = count(created);
    String detail = String.format("pi_ref = (%.4g tail, %.4g barrier); %d of %d runs CREATION,"
        + " %d made the tail target accessible; %s", Math.exp(reference[0]), barrier, x, RUNS,
        count(elicited), rule.describe());
    return new Decision(rule.rejects(x), x, Comparison.BELOW, rule.threshold(), detail);
  }

  /**
   * {@value #RUNS} runs of process PG ({@code outcomeOnly}: outcome PG) from the base on the
   * barrier context of the instance drawn from the check seed's stream 0, run {@code r} on its
   * stream {@code r + 1}; a run observes 1 if its verdict is CREATION, else 0. The one named for
   * replay is the first run without CREATION (a run against the claim).
   */
  private static Replicates barrierRuns(double level, boolean outcomeOnly) {
    return new Replicates(RUNS, (seed, r) -> {
      Instance<TabularContext> inst = designedInstance(seed);
      Labeled<TabularContext> barrier = inst.contexts().get(1);
      SplittableRandom rng = Seeds.stream(seed, r + 1L);
      double[] w = outcomeOnly
          ? trainOutcome(inst, inst.wBase(), barrier, rng)
          : trainProcess(inst, inst.wBase(), barrier, rng);
      return verdict(targetLogLikelihoods(inst, inst.wBase()), targetLogLikelihoods(inst, w))
          .kind() == ElicitationComparison.Kind.CREATION ? 1 : 0;
    }, Replicates.Pick.first("the first run without CREATION", created -> created == 0),
        (seed, created) -> decideProcess(designedInstance(seed), created, level));
  }

  private static Decision decideProcess(
      Instance<TabularContext> inst, double[] created, double level) {
    double[] reference = targetLogLikelihoods(inst, inst.wBase());
    ShortfallRule rule = ShortfallRule.design(RUNS, Q, level);
    int y = (int) Arrays.stream(created).sum();
    String detail = String.format("pi_ref(barrier target) = %.4g, base pass@B_max = %.4g; %d of"
        + " %d runs CREATION; %s", Math.exp(reference[1]),
        AccessibleSupport.passAtBudget(Math.exp(reference[1]), MAX_BUDGET), y, RUNS,
        rule.describe());
    return new Decision(rule.rejects(y), y, Comparison.ABOVE, rule.threshold(), detail);
  }

  /** The instance drawn from the check seed's stream 0, checked to be what the design says. */
  private static Instance<TabularContext> designedInstance(long seed) {
    Instance<TabularContext> inst = BarrierInstances.generate(SPEC, Seeds.derive(seed, 0));
    requireRegimes(targetLogLikelihoods(inst, inst.wBase()));
    return inst;
  }

  /** The instance must be what the design says: context 0 a tail target, context 1 a barrier. */
  private static void requireRegimes(double[] reference) {
    Regime[] map = Regime.map(reference, BUDGET, MAX_BUDGET, Q);
    if (map[0] != Regime.TAIL || map[1] != Regime.BARRIER) {
      throw new IllegalStateException("G4 regimes " + Arrays.toString(map)
          + ", designed (TAIL, BARRIER)");
    }
  }

  private static ElicitationComparison.Verdict verdict(double[] reference, double[] trained) {
    return ElicitationComparison.compare(reference, trained, BUDGET, MAX_BUDGET, Q);
  }

  /** Outcome PG from {@code w0} on one context until accessible at B or T queries. */
  private static double[] trainOutcome(Instance<TabularContext> inst, double[] w0,
      Labeled<TabularContext> context, SplittableRandom rng) {
    ReconstructedOutcomePg<TabularContext> pg = new ReconstructedOutcomePg<>(inst.model(),
        new LossNormalisedStep(ETA), ReconstructedOutcomePg.Weighting.PLAIN,
        ReconstructedOutcomePg.Proposal.ON_POLICY, inst.wBase(),
        new OutcomeReward(QueryCounter.unlimited()));
    return pg.runUntil(w0, context, 1 - AccessibleSet.threshold(BUDGET, Q), QUERIES, rng)
        .weights();
  }

  /** Process PG from {@code w0} on one context until accessible at B or T queries. */
  private static double[] trainProcess(Instance<TabularContext> inst, double[] w0,
      Labeled<TabularContext> context, SplittableRandom rng) {
    ReconstructedProcessPg<TabularContext> pg = new ReconstructedProcessPg<>(inst.model(),
        new LossNormalisedStep(ETA), new ProcessReward(QueryCounter.unlimited()), Long.MAX_VALUE);
    return pg.runUntil(w0, context, 1 - AccessibleSet.threshold(BUDGET, Q), QUERIES, rng)
        .weights();
  }

  private static double[] targetLogLikelihoods(Instance<TabularContext> inst, double[] w) {
    LinearAutoregressiveModel<TabularContext> model = inst.model();
    double[] out = new double[inst.contexts().size()];
    for (int c = 0; c < out.length; c++) {
      Labeled<TabularContext> context = inst.contexts().get(c);
      out[c] = model.logLikelihood(w, context.x(), context.target());
    }
    return out;
  }

  private static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }
}
