package org.pgbarrier.support;

import org.pgbarrier.Checks;

/**
 * Membership in the accessible support [RECONSTRUCTED, docs/theory.md §10.3]:
 *
 * <pre>
 *   A_{B,q}(x) = { y : 1 - (1 - pi(y|x))^B >= q } = { y : pi(y|x) >= tau(B, q) },
 *   tau(B, q)  = 1 - (1 - q)^(1/B) = -expm1(log1p(-q) / B),
 * </pre>
 *
 * i.e. the behaviours that {@code B} independent samples contain with probability at least {@code
 * q} (pass@B). Sequence likelihoods are taken in log space, so {@code k^-N} does not underflow.
 * Paper B states only that accessible support is "the set of behaviors that a model can
 * practically produce under finite budgets" [SOURCE: abstract]; the formula is ours
 * (docs/theory.md §10.3).
 */
public final class AccessibleSet {
  private AccessibleSet() {}

  /** {@code tau(B, q) = -expm1(log1p(-q)/B)}; {@code B >= 1}, {@code q} in (0, 1). */
  public static double threshold(double budget, double confidence) {
    check(budget, confidence);
    return -Math.expm1(Math.log1p(-confidence) / budget);
  }

  /** {@code log tau(B, q)}, accurate when {@code tau} is far below the smallest double. */
  public static double logThreshold(double budget, double confidence) {
    check(budget, confidence);
    return Math.log(threshold(budget, confidence));
  }

  /**
   * pass@B from a log-likelihood: {@code 1 - (1 - pi)^B = -expm1(B log(1 - e^logPi))}, with
   * {@code log(1 - e^a)} evaluated as {@code log(-expm1(a))} for {@code a > -ln 2} and {@code
   * log1p(-e^a)} otherwise (Maechler, "Accurately computing log(1 - exp(-|a|))", 2012).
   *
   * @param logProbability {@code log pi} in [-inf, 0]
   * @param budget {@code B >= 1}
   */
  public static double passAtBudget(double logProbability, double budget) {
    checkLog(logProbability);
    check(budget, 0.5);
    return -Math.expm1(budget * log1mExp(logProbability));
  }

  /** Whether a behaviour of log-likelihood {@code logProbability} lies in {@code A_{B,q}}. */
  public static boolean contains(double logProbability, double budget, double confidence) {
    checkLog(logProbability);
    return logProbability >= logThreshold(budget, confidence);
  }

  /** {@code log(1 - e^a)} for {@code a <= 0}. */
  static double log1mExp(double a) {
    return a > -Math.log(2) ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
  }

  private static void checkLog(double logProbability) {
    Checks.logProbability("logProbability", logProbability);
  }

  private static void check(double budget, double confidence) {
    Checks.inRange("budget", budget, 1, Double.MAX_VALUE);
    Checks.openUnit("confidence", confidence);
  }
}
