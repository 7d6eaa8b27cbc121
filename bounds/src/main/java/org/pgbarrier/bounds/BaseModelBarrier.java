package org.pgbarrier.bounds;

/**
 * The statements of arXiv 2603.06957 (Mousavi-Hosseini and Erdogdu, "Post-Training with Policy
 * Gradients: Optimality and the Base Model Barrier", ICML 2026) as code, one method per
 * statement, arguments in the paper's order.
 *
 * <p>The bounds here were written before the paper's body was known through its secondary readers:
 * every one is a reconstruction from the abstract and the authors' code (docs/theory.md §8) unless
 * marked {@code [SOURCE]}; the claim registry records the provenance of each, and {@link
 * PaperStatements} lists the paper's own statements.
 */
public final class BaseModelBarrier {
  private BaseModelBarrier() {}

  /**
   * Gradient-norm bound [RECONSTRUCTED, derived lemma; docs/theory.md §8]:
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
   * Margin odds lemma [RECONSTRUCTED, derived; docs/theory.md §8]: for {@code u = w + c w*},
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
   * Pathwise regret of SGD with the loss-normalised step [RECONSTRUCTED; docs/theory.md §8,
   * there with {@code R = 1}]: for any sequence, any comparator {@code u}, features with
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
   * docs/theory.md §8]:
   *
   * <pre>
   *   sum_{t <= n} min(1, l_t(w_t)) <= 4 log^2(n N (k-1)) / gamma^2 + 2.
   * </pre>
   */
  public static double sgdMistakeBound(int n, int length, int k, double gamma) {
    double log = Math.log((double) n * length * (k - 1));
    return 4 * log * log / (gamma * gamma) + 2;
  }

  /**
   * SGD test-error bound, the online-to-batch form of {@link #sgdMistakeBound} [RECONSTRUCTED;
   * docs/theory.md §8; the paper's "near-optimal test error" of SGD with adaptive LR is [SOURCE:
   * abstract], its log factors are not]: for the uniformly random iterate {@code w_tau} of
   * algorithm (A) with {@code eta = 1/4}, {@code w_1 = 0}, on {@code n} i.i.d. margin-gamma
   * examples,
   *
   * <pre>
   *   E[ 1 - p_{w_tau}(y*|x) ] <= ( 4 log^2(n N (k-1)) / gamma^2 + 2 ) / n,
   * </pre>
   *
   * because {@code 1 - p <= min(1, l)} and {@code E[l_t(w_t)]} is the test loss of {@code w_t}.
   */
  public static double sgdTestErrorBound(int n, int length, int k, double gamma) {
    return sgdMistakeBound(n, length, k, gamma) / n;
  }

  /**
   * The comparator constant of the per-sample outcome-PG bound [RECONSTRUCTED; docs/theory.md
   * §8]: with {@code u = w_0 + c w*}, {@code c = log(N T / alpha_tok) / gamma} every success
   * round has {@code l(u) <= 1/T}, so
   *
   * <pre>
   *   B = [ c^2 / (2 eta) + 1 ] / (1 - 2 eta),      eta <= 1/4.
   * </pre>
   *
   * @param eta the base step of the loss-normalised rule, in (0, 1/4]
   * @param length {@code N}
   * @param horizon {@code T}, the largest number of queries considered
   * @param alphaTok the smallest base token likelihood along {@code y*}
   * @param gamma the normalised margin
   */
  public static double perSampleComparatorConstant(
      double eta, int length, double horizon, double alphaTok, double gamma) {
    if (!(eta > 0 && eta <= 0.25)) {
      throw new IllegalArgumentException("eta = " + eta + ": must be in (0, 1/4]");
    }
    double c = Math.log(length * horizon / alphaTok) / gamma;
    return (c * c / (2 * eta) + 1) / (1 - 2 * eta);
  }

  /**
   * Per-sample outcome-PG query bound [RECONSTRUCTED; docs/theory.md §8; the rate {@code
   * O~((1/alpha + 1/eps)/gamma^2)} is [SOURCE: abstract], the constants are not]: algorithm (B)
   * from the base model reaches {@code p_w(y*|x) >= 1 - eps} within
   *
   * <pre>
   *   E[T_eps] <= B ( 1/(alpha ln 2) + 2/eps )
   * </pre>
   *
   * queries, assuming {@code p_{w_t}(y*|x)} is non-decreasing (claim BMB-08): rounds with {@code
   * p_t < 1/2} contribute at least {@code alpha ln 2} each to {@code E[sum_t r_t min(1, l_t)]},
   * rounds with {@code 1/2 <= p_t < 1 - eps} at least {@code eps/2} each, and the sum is at most
   * {@code B}.
   *
   * @param b the comparator constant {@link #perSampleComparatorConstant}
   * @param alpha the base likelihood {@code q(y*|x)}
   * @param eps the target error
   */
  public static double perSampleOutcomePgBound(double b, double alpha, double eps) {
    return b * (1 / (alpha * Math.log(2)) + 2 / eps);
  }

