package org.pgbarrier.metric;

import org.pgbarrier.Checks;
import org.pgbarrier.kernel.LogSumExp;

/**
 * Coverage of a policy {@code q} (the base model, or the behaviour policy {@code q_t}): the
 * probability {@code pi_alpha}, the coverage profile, and the coverage coefficient.
 *
 * <p><b>{@code pi_alpha} and the coverage profile</b> (docs/theory.md §3.1) [PAPER A]: for a fixed
 * behaviour policy {@code q},
 *
 * <pre>
 *   pi_alpha = P_x( q(y*(x)|x) >= alpha ),        1 - pi_alpha = P_x( q(y*(x)|x) < alpha ),
 * </pre>
 *
 * the second being the alpha-coverage profile of the Coverage Principle [PAPER C]. Exact over the
 * weighted contexts of a {@link TargetLikelihoods}: the two probabilities are each summed over
 * their own atoms ({@code sum_{c : log q_c >= log alpha} w_c / sum_c w_c} and its complement), so
 * a small one keeps its relative accuracy; on a sample (equal weights) atoms are counted, {@code
 * m / n} exactly. The comparison is made in log space, so {@code alpha = k^-N} below the double
 * range is given as {@code log alpha}. The LQ is its generalised inverse [PAPER B]: {@code
 * Q_q(eps) >= alpha <=> profile(alpha) <= eps} ({@link LikelihoodQuantile#logAt}). The same
 * quantities of the token-level statistics are available through {@link LikelihoodStatistic}.
 *
 * <p><b>The coverage coefficient</b> of the base model {@code q}:
 *
 * <pre>
 *   C_cov = E_{x ~ D}[ 1 / q(y*(x)|x) ]
 * </pre>
 *
 * [SOURCE: Huang et al., "Self-improvement in language models: the sharpening mechanism", arXiv
 * 2412.01951, Eq. (6); {@code shared/theory} sharpening-and-accessible-support.md §A3]. For a
 * context alone, {@code 1/q(y*|x)} is the expected number of draws from a frozen {@code q} until
 * {@code y*} appears, the mean of a Geometric({@code q(y*|x)}) (base-model-barrier.md §8.2 P5). It
 * overflows as soon as one context has {@code q(y*|x) < 1/Double.MAX_VALUE}, so it is accumulated
 * in log space: {@code log C_cov = lse_c(log w_c - log q(y*|x_c)) - log sum_c w_c}, over the
 * contexts of positive weight.
 */
public final class Coverage {
  private Coverage() {}

  /** {@code log E[1/q(y*|x)]}; {@code +inf} if a context of positive weight has {@code q = 0}. */
  public static double logOf(TargetLikelihoods t) {
    double[] terms = new double[t.size()];
    int m = 0;
    for (int c = 0; c < t.size(); c++) {
      if (t.weight(c) > 0) {
        double logQ = t.logLikelihood(c);
        if (logQ == Double.NEGATIVE_INFINITY) {
          return Double.POSITIVE_INFINITY;
        }
        terms[m++] = Math.log(t.weight(c)) - logQ;
      }
    }
    return LogSumExp.of(terms, m) - Math.log(t.totalWeight());
  }

  /** {@code E[1/q(y*|x)]}; {@code +inf} when it overflows (use {@link #logOf}). */
  public static double of(TargetLikelihoods t) {
    return Math.exp(logOf(t));
  }

  /** {@code pi_alpha = P_x(q(y*|x) >= alpha)} given {@code log alpha in [-inf, 0]}. */
  public static double piAtLog(TargetLikelihoods t, double logAlpha) {
    return piAtLog(t, LikelihoodStatistic.SEQUENCE, logAlpha);
  }

  /** {@code P_x(s(x) >= alpha)} of {@code statistic} {@code s}, given {@code log alpha}. */
  public static double piAtLog(TargetLikelihoods t, LikelihoodStatistic statistic,
      double logAlpha) {
    return split(t, statistic, logAlpha, true);
  }

  /** {@code pi_alpha} for {@code alpha in [0, 1]}, compared as {@code log q >= Math.log(alpha)}. */
  public static double pi(TargetLikelihoods t, double alpha) {
    return piAtLog(t, Math.log(Checks.inRange("alpha", alpha, 0, 1)));
  }

  /**
   * The coverage profile {@code 1 - pi_alpha = P_x(q(y*|x) < alpha)} given {@code log alpha in
   * [-inf, 0]}, summed over the atoms below (not computed as {@code 1 - pi}).
   */
  public static double profileAtLog(TargetLikelihoods t, double logAlpha) {
    return profileAtLog(t, LikelihoodStatistic.SEQUENCE, logAlpha);
  }

  /** {@code P_x(s(x) < alpha)} of {@code statistic} {@code s}, given {@code log alpha}. */
  public static double profileAtLog(TargetLikelihoods t, LikelihoodStatistic statistic,
      double logAlpha) {
    return split(t, statistic, logAlpha, false);
  }

  /** The coverage profile {@code 1 - pi_alpha} for {@code alpha in [0, 1]}. */
  public static double profile(TargetLikelihoods t, double alpha) {
    return profileAtLog(t, Math.log(Checks.inRange("alpha", alpha, 0, 1)));
  }

  /** The normalised weight of the atoms with log value {@code >= logAlpha} (or {@code <}). */
  private static double split(TargetLikelihoods t, LikelihoodStatistic statistic,
      double logAlpha, boolean atOrAbove) {
    Checks.inRange("log alpha", logAlpha, Double.NEGATIVE_INFINITY, 0);
    double[] values = t.values(statistic);
    double above = 0;
    double below = 0;
    for (int c = 0; c < values.length; c++) {
      double w = t.equalWeights() ? 1.0 : t.weight(c);
      if (values[c] >= logAlpha) {
        above += w;
      } else {
        below += w;
      }
    }
    return (atOrAbove ? above : below) / (above + below);
  }
}
