package org.pgbarrier.support;

import org.pgbarrier.Checks;

/**
 * The four regimes of a target set {@code S} relative to a base model, a base budget {@code B0}
 * and a maximal practical budget {@code B_max > B0}, at confidence {@code q}. The regime names are
 * Paper B's [SOURCE: project page of arXiv 2605.08368]; the cut-offs are [RECONSTRUCTED,
 * docs/theory.md §10.4], the paper gives none:
 *
 * <pre>
 *   basin:     pi_ref(S) >= tau(B0, q)
 *   tail:      tau(B_max, q) <= pi_ref(S) < tau(B0, q)
 *   barrier:   0 < pi_ref(S) < tau(B_max, q)
 *   singular:  pi_ref(S) = 0
 * </pre>
 */
public enum Regime {
  /** Reachable within the base budget: training amplifies or stabilises it (elicitation). */
  BASIN,
  /** Reachable only under the larger budget: reweighting moves mass to it (elicitation). */
  TAIL,
  /** Of positive mass but out of reach at {@code B_max}: crossing needs new information. */
  BARRIER,
  /** Outside the strict support: no reweighting reaches it. */
  SINGULAR;

  /**
   * The regime of a target set of base log-mass {@code logMass} ({@code -inf} for mass 0).
   *
   * @param logMass {@code log pi_ref(S)}, in [-inf, 0]
   * @param baseBudget {@code B0 >= 1}
   * @param maxBudget {@code B_max > B0}
   * @param confidence {@code q} in (0, 1)
   */
  public static Regime of(double logMass, double baseBudget, double maxBudget, double confidence) {
    Checks.inRange("baseBudget", baseBudget, 1, Double.MAX_VALUE);
    Checks.above("maxBudget", Checks.finite("maxBudget", maxBudget), "baseBudget", baseBudget);
    if (logMass == Double.NEGATIVE_INFINITY) {
      return SINGULAR;
    }
    if (AccessibleSet.contains(logMass, baseBudget, confidence)) {
      return BASIN;
    }
    return AccessibleSet.contains(logMass, maxBudget, confidence) ? TAIL : BARRIER;
  }

  /** The regime of every target set, in order: the regime map of per-context log-masses. */
  public static Regime[] map(
      double[] logMasses, double baseBudget, double maxBudget, double confidence) {
    Regime[] out = new Regime[logMasses.length];
    for (int c = 0; c < logMasses.length; c++) {
      out[c] = of(logMasses[c], baseBudget, maxBudget, confidence);
    }
    return out;
  }
}
