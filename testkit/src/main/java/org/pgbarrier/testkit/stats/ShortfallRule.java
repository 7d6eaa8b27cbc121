package org.pgbarrier.testkit.stats;

import java.util.Locale;
import org.pgbarrier.Checks;
import org.pgbarrier.stats.BinomialTail;

/**
 * The mirror of {@link ExceedanceRule}: a one-sided exact binomial test of {@code H0: p >= p0},
 * for claims that an event (a success) happens at least at rate {@code p0}. With {@code X}
 * successes in {@code n} independent trials,
 *
 * <pre>
 *   reject H0 iff X <= c,   c = max { c : P[Bin(n, p0) <= c] <= alpha },
 *   false alarm = sup_{p >= p0} P_p[X <= c] = P[Bin(n, p0) <= c] <= alpha,
 *   power(p1)   = P[Bin(n, p1) <= c],
 * </pre>
 *
 * the supremum being attained at {@code p0} because {@code P_p[X <= c]} decreases in {@code p}
 * (Lehmann and Romano, <i>Testing Statistical Hypotheses</i>, 3rd ed., 2005, §3.4). Tails are
 * exact ({@link BinomialTail}).
 */
public final class ShortfallRule {
  private final ExceedanceRule failures;
  private final double p0;

  private ShortfallRule(ExceedanceRule failures, double p0) {
    this.failures = failures;
    this.p0 = p0;
  }

  /**
   * Designs the rule: the largest {@code c} in {@code [0, n-1]} with {@code P[Bin(n, p0) <= c] <=
   * alpha}. Since {@code X <= c} iff the {@code n - X ~ Bin(n, 1 - p)} failures reach {@code n -
   * c}, this is the {@link ExceedanceRule} of the failures at rate {@code 1 - p0}.
   *
   * @param n trials, at least 1
   * @param p0 the smallest success rate the claim allows, in [0, 1]
   * @param alpha the false-alarm budget of this check, in (0, 1)
   * @throws IllegalArgumentException if an argument is out of range, or if {@code n} is too small
   *     for any threshold to meet {@code alpha} ({@code (1 - p0)^n > alpha})
   */
  public static ShortfallRule design(int n, double p0, double alpha) {
    Checks.positive("n", n);
    Checks.inRange("p0", p0, 0.0, 1.0);
    Checks.openUnit("alpha", alpha);
    double atZero = BinomialTail.lower(n, p0, 0);
    if (atZero > alpha) {
      throw new IllegalArgumentException(
          "n = " + n + ": too few trials, P[Bin(n, p0 = " + p0 + ") <= 0] = " + atZero
              + " exceeds alpha = " + alpha + ", so no threshold c >= 0 has false alarm <= alpha");
    }
    return new ShortfallRule(ExceedanceRule.design(n, 1 - p0, alpha), p0);
  }

  /** The number of trials {@code n}. */
  public int n() {
    return failures.n();
  }

  /** The null rate {@code p0}. */
  public double p0() {
    return p0;
  }

  /** The false-alarm budget {@code alpha} the rule was designed for. */
  public double alpha() {
    return failures.alpha();
  }

  /** The rejection threshold {@code c}: reject iff {@code X <= c}. */
  public int threshold() {
    return failures.n() - failures.threshold();
  }

  /** The exact false-alarm probability {@code P[Bin(n, p0) <= c]}, at most {@code alpha}. */
  public double falseAlarm() {
    return failures.falseAlarm();
  }

  /**
   * The rejection probability {@code P[Bin(n, p1) <= c]} at the true rate {@code p1}: the power
   * when {@code p1 < p0}.
   */
  public double power(double p1) {
    Checks.inRange("p1", p1, 0.0, 1.0);
    return failures.power(1 - p1);
  }

  /** Whether {@code x} successes out of {@code n} reject {@code H0: p >= p0}. */
  public boolean rejects(int x) {
    Checks.inRange("x", x, 0, n());
    return failures.rejects(n() - x);
  }

  /**
   * For example {@code reject if X <= 151 of 2000 (p0=0.1, alpha=1.00e-04, false alarm=8.84e-05)}.
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "reject if X <= %d of %d (p0=%s, alpha=%.2e, false alarm=%.2e)",
        threshold(), n(), p0, alpha(), falseAlarm());
  }

  @Override
  public String toString() {
    return describe();
  }
}
