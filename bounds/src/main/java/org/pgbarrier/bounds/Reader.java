package org.pgbarrier.bounds;

/**
 * The three independent secondary readers of the body of arXiv 2603.06957 (docs/theory.md §1).
 * The paper's PDF itself was not read: a {@link Provenance#PAPER} statement is what these readers
 * report, and a claim names the readers that report it.
 */
public enum Reader {
  /** A public blog post on the main text; arXiv numbering (Theorem 3, Corollary 4, Theorem 6). */
  A,
  /** A full-text review of the OpenReview PDF (34 pages); PMLR numbering (Theorem 3.1, ...). */
  B,
  /** A literature note on the arXiv v2 HTML, §1-7 without appendix; arXiv numbering. */
  C
}
