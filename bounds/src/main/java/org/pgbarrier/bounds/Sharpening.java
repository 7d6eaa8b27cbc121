package org.pgbarrier.bounds;

/**
 * The statements of arXiv 2412.01951 (Huang et al., "Self-Improvement in Language Models: The
 * Sharpening Mechanism", ICLR 2025) as code, one method per statement. Numbering follows the
 * camera-ready, as read in full (docs/theory.md §9);
 * provenance is marked per method.
 */
public final class Sharpening {
  /** Prop. 3.1: greedy decoding returns y* when {@code pi(y*|x)} exceeds this [SOURCE]. */
  public static final double GREEDY_THRESHOLD = 0.5;

  /**
   * Thm 3.1 hard instance [SOURCE: App. H, key fact]: a sample-and-evaluate learner that makes
   * {@code m <= c d M/Delta} queries misidentifies each hidden coordinate with probability at
   * least this constant.
   */
  public static final double HARD_INSTANCE_MISIDENTIFICATION = 1.0 / 8;

  private Sharpening() {}

  /**
   * Probability that best-of-N with {@code r_self = log pi_base} returns the unique argmax, {@code
   * 1 - (1 - p*)^N} [SOURCE: App. C, proof of Prop. C.1], computed as {@code -expm1(N log1p(-p*))}.
   */
  public static double bestOfNSuccess(double pStar, int n) {
    return -Math.expm1(n * Math.log1p(-pStar));
  }

  /**
   * Prop. C.1 [SOURCE]: {@code N >= ln(1/rho)/p*} responses make best-of-N return y* with
   * probability at least {@code 1 - rho}; this returns the smallest such integer, {@code
   * ceil(ln(1/rho)/p*)}.
   */
  public static int propC1SufficientN(double pStar, double rho) {
    return (int) Math.ceil(Math.log(1 / rho) / pStar);
  }

  /**
   * The exact minimum N with {@code 1 - (1 - p*)^N >= 1 - rho}, {@code ceil(ln rho / ln(1 - p*))}
   * [RECONSTRUCTED: inverts the exact failure probability of App. C].
   */
  public static int exactMinimumN(double pStar, double rho) {
    if (pStar >= 1) {
      return 1;
    }
    return Math.max(1, (int) Math.ceil(Math.log(rho) / Math.log1p(-pStar)));
  }

  /**
   * Responses per prompt in SFT-sharpening, {@code N = ceil(N* ln(2/delta))} [SOURCE: App. I,
   * Thm 4.1'].
   */
  public static int sftResponsesPerPrompt(double nStar, double delta) {
    return (int) Math.ceil(nStar * Math.log(2 / delta));
  }

  /**
   * Thm 4.1' with explicit constants [SOURCE: form, App. I; RECONSTRUCTED: constants]: with
   * probability at least {@code 1 - rho},
   *
   * <pre>
   *   P_x[pi_hat(y*|x) <= 1 - delta] <= C_cov/N* + 2 ln(|Pi|/rho) / ((1 - 1/sqrt 2)^2 delta n).
   * </pre>
   *
   * Derivation: on {@code X_good = {x : N* >= 1/p*(x)}} (complement mass {@code <= C_cov/N*},
   * Markov), {@code pi^BoN_N(y*|x) >= 1 - e^(-N/N*) >= 1 - delta/2}; if also {@code pi_hat(y*|x)
   * <= 1 - delta}, the data-processing inequality on {@code {y*, not y*}} gives {@code
   * D_H^2(pi_hat, pi^BoN_N) >= (sqrt(delta) - sqrt(delta/2))^2}; Markov on the MLE bound {@code
   * E_x D_H^2 <= 2 ln(|Pi|/rho)/n} (Lemma F.1, {@code D_H^2 = sum (sqrt p - sqrt q)^2}) bounds the
   * mass of such prompts.
   *
   * @param logClassSize {@code ln |Pi|}
   */
  public static double sftFailureBound(
      double coverage, double nStar, double logClassSize, double rho, double delta, int n) {
    double gap = Math.pow(1 - 1 / Math.sqrt(2), 2);
    return coverage / nStar + 2 * (logClassSize + Math.log(1 / rho)) / (gap * delta * n);
  }

  /**
   * Lemma I.1 [SOURCE]: {@code E[N_mu] <= (mu + 1/|y*|)/P*}, {@code P* = max_y pi_base(y|x)}.
   */
  public static double adaptiveStoppingMeanBound(double mu, int argmaxCount, double pStarMax) {
    return (mu + 1.0 / argmaxCount) / pStarMax;
  }

  /** Lemma I.1 [SOURCE]: {@code P[selected not in y*] <= exp(-|y*| mu)}. */
  public static double adaptiveStoppingMissBound(double mu, int argmaxCount) {
    return Math.exp(-argmaxCount * mu);
  }

  /**
   * Lower bound on the RLHF optimum's mass on the unique argmax [RECONSTRUCTED: from {@code
   * pi*_beta(y*) = 1/(1 + sum_{y != y*} (p_y/p*)^(1+1/beta)) >= 1 - sum_{y != y*}
   * (p_y/p*)^(1+1/beta)}], which tends to 1 as {@code beta -> 0}.
   */
  public static double rlhfArgmaxMassLowerBound(double[] base, int argmax, double beta) {
    double sum = 0;
    for (int y = 0; y < base.length; y++) {
      if (y != argmax && base[y] > 0) {
        sum += Math.exp((1 + 1 / beta) * Math.log(base[y] / base[argmax]));
      }
    }
    return 1 - sum;
  }

  /**
   * Coverage at budget B [RECONSTRUCTED, docs/theory.md §9, §10: Markov on {@code 1/p*(x)}]: {@code
   * P_x[pi_base(y*(x)|x) < 1/B] <= C_cov/B}.
   */
  public static double coverageAtBudgetBound(double coverage, double budget) {
    return coverage / budget;
  }
}
