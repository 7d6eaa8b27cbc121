package org.pgbarrier.testkit.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.pgbarrier.bounds.Claim;

/**
 * One entry of {@code properties/target/claims/claims.json}: the outcome of one check of one
 * claim.
 *
 * @param id claim id (e.g. {@code BMB-01})
 * @param check the check's name within the claim
 * @param title claim title
 * @param paper arXiv id
 * @param provenance the full provenance tag ({@link Claim#provenanceTag()}): {@code PAPER [A,B]},
 *     {@code PAPER [B, single source]}, {@code SOURCE}, {@code CODE}, {@code RECONSTRUCTED} or
 *     {@code CONJECTURE}
 * @param locus where the claim is stated (both numberings for a paper statement)
 * @param paperStatement the paper statements the claim checks ({@link Claim#statements()}, PMLR
 *     numbering, comma-separated), or null
 * @param verdict PASS, FAIL, or REFUTED (a conjecture with a counterexample, or a reported form
 *     of a paper statement that the evidence shows wrong: {@link Property#REFUTED})
 * @param statistic the worst observed statistic (or the failing one)
 * @param comparison which way the statistic must compare with the bound to pass: the {@link
 *     Comparison#symbol()}, e.g. {@code <=}
 * @param bound what it was held to
 * @param rule the decision rule in words
 * @param falseAlarm probability that the rule fails a correct implementation (0 for exact checks)
 * @param mutantRejected whether the mutant twin was rejected; null where none applies
 * @param mutant what the mutant twin is
 * @param seed the check's master seed
 * @param instance the worst (or failing, shrunk) case: family, parameters and case seed
 * @param tries cases examined
 * @param elapsedMs wall time of the check including its mutant
 * @param replay a command that replays the reported case
 * @param figures the measured points of a scaling check, one {@link Series} per figure in the
 *     report; empty (and left out of the JSON) for a check without figures
 * @param replicate the one replicate of a statistical check built on {@link Replicates} that the
 *     record names, with the command rerunning just it; null (and left out) for any other check
 */
@JsonPropertyOrder({"id", "check", "title", "paper", "provenance", "locus", "paper_statement",
    "verdict", "statistic", "comparison", "bound", "rule", "false_alarm", "mutant_rejected",
    "mutant", "seed", "instance", "tries", "elapsed_ms", "replay", "figures",
    "replicate"})
public record ClaimRecord(
    String id,
    String check,
    String title,
    String paper,
    String provenance,
    String locus,
    @JsonProperty("paper_statement") String paperStatement,
    String verdict,
    double statistic,
    String comparison,
    double bound,
    String rule,
    @JsonProperty("false_alarm") double falseAlarm,
    @JsonProperty("mutant_rejected") Boolean mutantRejected,
    String mutant,
    long seed,
    String instance,
    int tries,
    @JsonProperty("elapsed_ms") long elapsedMs,
    String replay,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Series> figures,
    @JsonInclude(JsonInclude.Include.NON_NULL) ReplicateReplay replicate) {
  /**
   * One replicate of a {@link Replicates} experiment, named for replay.
   *
   * @param index the replicate's index {@code r}
   * @param picked why it is the one named ({@link Replicates.Pick#description()})
   * @param observation its observation in the run recorded
   * @param replay the command rerunning just this replicate ({@code ID/check@seed#r})
   */
  public record ReplicateReplay(int index, String picked, double observation, String replay) {}

  public ClaimRecord {
    Comparison.parse(comparison);
    figures = figures == null ? List.of() : List.copyOf(figures);
  }

  /** The record of check {@code check} of {@code claim}; the claim's fields come from the claim. */
  public static ClaimRecord of(Claim claim, String check, String verdict, double statistic,
      Comparison comparison, double bound, String rule, double falseAlarm,
      Boolean mutantRejected, String mutant, long seed, String instance, int tries,
      long elapsedMs, String replay, List<Series> figures) {
    return new ClaimRecord(claim.id(), check, claim.title(), claim.paper().arxiv(),
        claim.provenanceTag(), claim.locus(),
        claim.checks() == null ? null : String.join(", ", claim.statements()), verdict, statistic,
        comparison.symbol(), bound, rule, falseAlarm, mutantRejected, mutant, seed, instance, tries,
        elapsedMs, replay, figures, null);
  }

  /** This record naming {@code replicate} for replay. */
  public ClaimRecord withReplicate(ReplicateReplay replicate) {
    return new ClaimRecord(id, check, title, paper, provenance, locus, paperStatement, verdict,
        statistic, comparison, bound, rule, falseAlarm, mutantRejected, mutant, seed, instance,
        tries, elapsedMs, replay, figures, replicate);
  }
}
