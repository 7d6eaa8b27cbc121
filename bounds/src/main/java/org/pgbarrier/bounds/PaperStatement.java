package org.pgbarrier.bounds;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One statement of the body of arXiv 2603.06957 (a proposition, theorem, corollary, remark or
 * figure) as reported by the secondary readers (docs/theory.md §1, §5, §7). Which claims check it
 * is computed from the registry ({@link #checkedBy()}), never kept by hand.
 *
 * @param pmlr its name in the PMLR / OpenReview numbering, e.g. {@code Theorem 4.1}: the key
 * @param arxiv its name in the arXiv numbering, e.g. {@code Theorem 6}, or null where no source
 *     gives it
 * @param arxivInferred whether the arXiv name is inferred from the order of the statements rather
 *     than reported
 * @param pmlrInferred whether the PMLR name is inferred rather than reported
 * @param readers the secondary readers reporting it (at least one)
 * @param alsoIn other sources stating it or its consequence ({@code abstract}, {@code authors'
 *     code}), or empty
 * @param statement the statement in one line
 * @param docs where docs/theory.md states it, e.g. {@code docs/theory.md §5.6}
 * @param uncheckable why no claim can check it, or null if it can be checked
 */
public record PaperStatement(
    String pmlr,
    String arxiv,
    boolean arxivInferred,
    boolean pmlrInferred,
    Set<Reader> readers,
    String alsoIn,
    String statement,
    String docs,
    String uncheckable) {

  public PaperStatement {
    for (String[] field : new String[][] {{"pmlr", pmlr}, {"statement", statement},
        {"docs", docs}}) {
      if (field[1] == null || field[1].isBlank()) {
        throw new IllegalArgumentException(field[0] + " of paper statement " + pmlr
            + " is blank: must be given");
      }
    }
    if (readers == null || readers.isEmpty()) {
      throw new IllegalArgumentException("readers of " + pmlr + " = " + readers
          + ": at least one reader must report it");
    }
    readers = Collections.unmodifiableSet(EnumSet.copyOf(readers));
    alsoIn = alsoIn == null ? "" : alsoIn;
  }

  /**
   * The statement in both numberings, as every claim checking it names it in its locus: {@code
   * Theorem 6 (arXiv) / Theorem 4.1 (PMLR)}, {@code Figure 1 (arXiv and PMLR)}, {@code Remark 3.3
   * (PMLR; arXiv number not reported)}; an inferred number is marked {@code inferred}.
   */
  public String locus() {
    if (arxiv == null) {
      return pmlr + " (PMLR; arXiv number not reported)";
    }
    if (arxiv.equals(pmlr) && !arxivInferred && !pmlrInferred) {
      return pmlr + " (arXiv and PMLR)";
    }
    return arxiv + " (arXiv" + (arxivInferred ? ", inferred" : "") + ") / " + pmlr + " (PMLR"
        + (pmlrInferred ? ", inferred" : "") + ")";
  }

  /** {@code PAPER [A,B]} or {@code PAPER [B, single source]}. */
  public String provenanceTag() {
    return Provenance.PAPER + " " + Claim.readersTag(readers);
  }

  /** The registered claims that check it, in registration order. */
  public List<Claim> checkedBy() {
    return ClaimRegistry.all().stream().filter(c -> c.statements().contains(pmlr)).toList();
  }

  /** Whether at least one registered claim checks it. */
  public boolean checked() {
    return !checkedBy().isEmpty();
  }
}
