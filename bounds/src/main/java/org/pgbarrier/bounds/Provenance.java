package org.pgbarrier.bounds;

/** Where a claim comes from; shown beside every claim in code, Javadoc and the claims report. */
public enum Provenance {
  /** Stated in the paper (abstract, theorem) or read in the authors' code. */
  SOURCE,
  /**
   * Reconstructed: the paper body was not available, so the statement was derived to be
   * consistent with its abstract and code (see {@code shared/theory}). Not the paper's statement.
   */
  RECONSTRUCTED,
  /** An unproven conjecture checked empirically. */
  CONJECTURE
}
