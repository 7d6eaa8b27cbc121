package org.pgbarrier.testkit.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.pgbarrier.bounds.CheckKind;
import org.pgbarrier.testkit.stats.FalseAlarmBudget;

/**
 * A statistical claim checked by one seeded experiment and a decision rule whose false-alarm
 * probability is computed: the rule is given this check's share {@code alpha} of its catalog's
 * budget ({@link FalseAlarmBudget}, computed from the checks the claims declare) and must reject
 * the mutant twin run on the same seed. The check must be declared statistical on its claim
 * ({@link org.pgbarrier.bounds.Claim#withStatistical}); an undeclared one is refused.
 *
 * <p>Replay: the failure message and the ledger carry {@code -Dpgbarrier.replay='ID/check@seed'},
 * which reruns this one experiment on its check seed (under any master seed, e.g. a soak seed's)
 * and fails with the decision's detail if the rule rejects.
 */
public final class StatisticalProperty extends Property {
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

  private LongFunction<Decision> real;
  private LongFunction<Decision> mutant;

  private StatisticalProperty(String claimId, String check) {
    super(claimId, check, CheckKind.STATISTICAL);
  }

  /**
   * Starts the statistical property {@code check} of the registered claim {@code claimId}, which
   * must declare it as a statistical check.
   */
  public static StatisticalProperty of(String claimId, String check) {
    return new StatisticalProperty(claimId, check);
  }

  /** This check's false-alarm share {@code alpha} of its catalog's budget. */
  public double alpha() {
    return FalseAlarmBudget.of(catalog).share(claim.id(), check);
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
   * then recorded as {@value Property#REFUTED} (a finding, with the rule's false-alarm
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

  /** Where the outcome is recorded; {@link ClaimLedger#record} unless the engine tests itself. */
  StatisticalProperty recordTo(Consumer<ClaimRecord> ledger) {
    this.ledger = ledger;
    return this;
  }

  /** Runs both experiments, records the outcome, throws if the claim or the mutant check fails. */
  public void verify() {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(real, "experiment");
    Objects.requireNonNull(mutant, "mutant");
    String selector = replaySelector();
    if (selector != null) {
      if (!selector.isEmpty()) {
        replayOne(selector);
      }
      return;
    }
    long start = System.currentTimeMillis();
    long seed = Suite.seedOf(claim.id(), check);
    Decision decision = real.apply(seed);
    Decision mutantDecision = mutant.apply(seed);
    String replay = replayCommand(Long.toString(seed));
    record(verdict(decision.rejects()), decision.statistic(), decision.comparison(),
        decision.bound(), rule, alpha(), mutantDecision.rejects(), seed,
        decision.detail() + " || mutant: " + mutantDecision.detail(), 1,
        System.currentTimeMillis() - start, replay, decision.figures());
    if (decision.rejects() && !question()) {
      throw failure("REJECTED", "  at false-alarm level " + alpha() + " (check seed " + seed
          + "): " + decision.detail() + "\n", replay);
    }
    if (!mutantDecision.rejects()) {
      throw toothless("was not rejected: " + mutantDecision.detail());
    }
  }

  private void replayOne(String selector) {
    long seed;
    try {
      seed = Long.parseLong(selector.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("pgbarrier.replay = " + key() + "@" + selector
          + ": must be ID/check@seed for a statistical check", e);
    }
    Decision decision = real.apply(seed);
    if (decision.rejects()) {
      throw failure("replayed on check seed " + seed + " is REJECTED", "  at false-alarm level "
          + alpha() + ": " + decision.detail() + "\n", replayCommand(selector));
    }
  }
}
