package org.pgbarrier.io.conformance;

import java.math.BigDecimal;
import java.util.List;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.Rules;

/**
 * One {@code pgbarrier/lq-v1} input (docs/conformance.md §6): levels {@code eps_1 .. eps_E}, each
 * the exact decimal written in the file, and a sample of {@code n} log-likelihoods of the correct
 * response, given either directly ({@code log_likelihoods}) or as per-position rows along the
 * correct prefix ({@code token_log_likelihoods}, {@code n} rows of {@code N}), whose sums are the
 * sequence log-likelihoods and whose minima the token-level values (docs/theory.md §3.4).
 *
 * <p>Validated on construction (every failure an {@link InputException} naming the field): at
 * least one level, each a decimal in {@code [0, 1]}; at least one value, each finite and {@code
 * <= 0}; token rows of one length {@code N >= 1} whose sums are finite. A likelihood 0 ({@code log
 * 0 = -inf}) cannot be written (JSON has no infinity) and is refused; write a large negative
 * number instead. Deeply immutable.
 */
public final class LqInput {
  /** The value of the input's {@code format} key. */
  public static final String FORMAT = "pgbarrier/lq-v1";

  static final String EPS_RULE = "must be a decimal number in [0, 1]";
  static final String VALUE_RULE = "must be a finite number <= 0 (a natural log-likelihood)";

  private final List<String> epsText;
  private final BigDecimal[] eps;
  private final double[] logLikelihoods;
  private final double[][] tokenLogLikelihoods;

  private LqInput(List<String> epsText, double[] logLikelihoods, double[][] tokens) {
    if (epsText.isEmpty()) {
      throw new InputException("eps has 0 entries: must have at least 1 entry");
    }
    this.epsText = List.copyOf(epsText);
    this.eps = new BigDecimal[epsText.size()];
    for (int e = 0; e < eps.length; e++) {
      eps[e] = decimal("eps[" + e + "]", epsText.get(e));
    }
    this.logLikelihoods = logLikelihoods;
    this.tokenLogLikelihoods = tokens;
  }

  /** Levels and sequence log-likelihoods. */
  public static LqInput ofSequence(List<String> eps, double[] logLikelihoods) {
    String name = "log_likelihoods";
    if (logLikelihoods.length == 0) {
      throw new InputException(name + " has 0 entries: must have at least 1 entry");
    }
    for (int j = 0; j < logLikelihoods.length; j++) {
      requireValue(name + "[" + j + "]", logLikelihoods[j]);
    }
    return new LqInput(eps, logLikelihoods.clone(), null);
  }

  /** Levels and per-position log-likelihoods, {@code n} rows of one length {@code N >= 1}. */
  public static LqInput ofTokens(List<String> eps, double[][] tokenLogLikelihoods) {
    String name = "token_log_likelihoods";
    if (tokenLogLikelihoods.length == 0) {
      throw new InputException(name + " has 0 rows: must have at least 1 row");
    }
    int length = tokenLogLikelihoods[0].length;
    if (length == 0) {
      throw new InputException(name + "[0] has 0 entries: must have at least 1 entry (N >= 1)");
    }
    double[][] rows = new double[tokenLogLikelihoods.length][];
    double[] sums = new double[rows.length];
    for (int j = 0; j < rows.length; j++) {
      String path = name + "[" + j + "]";
      if (tokenLogLikelihoods[j].length != length) {
        throw Rules.rowLength(path, tokenLogLikelihoods[j].length, "N (the length of row 0)",
            length);
      }
      rows[j] = tokenLogLikelihoods[j].clone();
      double sum = 0;
      for (int i = 0; i < length; i++) {
        sum += requireValue(path + "[" + i + "]", rows[j][i]);
      }
      if (sum == Double.NEGATIVE_INFINITY) {
        throw new InputException(path + " sums to -Infinity: the sequence log-likelihood (the"
            + " row sum) must be finite");
      }
      sums[j] = sum;
    }
    return new LqInput(eps, sums, rows);
  }

  /** {@code text} as a decimal in [0, 1], or a refusal naming {@code path}. */
  static BigDecimal decimal(String path, String text) {
    BigDecimal d;
    try {
      d = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InputException(path + " = " + text + ": " + EPS_RULE);
    }
    if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
      throw new InputException(path + " = " + text + ": " + EPS_RULE);
    }
    return d;
  }

  private static double requireValue(String path, double v) {
    if (!(v <= 0) || v == Double.NEGATIVE_INFINITY) {
      throw new InputException(path + " = " + v + ": " + VALUE_RULE);
    }
    return v;
  }

  /** The levels as written in the file. */
  public List<String> epsText() {
    return epsText;
  }

  /** The levels as exact decimals. */
  public BigDecimal[] eps() {
    return eps.clone();
  }

  /** The sample size {@code n}. */
  public int size() {
    return logLikelihoods.length;
  }

  /** The sequence log-likelihoods (row sums, left to right, when rows were given). */
  public double[] logLikelihoods() {
    return logLikelihoods.clone();
  }

  /** True iff per-position rows were given. */
  public boolean hasTokens() {
    return tokenLogLikelihoods != null;
  }

  /** The per-position rows; only when {@link #hasTokens()}. */
  public double[][] tokenLogLikelihoods() {
    if (tokenLogLikelihoods == null) {
      throw new IllegalStateException("this input gave log_likelihoods, not token rows");
    }
    return Rules.copy(tokenLogLikelihoods);
  }

  /** The token-level values {@code min_i} of each row; only when {@link #hasTokens()}. */
  public double[] tokenMinima() {
    double[][] rows = tokenLogLikelihoods();
    double[] min = new double[rows.length];
    for (int j = 0; j < rows.length; j++) {
      double m = 0;
      for (double v : rows[j]) {
        m = Math.min(m, v);
      }
      min[j] = m;
    }
    return min;
  }
}
