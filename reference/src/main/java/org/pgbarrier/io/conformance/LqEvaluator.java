package org.pgbarrier.io.conformance;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import org.pgbarrier.metric.LikelihoodQuantile;

/**
 * Evaluates a {@code pgbarrier/lq-v1} input and writes the {@code pgbarrier/lq-v1-eval} output
 * (docs/conformance.md §6) with the metric code: for each level {@code eps} (the exact decimal of
 * the file) and the sample's sequence log-likelihoods {@code v_1 .. v_n},
 *
 * <pre>
 *   log_lq               = {@link LikelihoodQuantile#sampleLogAt}: the (floor(eps n) + 1)-th smallest, 0 if floor(eps n) >= n
 *   log_authors_quantile = {@link LikelihoodQuantile#authorsSampleLogAt}: sorted value at 0-based floor(eps (n - 1))
 *   log_token_lq         = log_lq of the row minima (token rows only)
 * </pre>
 *
 * The first is the paper's estimator of {@code Q_q(eps)} [PAPER A,C; docs/theory.md §3.3], the
 * second the authors' plotting convention [CODE; §3.6], the third the token-level LQ [PAPER A,C;
 * §3.4]. Every output number is one of the input's values (or a row sum or minimum), or 0.
 */
public final class LqEvaluator {
  /** The value of the output's {@code format} key. */
  public static final String OUTPUT_FORMAT = "pgbarrier/lq-v1-eval";

  private LqEvaluator() {}

  /** The three curves of {@code input}; {@code [2]} is null without token rows. */
  public static double[][] evaluate(LqInput input) {
    BigDecimal[] eps = input.eps();
    double[] values = input.logLikelihoods();
    double[] minima = input.hasTokens() ? input.tokenMinima() : null;
    double[][] out = new double[3][];
    out[0] = new double[eps.length];
    out[1] = new double[eps.length];
    out[2] = minima == null ? null : new double[eps.length];
    for (int e = 0; e < eps.length; e++) {
      out[0][e] = LikelihoodQuantile.sampleLogAt(values, eps[e]);
      out[1][e] = LikelihoodQuantile.authorsSampleLogAt(values, eps[e]);
      if (minima != null) {
        out[2][e] = LikelihoodQuantile.sampleLogAt(minima, eps[e]);
      }
    }
    return out;
  }

  /**
   * Writes the output: keys {@code format, eps, log_lq, log_authors_quantile} and {@code
   * log_token_lq} with token rows; {@code eps} echoes the input's levels as exact decimals in
   * canonical form ({@code BigDecimal.stripTrailingZeros().toString()}: {@code 0.30} and {@code
   * 3e-1} are written {@code 0.3}, {@code 1.0} as {@code 1}), every other number is {@link
   * Double#toString(double)}.
   */
  public static void write(LqInput input, double[][] result, Writer out) throws IOException {
    StringBuilder s = new StringBuilder("{\n  \"format\": \"" + OUTPUT_FORMAT + "\",\n");
    s.append("  \"eps\": [");
    BigDecimal[] eps = input.eps();
    for (int e = 0; e < eps.length; e++) {
      s.append(e == 0 ? "" : ", ").append(canonical(eps[e]));
    }
    s.append("],\n");
    row(s, "log_lq", result[0]).append(",\n");
    row(s, "log_authors_quantile", result[1]);
    if (result[2] != null) {
      row(s.append(",\n"), "log_token_lq", result[2]);
    }
    out.write(s.append("\n}\n").toString());
    out.flush();
  }

  /** The canonical text of a decimal: no trailing zeros, Java's scientific rule below 1e-6. */
  static String canonical(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toString();
  }

  private static StringBuilder row(StringBuilder s, String key, double[] values) {
    s.append("  \"").append(key).append("\": [");
    for (int e = 0; e < values.length; e++) {
      s.append(e == 0 ? "" : ", ").append(Double.toString(values[e]));
    }
    return s.append(']');
  }
}
