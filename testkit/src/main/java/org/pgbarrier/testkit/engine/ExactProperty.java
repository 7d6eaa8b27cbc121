package org.pgbarrier.testkit.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.pgbarrier.bounds.CheckKind;
import org.pgbarrier.bounds.Provenance;
import org.pgbarrier.random.Seeds;

/**
 * An exact property of a claim: a {@link Check} that must hold on every one of many seeded random
 * cases, and a mutant twin (a deliberately wrong implementation, or the bound scaled down) that
 * must fail on at least one of the same cases.
 *
 * <p>Case {@code t} has seed {@code Seeds.derive(checkSeed, t)}, its parameters come from stream 0
 * of that seed, and the check derives everything else from it. A failing case is shrunk: each
 * parameter is moved toward the lower end of its range while the case still fails, keeping the
 * case seed. The failure message carries the claim id, the seed, the shrunk parameters, the
 * observed value against the bound, and a command that replays just that case. Every run is
 * recorded in the {@link ClaimLedger}; a decision that involves no randomness has false-alarm
 * probability 0.
 *
 * <p>A claim of provenance {@link Provenance#CONJECTURE} is a question, not a promise: every case
 * is examined, the first failing one is shrunk, and the outcome is recorded as {@value Property#REFUTED}
 * with the shrunk counterexample, the number of failing cases and the replay command, without
 * failing the build. If no case fails, the record says it held on every case examined. Either
 * way the mutant twin must be rejected, or the check fails as toothless.
 */
public final class ExactProperty extends Property {
  private static final int MAX_SHRINK_EVALUATIONS = 400;

  private ParameterSpace space;
  private int tries = 100;
  private Check real;
  private Check mutant;

  private ExactProperty(String claimId, String check) {
    super(claimId, check, CheckKind.EXACT);
  }

  /**
   * Starts the property {@code check} of the registered claim {@code claimId}, which must declare
   * it as an exact check ({@link org.pgbarrier.bounds.Claim#withExact}).
   */
  public static ExactProperty of(String claimId, String check) {
    return new ExactProperty(claimId, check);
  }

  public ExactProperty over(ParameterSpace space) {
    this.space = space;
    return this;
  }

  /**
   * Marks this check as the audit of a statement's reported form (a paper statement as the
   * secondary readers report it, e.g. Theorem 5.5's {@code Q_q(eps) <= k^-N}): like a {@link
   * Provenance#CONJECTURE}, a counterexample is recorded as {@value Property#REFUTED}, shrunk, with
   * its replay command, and does not fail the build. The claim must record the finding and carry a
   * passing check of the form the evidence supports.
   */
  public ExactProperty reportedForm() {
    this.reportedForm = true;
    return this;
  }

  public ExactProperty tries(int tries) {
    this.tries = tries;
    return this;
  }

  /** The decision rule in words, e.g. {@code max |sum p - 1| <= 1e-12 on every case}. */
  public ExactProperty rule(String rule) {
    this.rule = rule;
    return this;
  }

  public ExactProperty check(Check check) {
    this.real = check;
    return this;
  }

  /** The mutant twin that the same rule must reject on at least one case. */
  public ExactProperty mutant(String description, Check mutant) {
    this.mutantDescription = description;
    this.mutant = mutant;
    return this;
  }

  /** Where the outcome is recorded; {@link ClaimLedger#record} unless the engine tests itself. */
  ExactProperty recordTo(Consumer<ClaimRecord> ledger) {
    this.ledger = ledger;
    return this;
  }

