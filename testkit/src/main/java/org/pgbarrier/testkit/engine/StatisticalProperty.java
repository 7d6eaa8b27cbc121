package org.pgbarrier.testkit.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.pgbarrier.Checks;
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
 * and fails with the decision's detail if the rule rejects. An experiment made of {@link
 * Replicates} also names one replicate (the one its {@link Replicates#named()} picks), with
 * {@code -Dpgbarrier.replay='ID/check@seed#r'}, which reruns replicate {@code r} alone and prints
 * its observation, the same bits as in the full run, for a debugger to step through.
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
  /** The real experiment when it is made of replicates, else null. */
  private Replicates replicates;
  private LongFunction<Decision> mutant;
  private Consumer<String> console = System.out::println;

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
    this.replicates = null;
    return this;
  }

  /**
   * The experiment on the real implementation as independent replicates: the failure message and
   * the record then also name one replicate, with the command rerunning it alone.
   */
  public StatisticalProperty experiment(Replicates real) {
    this.real = real;
    this.replicates = real;
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

  /** Where a replayed replicate's observation is printed; stdout unless the engine tests itself. */
  StatisticalProperty printTo(Consumer<String> console) {
    this.console = console;
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
    if (!Suite.selected(claim.id(), check, CheckKind.STATISTICAL)) {
      return;
    }
    long start = System.currentTimeMillis();
    long seed = Suite.seedOf(claim.id(), check);
    Run run = run(seed);
    Decision decision = run.decision;
    Decision mutantDecision = mutant.apply(seed);
    String replay = replayCommand(Long.toString(seed));
    record(verdict(decision.rejects()), decision.statistic(), decision.comparison(),
        decision.bound(), rule, alpha(), mutantDecision.rejects(), seed,
        decision.detail() + " || mutant: " + mutantDecision.detail(), 1,
        System.currentTimeMillis() - start, replay, decision.figures(), run.named);
    if (decision.rejects() && !question()) {
      throw failure("REJECTED", "  at false-alarm level " + alpha() + " (check seed " + seed
          + "): " + decision.detail() + "\n" + run.namedLine(), replay);
    }
    if (!mutantDecision.rejects()) {
      throw toothless("was not rejected: " + mutantDecision.detail());
    }
  }

  /** The decision of the real experiment and, for {@link Replicates}, the replicate named. */
  private record Run(Decision decision, ClaimRecord.ReplicateReplay named) {
    String namedLine() {
      return named == null ? "" : "  replicate " + named.index() + " (" + named.picked()
          + ") observed " + named.observation() + "; rerun it alone: " + named.replay() + "\n";
    }
  }

  private Run run(long seed) {
    if (replicates == null) {
      return new Run(real.apply(seed), null);
    }
    double[] observations = replicates.observe(seed);
    Decision decision = replicates.rule().decide(seed, observations);
    Replicates.Pick pick = replicates.named();
    int r = Checks.inRange("replicate named by " + pick.description(),
        pick.index().applyAsInt(observations), -1, replicates.runs() - 1);
    return new Run(decision, r < 0 ? null : new ClaimRecord.ReplicateReplay(r,
        pick.description(), observations[r], replayCommand(seed + "#" + r)));
  }

  private void replayOne(String selector) {
    int hash = selector.indexOf('#');
    long seed;
    try {
      seed = Long.parseLong((hash < 0 ? selector : selector.substring(0, hash)).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("pgbarrier.replay = " + key() + "@" + selector
          + ": must be ID/check@seed, or ID/check@seed#r for one replicate, for a statistical"
          + " check", e);
    }
    if (hash >= 0) {
      replayReplicate(selector, seed, selector.substring(hash + 1).trim());
      return;
    }
    Run run = run(seed);
    if (run.decision.rejects()) {
      throw failure("replayed on check seed " + seed + " is REJECTED", "  at false-alarm level "
          + alpha() + ": " + run.decision.detail() + "\n" + run.namedLine(),
          replayCommand(selector));
    }
  }

  /** Reruns replicate {@code text} alone on {@code seed} and prints its observation. */
  private void replayReplicate(String selector, long seed, String text) {
    String replay = "pgbarrier.replay = " + key() + "@" + selector + ": ";
    if (replicates == null) {
      throw new IllegalArgumentException(replay + "this check's experiment is not made of"
          + " Replicates, so it replays only whole, as ID/check@seed");
    }
    int r;
    try {
      r = Checks.inRange("replicate", Integer.parseInt(text), 0, replicates.runs() - 1);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(replay + "replicate = " + text + ": must be an integer"
          + " in [0, " + (replicates.runs() - 1) + "]", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(replay + e.getMessage(), e);
    }
    console.accept(key() + " replicate " + r + " of " + replicates.runs() + " on check seed "
        + seed + " observed " + replicates.observe(seed, r));
  }
}
