package org.pgbarrier.metric;

import org.pgbarrier.Checks;

/**
 * The likelihood quantile (LQ) of the base model {@code q} (docs/theory.md §3.2, §3.6; the notation
 * {@code Q_q(eps)} is the authors' [CODE: utils/plotting.py::plot_quantile]; "the overall expected
 * error ... is governed by the LQ" is [SOURCE: abstract, arXiv 2603.06957]):
 *
 * <pre>
 *   Q_q(eps) = inf{ a : F_q(a) >= eps },     eps in (0, 1],
 * </pre>
 *
 * exact for a weighted finite distribution: the smallest atom at which the weight at or below it
 * reaches {@code eps} (ties at the threshold are decided in floating point; equal weights are
 * counted, so a sample's {@code F} is exactly {@code m/n}). At {@code eps = 0} the infimum is
 * {@code 0}; this class returns the smallest atom of positive weight instead, the limit of {@code
 * Q_q(eps)} as {@code eps -> 0+}.
 *
 * <p>The authors' estimator {@link #authorsLogAt}: sort the sample and read position {@code
 * floor(eps (n - 1))} [CODE: utils/metrics.py::estimate_cdf_p sorts {@code q(y*|x)};
 * utils/plotting.py::plot_quantile draws the {@code i}-th sorted value at {@code eps = i/(n-1)};
 * utils/experiments.py::_select_tracking_samples reads position {@code int(eps (n - 1))}]. It
 * differs from the exact quantile of the empirical distribution (position {@code ceil(eps n) -
 * 1}).
 *
 * <p>Everything is in log space ({@code log Q}); {@link #at} is {@code exp} of it and may
 * underflow to 0. The token-level LQ is the quantile of {@link LikelihoodStatistic#TOKEN_MIN}
 * [PAPER A,C, docs/theory.md §3.4], or of the mean variant {@link LikelihoodStatistic#TOKEN_MEAN}
 * [RECONSTRUCTED].
 */
public final class LikelihoodQuantile {
  private final LikelihoodStatistic statistic;
  private final SortedAtoms atoms;

  private LikelihoodQuantile(TargetLikelihoods t, LikelihoodStatistic statistic) {
    this.statistic = statistic;
    this.atoms = new SortedAtoms(t, statistic);
  }

  /** The LQ of the sequence likelihood {@code q(y*|x)}. */
  public static LikelihoodQuantile of(TargetLikelihoods t) {
    return of(t, LikelihoodStatistic.SEQUENCE);
  }

  /** The quantile function of {@code statistic}. */
  public static LikelihoodQuantile of(TargetLikelihoods t, LikelihoodStatistic statistic) {
    return new LikelihoodQuantile(t, statistic);
  }

  public LikelihoodStatistic statistic() {
    return statistic;
  }

  /** {@code log Q_q(eps)}, exact, for {@code eps in [0, 1]}. */
  public double logAt(double eps) {
    return atoms.logValue(atoms.quantileIndex(Checks.inRange("eps", eps, 0, 1)));
  }

  /** {@code Q_q(eps)}, exact; 0 when it underflows (use {@link #logAt}). */
  public double at(double eps) {
    return Math.exp(logAt(eps));
  }

  /**
   * The log of the authors' estimate: the value at sorted position {@code floor(eps (n - 1))}.
   *
   * @throws IllegalStateException if the weights are not all equal (not a sample)
   */
  public double authorsLogAt(double eps) {
    Checks.inRange("eps", eps, 0, 1);
    if (!atoms.equalWeights()) {
      throw new IllegalStateException("the authors' quantile estimator is defined for a sample"
          + " (equal weights); these contexts have unequal weights: use logAt");
    }
    return atoms.logValue((int) Math.floor(eps * (atoms.size() - 1)));
  }

  /** The authors' estimate; 0 when it underflows (use {@link #authorsLogAt}). */
  public double authorsAt(double eps) {
    return Math.exp(authorsLogAt(eps));
  }
}
