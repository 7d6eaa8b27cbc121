package org.pgbarrier.bounds;

/**
 * The statements of arXiv 2603.06957 (Mousavi-Hosseini and Erdogdu, "Post-Training with Policy
 * Gradients: Optimality and the Base Model Barrier", ICML 2026) as code, one method per
 * statement, arguments in the paper's order.
 *
 * <p>The paper body was not available. Every bound here is a reconstruction from the abstract and
 * the authors' code ({@code shared/theory/base-model-barrier.md}) unless marked {@code [SOURCE]};
 * the claim registry records the provenance of each.
 */
public final class BaseModelBarrier {
  private BaseModelBarrier() {}

  /**
   * Gradient-norm bound [RECONSTRUCTED, derived lemma; theory notes §8.2 P1]:
   *
   * <pre>
   *   ||grad_w log p_w(y|x)|| <= 2 R sum_i (1 - p_w(y_i | x, y_<i)),
   * </pre>
   *
   * since each token term is {@code sum_{v != y_i} p_v (phi(y_i) - phi(v))} and {@code
   * ||phi(y_i) - phi(v)|| <= 2R}. The theory normalises {@code R = 1}.
   *
   * @param tokenProbabilities {@code p_w(y_i | x, y_<i)}, {@code i = 1..N}
   * @param featureNorm {@code R = max ||phi||}
   */
  public static double gradientNormBound(double[] tokenProbabilities, double featureNorm) {
    double sum = 0;
    for (double p : tokenProbabilities) {
      sum += 1 - p;
    }
    return 2 * featureNorm * sum;
  }

  /**
   * Margin odds lemma [RECONSTRUCTED, derived; theory notes §5.1]: for {@code u = w + c w*},
   * {@code c >= 0}, at a correct-prefix position with gap {@code g = min_{v != y*_i} <w*,
   * phi(y*_i) - phi(v)>},
   *
   * <pre>
   *   (1 - p_u)/p_u <= exp(-c g) (1 - p_w)/p_w.
   * </pre>
   *
   * Proof: {@code odds_u = sum_{v != y*} exp(l_w(v) - l_w(y*) - c gap_v) <= exp(-c g) odds_w}.
   *
   * @param oddsW {@code (1 - p_w)/p_w} of the correct token under {@code w}
   * @param c the step along {@code w*}
   * @param gap the unnormalised gap {@code g} (equal to the normalised margin gamma when {@code
   *     ||w*|| = R = 1})
   * @return the bound on {@code (1 - p_u)/p_u}
   */
  public static double marginOddsBound(double oddsW, double c, double gap) {
    return Math.exp(-c * gap) * oddsW;
  }
}
