package org.pgbarrier.support;

import org.pgbarrier.Checks;

/**
 * The divergence budget needed to raise a target set {@code S} to mass {@code t}
 * [RECONSTRUCTED, docs/theory.md §10.7; Paper B lists KL among its budgets, SOURCE: reading note]:
 *
 * <pre>
 *   min { KL(pi || pi_ref) : pi(S) >= t } = kl(t || pi_ref(S))   (pi_ref(S) < t; else 0),
 * </pre>
 *
 * attained by the {@linkplain #tilt tilt} that scales {@code pi_ref} by {@code t/pi_ref(S)} on
 * {@code S} and by {@code (1 - t)/(1 - pi_ref(S))} off it.
 */
public final class DivergenceBudget {
  private DivergenceBudget() {}

  /**
   * The minimiser: {@code pi_ref} itself if {@code pi_ref(S) >= t}, otherwise {@code pi(y) =
   * pi_ref(y) t/pi_ref(S)} for {@code y} in {@code S} and {@code pi_ref(y) (1 - t)/(1 -
   * pi_ref(S))} elsewhere.
   *
   * @param reference {@code pi_ref}, a probability vector
   * @param inSet membership of each outcome in {@code S}, same length
   * @param t the required mass, in [0, 1]
   * @throws IllegalArgumentException if {@code t > 0} and {@code pi_ref(S) = 0} (singular: no
   *     finite divergence reaches it)
   */
  public static double[] tilt(double[] reference, boolean[] inSet, double t) {
    Checks.length("inSet", inSet.length, reference.length);
    Checks.inRange("t", t, 0, 1);
    double mass = mass(reference, inSet);
    if (mass >= t) {
      return reference.clone();
    }
    if (mass == 0) {
      throw new IllegalArgumentException("reference mass of S = 0 < t = " + t
          + ": S is singular, no distribution of finite KL puts mass on it");
    }
    double in = t / mass;
    double out = (1 - t) / (1 - mass);
    double[] pi = new double[reference.length];
    for (int y = 0; y < pi.length; y++) {
      pi[y] = reference[y] * (inSet[y] ? in : out);
    }
    return pi;
  }

  /** {@code pi(S) = sum_{y in S} pi(y)}. */
  public static double mass(double[] pi, boolean[] inSet) {
    Checks.length("inSet", inSet.length, pi.length);
    double s = 0;
    for (int y = 0; y < pi.length; y++) {
      if (inSet[y]) {
        s += pi[y];
      }
    }
    return s;
  }

  /**
   * {@code KL(pi || ref) = sum_y pi(y) log(pi(y)/ref(y))} in nats, {@code 0 log 0 = 0}, and
   * {@code +inf} if {@code pi} puts mass where {@code ref} has none.
   */
  public static double kl(double[] pi, double[] reference) {
    Checks.length("reference", reference.length, pi.length);
    double s = 0;
    for (int y = 0; y < pi.length; y++) {
      if (pi[y] > 0) {
        if (reference[y] == 0) {
          return Double.POSITIVE_INFINITY;
        }
        s += pi[y] * Math.log(pi[y] / reference[y]);
      }
    }
    return s;
  }
}
