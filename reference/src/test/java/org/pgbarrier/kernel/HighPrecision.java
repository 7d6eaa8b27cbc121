package org.pgbarrier.kernel;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A test oracle: {@code exp}, {@code log} and the log-softmax by its definition {@code a_y - log
 * sum_v exp(a_v)}, in {@link BigDecimal} at 60 significant digits, with no max-shift and no
 * reuse of the code under test. Doubles enter exactly ({@code new BigDecimal(double)}), so the
 * oracle answers the same question the double code answers, 40 digits further.
 */
public final class HighPrecision {
  /** Working precision; results are good to well over 40 digits. */
  public static final MathContext MC = new MathContext(60);

  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal TAYLOR_STOP = new BigDecimal("1e-75");
  private static final BigDecimal LN10 = logOfMantissa(BigDecimal.TEN);

  private HighPrecision() {}

  /** {@code exp(x) = exp(x / 2^s)^(2^s)}, Taylor series for the reduced argument. */
  public static BigDecimal exp(BigDecimal x) {
    int halvings = 0;
    BigDecimal r = x;
    while (r.abs().compareTo(HALF) > 0) {
      r = r.divide(TWO, MC);
      halvings++;
    }
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    for (int n = 1; term.abs().compareTo(TAYLOR_STOP) > 0; n++) {
      term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
      sum = sum.add(term, MC);
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, MC);
    }
    return sum;
  }

  /** {@code log(y)} for {@code y > 0}: {@code y = u 10^e} with {@code u in [1, 10)}. */
  public static BigDecimal log(BigDecimal y) {
    if (y.signum() <= 0) {
      throw new IllegalArgumentException("log of " + y);
    }
    int e = y.precision() - y.scale() - 1;
    BigDecimal u = y.movePointLeft(e);
    return logOfMantissa(u).add(LN10.multiply(BigDecimal.valueOf(e), MC), MC);
  }

  /** Newton's iteration {@code t += 2 (u - e^t) / (u + e^t)} (cubic) from the double guess. */
  private static BigDecimal logOfMantissa(BigDecimal u) {
    BigDecimal t = new BigDecimal(Math.log(u.doubleValue()));
    for (int i = 0; i < 5; i++) {
      BigDecimal et = exp(t);
      t = t.add(TWO.multiply(u.subtract(et, MC), MC).divide(u.add(et, MC), MC), MC);
    }
    return t;
  }

  /** {@code exp(a_v)} for every logit, exactly from the doubles. */
  public static BigDecimal[] exps(double[] logits, int n) {
    BigDecimal[] e = new BigDecimal[n];
    for (int v = 0; v < n; v++) {
      e[v] = exp(new BigDecimal(logits[v]));
    }
    return e;
  }

  /** {@code sum_v exp(a_v)}. */
  public static BigDecimal sum(BigDecimal[] terms) {
    BigDecimal s = BigDecimal.ZERO;
    for (BigDecimal t : terms) {
      s = s.add(t, MC);
    }
    return s;
  }

  /** {@code log sum_v exp(a_v)} by the definition. */
  public static BigDecimal logSumExp(double[] logits, int n) {
    return log(sum(exps(logits, n)));
  }

  /** {@code a_y - log sum_v exp(a_v)} by the definition. */
  public static BigDecimal logSoftmaxAt(double[] logits, int n, int y) {
    return new BigDecimal(logits[y]).subtract(logSumExp(logits, n), MC);
  }
}
