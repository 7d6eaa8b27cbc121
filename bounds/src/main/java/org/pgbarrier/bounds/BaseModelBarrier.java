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

  /**
   * Pathwise regret of SGD with the loss-normalised step [RECONSTRUCTED; theory notes §5.1 and
   * §8.2 P3, there with {@code R = 1}]: for any sequence, any comparator {@code u}, features with
   * {@code ||phi|| <= R} and {@code eta < 1/(2 R^2)},
   *
   * <pre>
   *   sum_t min(1, l_t(w_t)) <= [ ||w_1 - u||^2 / (2 eta) + sum_t l_t(u) ] / (1 - 2 eta R^2).
   * </pre>
   *
   * Proof: convexity gives {@code eta_t (l_t(w_t) - l_t(u)) <= (||w_t - u||^2 - ||w_{t+1} -
   * u||^2)/2 + eta_t^2 ||g_t||^2 / 2}; then {@code eta_t l_t = eta min(1, l_t)}, {@code ||g_t|| <=
   * 2 R l_t} so {@code eta_t^2 ||g_t||^2 <= 4 R^2 eta^2 min(1, l_t)}, and {@code eta_t l_t(u) <=
   * eta l_t(u)}; sum over t and divide by {@code eta}.
   *
   * @param initialDistanceSquared {@code ||w_1 - u||^2}
   * @param eta the base step, in {@code (0, 1/(2 R^2))}
   * @param comparatorLossSum {@code sum_t l_t(u)}
   * @param featureNorm {@code R}
   */
  public static double sgdPathwiseRegretBound(
      double initialDistanceSquared, double eta, double comparatorLossSum, double featureNorm) {
    double r2 = featureNorm * featureNorm;
    if (!(eta > 0 && 2 * eta * r2 < 1)) {
      throw new IllegalArgumentException(
          "eta = " + eta + ": must be in (0, 1/(2 R^2)) = (0, " + 1 / (2 * r2) + ")");
    }
    return (initialDistanceSquared / (2 * eta) + comparatorLossSum) / (1 - 2 * eta * r2);
  }

  /**
   * The corollary of {@link #sgdPathwiseRegretBound} with {@code eta = 1/4}, {@code w_1 = 0} and
   * {@code u = c w*}, {@code c = log(n N (k-1)) / gamma}, {@code ||w*|| = 1} [RECONSTRUCTED;
   * theory notes §5.1]:
   *
   * <pre>
   *   sum_{t <= n} min(1, l_t(w_t)) <= 4 log^2(n N (k-1)) / gamma^2 + 2.
   * </pre>
   */
  public static double sgdMistakeBound(int n, int length, int k, double gamma) {
    double log = Math.log((double) n * length * (k - 1));
    return 4 * log * log / (gamma * gamma) + 2;
  }
}
