package org.pgbarrier.sharpen;

import org.pgbarrier.Checks;

/**
 * The coverage coefficient {@code C_cov = E_{x~mu}[1/pi_base(y*(x)|x)]} [SOURCE: arXiv 2412.01951
 * §3.3 Eq. (6)] on a finite prompt set, and the prompt mass whose argmax lies below a budget
 * threshold, {@code P_x[pi_base(y*(x)|x) < 1/B]} (the argmax is not accessible at budget {@code
 * B} in the sense of docs/theory.md §9.3 [RECONSTRUCTED]). {@code y*(x)} is the argmax set, so its
 * mass is the maximum times the number of maximisers.
 */
public final class CoverageCoefficient {
  private CoverageCoefficient() {}

  /** {@code C_cov}, with {@code mu} the prompt law and {@code base[x]} the base law on prompt x. */
  public static double of(double[][] base, double[] mu) {
    Laws.check("mu", mu);
    Checks.length("base", base.length, mu.length);
    double c = 0;
    for (int x = 0; x < mu.length; x++) {
      if (mu[x] > 0) {
        c += mu[x] / argmaxMass(base[x]);
      }
    }
    return c;
  }

  /** {@code P_x[pi_base(y*(x)|x) < 1/B]}. */
  public static double massBelowBudget(double[][] base, double[] mu, double budget) {
    Laws.check("mu", mu);
    Checks.length("base", base.length, mu.length);
    Checks.positive("budget", budget);
    double mass = 0;
    for (int x = 0; x < mu.length; x++) {
      if (argmaxMass(base[x]) * budget < 1) {
        mass += mu[x];
      }
    }
    return mass;
  }

  /** {@code pi_base(y*|x)}: the maximum mass times the number of responses attaining it. */
  public static double argmaxMass(double[] law) {
    Laws.check("law", law);
    double max = law[Laws.argmax(law)];
    double mass = 0;
    for (double p : law) {
      if (p == max) {
        mass += p;
      }
    }
    return mass;
  }
}
