package org.pgbarrier.testkit.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.pgbarrier.bounds.CheckKind;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.ClaimCatalog;
import org.pgbarrier.bounds.ClaimRegistry;
import org.pgbarrier.bounds.DeclaredCheck;
import org.pgbarrier.bounds.Provenance;

/**
 * What the two kinds of property share: the claim and its declared check (a test runs only a
 * check its claim declares, of the declared kind), the decision rule and the mutant twin in
 * words, the verdict (PASS, FAIL, or {@value #REFUTED} for a question rather than a promise), the
 * ledger record, the replay command and the failure messages.
 *
 * <p>Replay: {@code -Dpgbarrier.replay='ID/check@seed[@params]'} runs only that check: an exact
 * check re-examines the one case (case seed and parameters), a statistical check reruns its
 * experiment on the check seed, and {@code ID/check@seed#r} reruns replicate {@code r} alone of
 * a statistical check built on {@link Replicates}; every other property of the run returns at
 * once, recording nothing.
 */
public abstract sealed class Property permits ExactProperty, StatisticalProperty {
  /**
   * The verdict of a {@link Provenance#CONJECTURE}, or of a statement's reported form, that the
   * evidence refutes: a finding, recorded with its case and replay command, that does not fail the
   * build.
   */
  public static final String REFUTED = "REFUTED";

  final Claim claim;
  final ClaimCatalog catalog;
  final String check;
  String rule;
  String mutantDescription;
  boolean reportedForm;
  Consumer<ClaimRecord> ledger = ClaimLedger::record;

  Property(String claimId, String check, CheckKind kind) {
    this.claim = ClaimRegistry.get(claimId);
    this.catalog = ClaimRegistry.catalogOf(claimId);
    this.check = Objects.requireNonNull(check, "check");
    DeclaredCheck declared = claim.declared(check).orElseThrow(() -> new IllegalStateException(
        key() + " is not declared in the claim registry (catalog " + catalog.name() + "):"
            + " declare it on the claim's registration with .with"
            + (kind == CheckKind.EXACT ? "Exact" : "Statistical") + "(\"" + check + "\");"
            + " declared: " + claim.declaredChecks()));
    if (declared.kind() != kind) {
      throw new IllegalStateException(key() + " is declared " + declared.kind() + " in catalog "
          + catalog.name() + " but run as " + kind + ": a statistical check spends a share of"
          + " the false-alarm budget, an exact one does not, so the two must agree");
    }
  }

  /** {@code ID/check}. */
  final String key() {
    return claim.id() + "/" + check;
  }

  /** Whether a failure is a finding ({@value #REFUTED}) rather than a failed build. */
  final boolean question() {
    return reportedForm || claim.provenance() == Provenance.CONJECTURE;
  }

  /** PASS, or for a failure FAIL or {@value #REFUTED} ({@link #question()}). */
  final String verdict(boolean failed) {
    return !failed ? "PASS" : question() ? REFUTED : "FAIL";
  }

  /**
   * The selector after {@code ID/check@} if {@code -Dpgbarrier.replay} targets this check; the
   * empty string if a replay targets another check (this one then does nothing); null without a
   * replay.
   */
  final String replaySelector() {
    String replay = Suite.replay();
    if (replay == null) {
      return null;
    }
    String prefix = key() + "@";
    return replay.startsWith(prefix) ? replay.substring(prefix.length()) : "";
  }

  /**
   * The command replaying this check on {@code selector} ({@code seed}, {@code seed#r} or {@code
   * seed@params}): the catalog's build command, the running {@code @Test} method and {@code
   * -Dpgbarrier.replay}.
   */
  final String replayCommand(String selector) {
    StackWalker.StackFrame caller = StackWalker
        .getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames.filter(Property::isTestMethod).findFirst().orElseThrow(
            () -> new IllegalStateException("verify() must be called from a @Test method")));
    return catalog.replayCommand() + " -Dsurefire.failIfNoSpecifiedTests=false -Dtest='"
        + caller.getDeclaringClass().getSimpleName() + "#" + caller.getMethodName() + "'"
        + " -Dpgbarrier.replay='" + key() + "@" + selector + "'";
  }

  private static boolean isTestMethod(StackWalker.StackFrame frame) {
    try {
      return frame.getDeclaringClass().getDeclaredMethod(frame.getMethodName())
          .isAnnotationPresent(org.junit.jupiter.api.Test.class);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Records one outcome of this check in the ledger; {@code replicate} may be null. */
  final void record(String verdict, double statistic, Comparison comparison, double bound,
      String ruleText, double falseAlarm, Boolean mutantRejected, long seed, String instance,
      int tries, long elapsedMs, String replay, List<Series> figures,
      ClaimRecord.ReplicateReplay replicate) {
    ledger.accept(ClaimRecord.of(claim, check, verdict, statistic, comparison, bound, ruleText,
        falseAlarm, mutantRejected, mutantDescription, seed, instance, tries, elapsedMs, replay,
        figures).withReplicate(replicate));
  }

  /**
   * The failure of the real implementation: claim, provenance, rule, the kind-specific {@code
   * detail} lines (each starting with two spaces and ending with a newline), and the replay.
   */
  final AssertionError failure(String headline, String detail, String replay) {
    return new AssertionError(key() + " " + headline + ": " + claim.title() + " ["
        + claim.provenanceTag() + ", " + claim.paper().arxiv() + "]\n"
        + "  rule: " + rule + "\n" + detail + "  replay: " + replay);
  }

  /** The failure of a check whose mutant twin was not rejected: it cannot fail. */
  final AssertionError toothless(String what) {
    return new AssertionError(key() + ": the mutant twin (" + mutantDescription + ") " + what
        + ", so this check cannot fail");
  }
}
