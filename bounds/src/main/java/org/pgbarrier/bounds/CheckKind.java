package org.pgbarrier.bounds;

/**
 * The two kinds of check a claim declares ({@link DeclaredCheck}): they decide whether the check
 * spends part of its catalog's false-alarm budget.
 */
public enum CheckKind {
  /**
   * A decision that involves no randomness beyond the cases examined: it must hold on every case
   * (false-alarm probability 0), and spends nothing of the budget.
   */
  EXACT,
  /**
   * A decision rule on a seeded experiment whose false-alarm probability is computed: it spends
   * its share of its claim's allotment of the budget.
   */
  STATISTICAL
}