  /** Runs the property and its mutant, records the outcome, and throws on failure. */
  public void verify() {
    Objects.requireNonNull(space, "over(space)");
    Objects.requireNonNull(real, "check(...)");
    Objects.requireNonNull(rule, "rule(...)");
    String selector = replaySelector();
    if (selector != null) {
      if (!selector.isEmpty()) {
        replayOne(selector);
      }
      return;
    }
    if (!Suite.selected(claim.id(), check, CheckKind.EXACT)) {
      return;
    }
    long start = System.currentTimeMillis();
    long checkSeed = Suite.seedOf(claim.id(), check);
    Observation worst = null;
    Params worstParams = null;
    long worstSeed = 0;
    boolean conjecture = question();
    Failure failure = null;
    int failing = 0;
    int examined = 0;
    for (int t = 0; t < tries && (failure == null || conjecture); t++) {
      long caseSeed = Seeds.derive(checkSeed, t);
      Params params = space.sample(Seeds.stream(caseSeed, 0));
      Observation obs = run(real, params, caseSeed);
      examined++;
      if (worst == null || obs.worse(worst) == obs) {
        worst = obs;
        worstParams = params;
        worstSeed = caseSeed;
      }
      if (!obs.holds()) {
        failing++;
        if (failure == null) {
          failure = shrink(real, params, caseSeed, obs);
        }
      }
    }
    Boolean mutantRejected = mutant == null ? null : mutantRejected(checkSeed);
    Observation reported = failure != null ? failure.observation : worst;
    Params reportedParams = failure != null ? failure.params : worstParams;
    long reportedSeed = failure != null ? failure.seed : worstSeed;
    String replayCommand = replayCommand(reportedSeed + "@" + reportedParams);
    String instance = reportedParams + " case-seed=" + reportedSeed + " :: " + reported.detail();
    if (failure != null && conjecture) {
      instance = "counterexample " + instance + " (shrunk from " + failure.original
          + "; fails on " + failing + " of " + examined + " cases)";
    }
    record(verdict(failure != null), reported.statistic(), reported.comparison(),
        reported.bound(), rule + " on all of " + tries + " cases", 0.0, mutantRejected,
        checkSeed, instance, examined, System.currentTimeMillis() - start, replayCommand,
        List.of(), null);
    if (failure != null && !conjecture) {
      throw failure("FAILED",
          "  case seed " + failure.seed + ", drawn as " + failure.original + ", shrunk to "
              + failure.params + "\n"
              + "  observed " + failure.observation.statistic() + " "
              + failure.observation.comparison().symbol() + " " + failure.observation.bound()
              + " required\n"
              + "  detail: " + failure.observation.detail() + "\n",
          replayCommand);
    }
    if (Boolean.FALSE.equals(mutantRejected)) {
      throw toothless("passed all " + tries + " cases");
    }
  }

  private boolean mutantRejected(long checkSeed) {
    for (int t = 0; t < tries; t++) {
      long caseSeed = Seeds.derive(checkSeed, t);
      Params params = space.sample(Seeds.stream(caseSeed, 0));
      if (!run(mutant, params, caseSeed).holds()) {
        return true;
      }
    }
    return false;
  }

  private record Failure(Params original, Params params, long seed, Observation observation) {}

  private Failure shrink(Check c, Params params, long seed, Observation observation) {
    Params current = params;
    Observation currentObs = observation;
    int evaluations = 0;
    boolean progress = true;
    while (progress && evaluations < MAX_SHRINK_EVALUATIONS) {
      progress = false;
      for (Params candidate : space.shrinkCandidates(current)) {
        if (++evaluations > MAX_SHRINK_EVALUATIONS) {
          break;
        }
        Observation obs = run(c, candidate, seed);
        if (!obs.holds()) {
          current = candidate;
          currentObs = obs;
          progress = true;
          break;
        }
      }
    }
    return new Failure(params, current, seed, currentObs);
  }

  private static Observation run(Check c, Params params, long seed) {
    try {
      return c.apply(params, seed);
    } catch (RuntimeException e) {
      return new Observation(false, Double.NaN, Comparison.RULE, Double.NaN,
          Double.POSITIVE_INFINITY,
          "threw " + e);
    }
  }

  private void replayOne(String selector) {
    String[] parts = selector.split("@", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("pgbarrier.replay = " + key() + "@" + selector
          + ": must be ID/check@seed@name=value,...");
    }
    long seed = Long.parseLong(parts[0]);
    Params params = Params.parse(parts[1]);
    Observation obs = run(real, params, seed);
    if (!obs.holds()) {
      throw failure("replayed case " + params + " seed " + seed + " fails",
          "  observed " + obs.statistic() + " " + obs.comparison().symbol() + " " + obs.bound()
              + " required\n  detail: " + obs.detail() + "\n",
          replayCommand(selector));
    }
  }
}
