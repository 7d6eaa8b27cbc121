package org.pgbarrier.metric;

import org.pgbarrier.Checks;

/**
 * The likelihood CDF of the base model {@code q} (docs/theory.md §3.2; the notation is the authors'
 * [CODE: utils/plotting.py::plot_cdf, axis label "P[q(y*|x) <= alpha]"]; the paper's use of it is
 * [SOURCE: abstract, arXiv 2603.06957]):
 *
 * <pre>
 *   F_q(a) = P_{x ~ D}[ q(y*(x)|x) <= a ],        a in [0, 1],
 * </pre>
 *
 * exact over a finite distribution (the weights of the {@link TargetLikelihoods}) and empirical
 * over a sample ({@code #{c : q(y*|x_c) <= a} / n}). The comparison is made in log space, {@code
 * log q(y*|x) <= log a}, because {@code q(y*|x)} underflows ({@code k^-N}); {@link #atLog} takes
 * {@code log a} directly for thresholds below the double range. The same holds for the token-level
 * statistics of {@link LikelihoodStatistic} (tags there).
 *
 * <p>Also the alpha-tail {@code a * P[q(y*|x) > a]} [CODE: utils/plotting.py::plot_alpha_tail;
 * its role in a theorem is unknown, docs/theory.md §5.2]. The authors draw it through the
 * sorted sample, at {@code a = q_(i)} with {@code P[q > a]} read as {@code 1 - i/(n-1)}; this
 * class returns the exact {@code a * P[q > a]} of the axis label (for distinct values, {@code (n
 * - 1 - i)/n} instead of {@code (n - 1 - i)/(n - 1)}).
 */
public final class LikelihoodCdf {
  private final LikelihoodStatistic statistic;
  private final SortedAtoms atoms;

  private LikelihoodCdf(TargetLikelihoods t, LikelihoodStatistic statistic) {
    this.statistic = statistic;
    this.atoms = new SortedAtoms(t, statistic);
  }

  /** The CDF of the sequence likelihood {@code q(y*|x)}. */
  public static LikelihoodCdf of(TargetLikelihoods t) {
    return of(t, LikelihoodStatistic.SEQUENCE);
  }

  /** The CDF of {@code statistic}. */
  public static LikelihoodCdf of(TargetLikelihoods t, LikelihoodStatistic statistic) {
    return new LikelihoodCdf(t, statistic);
  }

  public LikelihoodStatistic statistic() {
    return statistic;
  }

  /** {@code F_q(a)} for {@code a in [0, 1]}, compared as {@code log q <= Math.log(a)}. */
  public double at(double a) {
    return atLog(Math.log(Checks.inRange("a", a, 0, 1)));
  }

  /** {@code F_q(a)} given {@code log a in [-inf, 0]}. */
  public double atLog(double logA) {
    return atoms.fractionBelow(atoms.countAtMost(checkLog(logA)));
  }

  /** {@code P[q > a]} for {@code a in [0, 1]}, summed over the atoms above {@code a}. */
  public double tail(double a) {
    return tailAtLog(Math.log(Checks.inRange("a", a, 0, 1)));
  }

  /** {@code P[q > a]} given {@code log a in [-inf, 0]}. */
  public double tailAtLog(double logA) {
    return atoms.fractionAbove(atoms.countAtMost(checkLog(logA)));
  }

  /** The alpha-tail {@code a * P[q > a]} for {@code a in [0, 1]}. */
  public double alphaTail(double a) {
    return a * tail(a);
  }

  /** {@code log(a * P[q > a]) = log a + log P[q > a]} given {@code log a in [-inf, 0]}. */
  public double logAlphaTail(double logA) {
    return logA + Math.log(tailAtLog(logA));
  }

  private static double checkLog(double logA) {
    return Checks.inRange("log a", logA, Double.NEGATIVE_INFINITY, 0);
  }
}
