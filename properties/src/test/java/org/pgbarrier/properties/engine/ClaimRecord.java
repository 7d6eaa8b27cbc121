package org.pgbarrier.properties.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One entry of {@code properties/target/claims/claims.json}: the outcome of one check of one
 * claim.
 *
 * @param id claim id (e.g. {@code BMB-01})
 * @param check the check's name within the claim
 * @param title claim title
 * @param paper arXiv id
 * @param provenance SOURCE, RECONSTRUCTED or CONJECTURE
 * @param verdict PASS, FAIL, or REFUTED (a conjecture with a counterexample: {@link
 *     ExactProperty#REFUTED})
 * @param statistic the worst observed statistic (or the failing one)
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
 */
@JsonPropertyOrder({"id", "check", "title", "paper", "provenance", "verdict", "statistic",
    "bound", "rule", "false_alarm", "mutant_rejected", "mutant", "seed", "instance", "tries",
    "elapsed_ms", "replay", "figures"})
public record ClaimRecord(
    String id,
    String check,
    String title,
    String paper,
    String provenance,
    String verdict,
    double statistic,
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
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Series> figures) {
  public ClaimRecord {
    figures = figures == null ? List.of() : List.copyOf(figures);
  }

  /** A record without a figure. */
  public ClaimRecord(String id, String check, String title, String paper, String provenance,
      String verdict, double statistic, double bound, String rule, double falseAlarm,
      Boolean mutantRejected, String mutant, long seed, String instance, int tries,
      long elapsedMs, String replay) {
    this(id, check, title, paper, provenance, verdict, statistic, bound, rule, falseAlarm,
        mutantRejected, mutant, seed, instance, tries, elapsedMs, replay, List.of());
  }
}
