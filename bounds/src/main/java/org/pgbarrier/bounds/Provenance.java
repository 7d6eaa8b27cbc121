package org.pgbarrier.bounds;

/**
 * Where a claim comes from; shown beside every claim in code, Javadoc, {@code claims.json} and the
 * claims report (docs/theory.md §1). Never present ours ({@link #RECONSTRUCTED}, {@link
 * #CONJECTURE}) as a paper's.
 */
public enum Provenance {
  /**
   * A statement of the body of arXiv 2603.06957 as reported by the secondary readers A, B, C
   * (docs/theory.md §1), who read the paper's text; the claim names which readers support it
   * ({@link Claim#readers()}) and the paper statement it checks ({@link Claim#checks()}). Rendered
   * {@code PAPER [A,B]}, or {@code PAPER [B, single source]} when one reader alone reports it.
   */
  PAPER,
  /**
   * A primary text read directly: the abstract of arXiv 2603.06957 (its body was not read), or the
   * text of another paper that was read in full (arXiv 2412.01951).
   */
  SOURCE,
  /** The authors' code ({@code github.com/mousavih/rlvr-base-model-barrier}): what they ran. */
  CODE,
  /**
   * Our derivation, made when the paper body was not available, consistent with its abstract and
   * code (docs/theory.md §8). Not the paper's statement.
   */
  RECONSTRUCTED,
  /** An unproven conjecture of ours, checked empirically. */
  CONJECTURE
}
