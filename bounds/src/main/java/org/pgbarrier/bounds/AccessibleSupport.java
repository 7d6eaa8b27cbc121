package org.pgbarrier.bounds;

/**
 * The accessible-support formulas of arXiv 2605.08368 (Li and Liu, "On Distinguishing Capability
 * Elicitation from Capability Creation in Post-Training: A Free-Energy Perspective") as code.
 *
 * <p>The paper gives no formal definition of accessible support ("not meant to be a new formal
 * object with a unique estimator", §4.1 [SOURCE: quoted in docs/theory.md
 * §10]). Every formula here is our operational definition (docs/theory.md §10) and is
 * [RECONSTRUCTED]; none is the paper's.
 */
public final class AccessibleSupport {
  private AccessibleSupport() {}

  /**
   * The accessibility threshold [RECONSTRUCTED, docs/theory.md §10]:
   *
   * <pre>
   *   tau(B, q) = 1 - (1 - q)^(1/B) = -expm1(log1p(-q) / B),
   * </pre>
   *
   * so that {@code 1 - (1 - pi)^B >= q} iff {@code pi >= tau(B, q)}. Evaluated with {@code expm1}
   * and {@code log1p}: the naive {@code 1 - Math.pow(1 - q, 1.0 / B)} loses all relative accuracy
   * when {@code q} or {@code 1/B} is small.
   *
   * @param budget the sampling budget {@code B >= 1}
   * @param confidence {@code q} in (0, 1)
   */
  public static double threshold(double budget, double confidence) {
    check(budget, confidence);
    return -Math.expm1(Math.log1p(-confidence) / budget);
  }

  /**
   * pass@B of a behaviour of probability {@code pi} [RECONSTRUCTED, docs/theory.md §10]: the
   * probability that {@code B} independent draws contain it,
   *
   * <pre>
   *   pass@B(pi) = 1 - (1 - pi)^B = -expm1(B log1p(-pi)).
   * </pre>
   *
   * @param probability {@code pi} in [0, 1]
   * @param budget {@code B >= 1}
   */
  public static double passAtBudget(double probability, double budget) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability = " + probability + ": must be in [0, 1]");
    }
    check(budget, 0.5);
    return -Math.expm1(budget * Math.log1p(-probability));
  }

  /**
   * The binary Kullback-Leibler divergence in nats [RECONSTRUCTED use, docs/theory.md §10]:
   *
   * <pre>
   *   kl(t || p) = t log(t/p) + (1 - t) log((1 - t)/(1 - p)),   0 log 0 = 0.
   * </pre>
   *
   * @param t in [0, 1]
   * @param p in (0, 1), or 0 or 1 where the divergence is finite or infinite by the same formula
   */
  public static double binaryKl(double t, double p) {
    if (!(t >= 0 && t <= 1)) {
      throw new IllegalArgumentException("t = " + t + ": must be in [0, 1]");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p = " + p + ": must be in [0, 1]");
    }
    return term(t, p) + term(1 - t, 1 - p);
  }

  /**
   * The divergence budget needed to raise a target set to mass {@code t} [RECONSTRUCTED,
   * docs/theory.md §10]:
   *
   * <pre>
   *   min { KL(pi || pi_ref) : pi(S) >= t } = kl(t || pi_ref(S))  if pi_ref(S) < t,  else 0,
   * </pre>
   *
   * attained by the tilt {@code pi(y) = pi_ref(y) t/pi_ref(S)} on {@code S} and {@code pi_ref(y)
   * (1 - t)/(1 - pi_ref(S))} off it. Proof: by the log-sum inequality, {@code KL(pi || pi_ref) >=
   * kl(pi(S) || pi_ref(S))}, which increases in {@code pi(S)} above {@code pi_ref(S)}.
   *
   * @param t the required mass, in [0, 1]
   * @param referenceMass {@code pi_ref(S)}, in [0, 1]
   */
  public static double minimumKl(double t, double referenceMass) {
    double kl = binaryKl(t, referenceMass);
    return referenceMass >= t ? 0.0 : kl;
  }

  private static double term(double a, double b) {
    if (a == 0) {
      return 0.0;
    }
    return b == 0 ? Double.POSITIVE_INFINITY : a * Math.log(a / b);
  }

  private static void check(double budget, double confidence) {
    if (!(budget >= 1) || Double.isInfinite(budget)) {
      throw new IllegalArgumentException("budget = " + budget + ": must be finite and >= 1");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence = " + confidence + ": must be in (0, 1)");
    }
  }
}
