package org.pgbarrier.testkit.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.ClaimRegistry;
import org.pgbarrier.testkit.stats.FalseAlarmBudget;

/**
 * A statistical claim checked by one seeded experiment and a decision rule whose false-alarm
 * probability is computed: the rule is given this check's share {@code alpha} of the suite-wide
 * budget ({@link FalseAlarmBudget}) and must reject the mutant twin run on the same seed.
 */
public final class StatisticalProperty {
  /** Every statistical check of the suite, {@code ID/check}: the budget is split across these. */
  public static final List<String> SUITE_CHECKS = List.of(
      "BMB-05/test-error-within-bound",
      "BMB-05/error-slope-in-n",
      "BMB-05/error-slope-in-gamma",
      "BMB-06/first-success-is-geometric",
      "BMB-07/queries-within-bound",
      "BMB-07/queries-slope-in-alpha",
      "BMB-07/queries-slope-in-eps",
      "BMB-07/cost-is-additive",
      "BMB-09/mistakes-slope-in-alpha",
      "BMB-09/mistakes-slope-in-gamma",
      "BMB-10/error-plateaus-at-off-support-mass",
      "BMB-10/error-within-lq-form",
      "BMB-11/queries-grow-as-q-to-minus-n",
      "BMB-12/frozen-prm-cost-is-sum-of-inverses",
      "BMB-12/prm-polynomial-outcome-exponential",
      "BMB-13/off-support-likelihood",
      "BMB-13/process-lowers-test-error",
      "SHP-01/monte-carlo-matches-exact-law",
      "SHP-04/violations-at-most-rho",
      "SHP-05/stopping-law-and-miss-rate",
      "SHP-07/misidentifies-a-constant-fraction",
      "ACS-01/pass-at-b-frequencies",
      "ACS-03/outcome-pg-only-elicits",
      "ACS-03/process-pg-creates",
      "BMB-15/reported-random-iterate-flat-in-n-on-f1-shared",
      "BMB-15/random-iterate-flat-in-n-on-f1-indep",
      "BMB-15/last-iterate-flat-in-n-on-f1-shared",
      "BMB-15/constant-step-grows-as-n",
      "BMB-16/iterations-scale-as-one-over-alpha",
      "BMB-16/iterations-scale-as-one-over-pi",
      "BMB-16/iterations-scale-as-one-over-gamma-squared",
      "BMB-16/dead-group-stays-at-initial-error",
      "BMB-17/mistakes-linear-in-k-to-the-n",
      "BMB-17/mistakes-above-theorem-5-4-lower-bound",
      "BMB-18/cost-saturates-at-k-to-the-n-below-the-dead-mass",
      "BMB-19/iterations-free-of-lq",
      "BMB-19/per-sample-additive",
      "BMB-20/outcome-over-process-exponential",
      "BMB-21/queries-below-lq-cost-leave-error-above-eps",
      "BMB-21/iterations-at-least-c-over-gamma2-eps",
      "BMB-22/lq-jumps-past-one-over-gamma2-eps");

  /**
   * The outcome of one experiment under the rule.
   *
   * @param rejects whether the rule rejects the claim
   * @param statistic the measured value (e.g. the smallest p-value)
   * @param comparison which way the statistic must compare with the bound for the claim to pass
   *     (e.g. {@link Comparison#ABOVE}: the smallest p-value above the per-test level)
   * @param bound what it is compared with (e.g. the per-test level)
   * @param detail what was measured
   * @param figures the measured points of a scaling check, one {@link Series} per figure drawn
   *     in the claims report; empty where the check has no figure
   */
  public record Decision(boolean rejects, double statistic, Comparison comparison, double bound,
      String detail, List<Series> figures) {
    public Decision {
      Objects.requireNonNull(comparison, "comparison");
      figures = List.copyOf(figures);
    }

    /** A decision without a figure. */
    public Decision(
        boolean rejects, double statistic, Comparison comparison, double bound, String detail) {
      this(rejects, statistic, comparison, bound, detail, List.of());
    }

    /** A decision with one figure. */
    public Decision(boolean rejects, double statistic, Comparison comparison, double bound,
        String detail, Series series) {
      this(rejects, statistic, comparison, bound, detail, List.of(series));
    }
  }

  private final Claim claim;
  private final String check;
  private String rule;
  private LongFunction<Decision> real;
  private String mutantDescription;
  private LongFunction<Decision> mutant;
  private boolean reportedForm;

  private StatisticalProperty(String claimId, String check) {
    this.claim = ClaimRegistry.get(claimId);
    this.check = check;
    if (!SUITE_CHECKS.contains(claimId + "/" + check)) {
      throw new IllegalStateException(claimId + "/" + check + " is not in SUITE_CHECKS");
    }
  }

  public static StatisticalProperty of(String claimId, String check) {
    return new StatisticalProperty(claimId, check);
  }

  /** This check's false-alarm share {@code alpha}. */
  public double alpha() {
    return FalseAlarmBudget.suite(SUITE_CHECKS).share(claim.id() + "/" + check);
  }

  public StatisticalProperty rule(String rule) {
    this.rule = rule;
    return this;
  }

  /** The experiment on the real implementation, as a function of the check's seed. */
  public StatisticalProperty experiment(LongFunction<Decision> real) {
    this.real = real;
    return this;
  }

  /**
   * Marks this check as a test of a paper statement's <i>reported form</i> (its form as the
   * secondary readers report it, docs/theory.md §1), which the evidence may refute: a rejection is
   * then recorded as {@value ExactProperty#REFUTED} (a finding, with the rule's false-alarm
   * probability as its level, not a build failure), and the claim's statement says which corrected
   * form the other checks verify. The mutant twin must still be rejected.
   */
  public StatisticalProperty reportedForm() {
    this.reportedForm = true;
    return this;
  }

  public StatisticalProperty mutant(String description, LongFunction<Decision> mutant) {
    this.mutantDescription = description;
    this.mutant = mutant;
    return this;
  }

  /** Runs both experiments, records the outcome, throws if the claim or the mutant check fails. */
  public void verify() {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(real, "experiment");
    Objects.requireNonNull(mutant, "mutant");
    long start = System.currentTimeMillis();
    long seed = Suite.seedOf(claim.id(), check);
    Decision decision = real.apply(seed);
    Decision mutantDecision = mutant.apply(seed);
    String replay = "mvn -B -pl properties -am verify -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dpgbarrier.seed=" + Suite.masterSeed();
    ClaimLedger.record(ClaimRecord.of(
        claim,
        check,
        decision.rejects() ? (reportedForm ? ExactProperty.REFUTED : "FAIL") : "PASS",
        decision.statistic(),
        decision.comparison(),
        decision.bound(),
        rule,
        alpha(),
        mutantDecision.rejects(),
        mutantDescription,
        seed,
        decision.detail() + " || mutant: " + mutantDecision.detail(),
        1,
        System.currentTimeMillis() - start,
        replay,
        decision.figures()));
    if (decision.rejects() && !reportedForm) {
      throw new AssertionError(claim.id() + "/" + check + " REJECTED at false-alarm level "
          + alpha() + " (seed " + seed + "): " + decision.detail() + "\n  rule: " + rule
          + "\n  replay: " + replay);
    }
    if (!mutantDecision.rejects()) {
      throw new AssertionError(claim.id() + "/" + check + ": the mutant twin ("
          + mutantDescription + ") was not rejected, so this check cannot fail: "
          + mutantDecision.detail());
    }
  }
}
