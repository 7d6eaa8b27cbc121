package org.pgbarrier.bounds;

/**
 * The statements of arXiv 2412.01951 (Huang et al., "Self-Improvement in Language Models: The
 * Sharpening Mechanism", ICLR 2025) as code, one method per statement. Numbering follows the
 * camera-ready, as read in {@code shared/theory/sharpening-and-accessible-support.md} PART A;
 * provenance is marked per method.
 */
public final class Sharpening {
  /** Prop. 3.1: greedy decoding returns y* when {@code pi(y*|x)} exceeds this [SOURCE]. */
  public static final double GREEDY_THRESHOLD = 0.5;

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
}
