package org.pgbarrier.testkit.stats;

import java.util.Locale;
import org.pgbarrier.Checks;
import org.pgbarrier.stats.BinomialTail;

/**
 * A one-sided exact binomial test of {@code H0: p <= p0}, for claims that an event (a violation)
 * happens at most at rate {@code p0}: with {@code X} violations in {@code n} independent trials,
 *
 * <pre>
 *   reject H0 iff X >= c,   c = min { c : P[Bin(n, p0) >= c] <= alpha },
 *   false alarm = sup_{p <= p0} P_p[X >= c] = P[Bin(n, p0) >= c] <= alpha,
 *   power(p1)   = P[Bin(n, p1) >= c],
 * </pre>
 *
 * the supremum being attained at {@code p0} because {@code P_p[X >= c]} increases in {@code p}
 * (E. L. Lehmann and J. P. Romano, <i>Testing Statistical Hypotheses</i>, 3rd ed., 2005, §3.4:
 * the uniformly most powerful level-{@code alpha} test, without randomization). Tails are exact
 * ({@link BinomialTail}). The mirror rule, for claims that an event happens at least at rate
 * {@code p0}, is {@link ShortfallRule}.
 */
public final class ExceedanceRule {
  private final int n;
  private final double p0;
  private final double alpha;
  private final int threshold;
  private final double falseAlarm;

  private ExceedanceRule(int n, double p0, double alpha, int threshold, double falseAlarm) {
    this.n = n;
    this.p0 = p0;
    this.alpha = alpha;
    this.threshold = threshold;
    this.falseAlarm = falseAlarm;
  }

  /**
   * Designs the rule: the smallest {@code c} in {@code [1, n]} with {@code P[Bin(n, p0) >= c] <=
   * alpha}, by bisection on the decreasing tail.
   *
   * @param n trials, at least 1
   * @param p0 the largest violation rate the claim allows, in [0, 1]
   * @param alpha the false-alarm budget of this check, in (0, 1)
   * @throws IllegalArgumentException if an argument is out of range, or if {@code n} is too small
   *     for any threshold to meet {@code alpha} ({@code p0^n > alpha})
   */
  public static ExceedanceRule design(int n, double p0, double alpha) {
    Checks.positive("n", n);
    Checks.inRange("p0", p0, 0.0, 1.0);
    Checks.openUnit("alpha", alpha);
    double atN = BinomialTail.upper(n, p0, n);
    if (atN > alpha) {
      throw new IllegalArgumentException(
          "n = " + n + ": too few trials, P[Bin(n, p0 = " + p0 + ") >= n] = " + atN
              + " exceeds alpha = " + alpha + ", so no threshold c <= n has false alarm <= alpha");
    }
    int lo = 0; // P[X >= lo] > alpha
    int hi = n; // P[X >= hi] <= alpha
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (BinomialTail.upper(n, p0, mid) <= alpha) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new ExceedanceRule(n, p0, alpha, hi, BinomialTail.upper(n, p0, hi));
  }

  /** The number of trials {@code n}. */
  public int n() {
    return n;
  }

  /** The null rate {@code p0}. */
  public double p0() {
    return p0;
  }

  /** The false-alarm budget {@code alpha} the rule was designed for. */
  public double alpha() {
    return alpha;
  }

  /** The rejection threshold {@code c}: reject iff {@code X >= c}. */
  public int threshold() {
    return threshold;
  }

  /** The exact false-alarm probability {@code P[Bin(n, p0) >= c]}, at most {@code alpha}. */
  public double falseAlarm() {
    return falseAlarm;
  }

  /**
   * The rejection probability {@code P[Bin(n, p1) >= c]} at the true rate {@code p1}: the power
   * when {@code p1 > p0}.
   */
  public double power(double p1) {
    Checks.inRange("p1", p1, 0.0, 1.0);
    return BinomialTail.upper(n, p1, threshold);
  }

  /** Whether {@code x} violations out of {@code n} reject {@code H0: p <= p0}. */
  public boolean rejects(int x) {
    Checks.inRange("x", x, 0, n);
    return x >= threshold;
  }

  /**
   * For example {@code reject if X >= 39 of 2000 (p0=0.01, alpha=1.00e-04, false alarm=9.93e-05)}.
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "reject if X >= %d of %d (p0=%s, alpha=%.2e, false alarm=%.2e)",
        threshold, n, p0, alpha, falseAlarm);
  }

  @Override
  public String toString() {
    return describe();
  }
}
