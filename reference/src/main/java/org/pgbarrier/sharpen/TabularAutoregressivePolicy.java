package org.pgbarrier.sharpen;

import org.pgbarrier.Checks;

/**
 * An autoregressive policy over {@code V^H}, {@code |V| = k}, given by one next-token law per
 * prefix: {@code pi(y) = prod_h pi_h(y_h | y_<h)} [SOURCE: arXiv 2412.01951 §1.1]. Responses are
 * numbered lexicographically, {@code y = sum_h y_h k^(H-1-h)}, and prefixes of length {@code h}
 * by the same code over their {@code h} tokens.
 */
public final class TabularAutoregressivePolicy {
  private final int k;
  private final int length;
  private final double[][][] conditionals;

  /**
   * @param k vocabulary size, at least 2
   * @param conditionals {@code conditionals[h][prefixCode]} is the law of token {@code h} after
   *     that prefix; {@code k^h} laws of length {@code k} at depth {@code h}
   */
  public TabularAutoregressivePolicy(int k, double[][][] conditionals) {
    this.k = Checks.atLeast("k", k, 2);
    this.length = Checks.positive("conditionals.length", conditionals.length);
    int width = 1;
    for (int h = 0; h < length; h++) {
      Checks.length("conditionals[" + h + "]", conditionals[h].length, width);
      for (int c = 0; c < width; c++) {
        Checks.length("conditionals[" + h + "][" + c + "]", conditionals[h][c].length, k);
        Laws.check("conditionals[" + h + "][" + c + "]", conditionals[h][c]);
      }
      width *= k;
    }
    this.conditionals = conditionals;
  }

  public int vocabularySize() {
    return k;
  }

  public int length() {
    return length;
  }

  /** The sequence law over all {@code k^H} responses, lexicographic order. */
  public double[] sequenceLaw() {
    double[] law = {1.0};
    for (int h = 0; h < length; h++) {
      double[] next = new double[law.length * k];
      for (int c = 0; c < law.length; c++) {
        for (int v = 0; v < k; v++) {
          next[c * k + v] = law[c] * conditionals[h][c][v];
        }
      }
      law = next;
    }
    return law;
  }

  /**
   * Token-wise greedy decoding: at each position the most likely next token, the lowest token
   * among ties. Returns the response code.
   */
  public int greedy() {
    int code = 0;
    for (int h = 0; h < length; h++) {
      code = code * k + Laws.argmax(conditionals[h][code]);
    }
    return code;
  }
}