  /**
   * Online mistake bound of outcome PG with the mixture behaviour {@code (q + p_w)/2}
   * [RECONSTRUCTED; docs/theory.md §8; "PG with adaptive LR achieves a near-optimal number of
   * mistakes" is [SOURCE: abstract]]: when every context has base likelihood at least {@code
   * alpha}, each round succeeds with probability at least {@code alpha/2}, so
   *
   * <pre>
   *   E[ sum_t (1 - p_{w_t}(y*_t|x_t)) ] <= E[ sum_t min(1, l_t(w_t)) ] <= 2 B / alpha.
   * </pre>
   *
   * @param b the comparator constant of the pathwise inequality restricted to success rounds
   * @param alpha the smallest base likelihood of a context
   */
  public static double onlineMistakeBound(double b, double alpha) {
    return 2 * b / alpha;
  }

  /**
   * The Likelihood-Quantile error form [RECONSTRUCTED; docs/theory.md §8; that the error is
   * "governed by the base model's Likelihood Quantile" is [SOURCE: abstract]]: treating contexts
   * with {@code q(y*|x) < Q_q(eps)} as lost, outcome-reward post-training with {@code T} queries
   * has error
   *
   * <pre>
   *   err <~ inf_eps [ eps + C / (Q_q(eps) gamma^2 T) ],
   * </pre>
   *
   * evaluated here as the minimum over the given {@code (eps_j, Q_q(eps_j))} pairs (for a finite
   * context distribution, the atoms of the likelihood CDF are the only candidates).
   *
   * @param eps quantile levels
   * @param quantiles {@code Q_q(eps_j)}, each positive
   * @param constant {@code C}, the polylog factor
   * @param gamma the normalised margin
   * @param queries {@code T}
   */
  public static double lqErrorForm(
      double[] eps, double[] quantiles, double constant, double gamma, double queries) {
    if (eps.length != quantiles.length || eps.length == 0) {
      throw new IllegalArgumentException("eps has length " + eps.length + " and quantiles "
          + quantiles.length + ": must be equal and positive");
    }
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j < eps.length; j++) {
      if (!(quantiles[j] > 0)) {
        throw new IllegalArgumentException(
            "quantiles[" + j + "] = " + quantiles[j] + ": must be positive");
      }
      best = Math.min(best, eps[j] + constant / (quantiles[j] * gamma * gamma * queries));
    }
    return best;
  }

  /**
   * Expected reward queries for algorithm (C) with a frozen policy to reveal {@code y*(x)}
   * [RECONSTRUCTED, exact; docs/theory.md §8]: position {@code i} is a geometric
   * number of draws with success probability {@code q_i = q(y*_i | x, y*_<i)}, so
   *
   * <pre>
   *   E[queries] = sum_i 1/q_i <= N / alpha_tok,      alpha_tok = min_i q_i.
   * </pre>
   *
   * @param tokenLikelihoods {@code q_i}, each in (0, 1]
   */
  public static double processRewardCost(double[] tokenLikelihoods) {
    double sum = 0;
    for (int i = 0; i < tokenLikelihoods.length; i++) {
      double q = tokenLikelihoods[i];
      if (!(q > 0 && q <= 1)) {
        throw new IllegalArgumentException(
            "tokenLikelihoods[" + i + "] = " + q + ": must be in (0, 1]");
      }
      sum += 1 / q;
    }
    return sum;
  }

  /** The right side {@code N / alpha_tok} of {@link #processRewardCost} [RECONSTRUCTED]. */
  public static double processRewardCostBound(int length, double alphaTok) {
    return length / alphaTok;
  }

  /**
   * Expected outcome-reward queries to the first success from a policy frozen at base likelihood
   * {@code alpha}: {@code 1/alpha}, which is {@code q^-N} when each of {@code N} fresh positions
   * has token likelihood {@code q} [RECONSTRUCTED, exact; docs/theory.md §8, the barrier].
   */
  public static double outcomeFirstSuccessMean(double alpha) {
    return 1 / alpha;
  }
}
