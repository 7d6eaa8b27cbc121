package org.pgbarrier.properties;

import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.learn.paper.ClusterLearnerState;
import org.pgbarrier.learn.paper.OutcomeRewardPg;
import org.pgbarrier.learn.paper.PaperBehaviour;
import org.pgbarrier.learn.paper.PaperRun;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.MedianPowerLaw;

/**
 * BMB-18, Corollary 3.4 of the paper (arXiv Corollary 4, docs/theory.md §5.4) [PAPER A,B]: with
 * the fixed behaviour {@code q = 1/2 q0 + 1/2 Unif(Y^N)} and one query per iteration, {@code T = Q
 * = O~(m/(gamma^2 eps))} iterations reach error {@code eps}, {@code m = min{1/Q_q0((1-o(1))eps),
 * k^N}}. Learner: {@link OutcomeRewardPg} with {@link PaperBehaviour#SEQUENCE_MIXTURE} (one coin
 * per response, docs/theory.md §4.3) from {@code w = 0}, on an F1-shared staircase (k = 2, N = 6,
 * {@code k^N = 64}, one cluster per group, {@code gamma^2 = 1/3}): group A of mass 0.6 with
 * {@code q0(y*) = 0.5}, group B of mass 0.25 with {@code q0(y*) = 0.03}, and a dead group D of mass
 * 0.15 with {@code q0(y*) = e^-120}. So {@code Q_q0(eps) = 0.03} on {@code [0.15, 0.4)} and
 * {@code ~0} below 0.15, where {@code m} saturates at {@code k^N}.
 *
 * <p><b>What is checked.</b> {@code T_eps}, the first {@code T} with {@code E_tau err(w_tau) <=
 * eps} (exact random-iterate error, read on a trace every 200 iterations: a read-off bias of at
 * most 200/6000 relative, 0.02 in slope), at {@code eps = 0.2} (B's plateau, {@code m = 1/0.03})
 * and {@code eps = 0.08} (below the dead mass, {@code m = k^N}): crossing the last step the cost
 * jumps, and it stays finite, by the factor the corollary gives, {@code (m'/eps')/(m/eps) =
 * 4.8}, up to its {@code O~}: the rule asks the chord slope of {@code log T_eps} in {@code
 * log(m/eps)} to lie in {@code [1/2, 3/2]}. A collapse-law simulation of the same dynamics gives
 * 0.78 (the burn-in of group B inflates the first point). Median boxes over {@value #RUNS} runs at
 * level {@code a/2} per point ({@link MedianPowerLaw#decideBand}: false alarm {@code <= a}); runs
 * that do not reach {@code eps} by {@code T = }{@value #HORIZON} count as {@code +inf}. The
 * mutant is token-level mixing {@code 1/2 q0(.|prefix) + 1/2 Unif(Y)}, which gives the dead
 * group {@code (1/(2k))^N}, {@code 2^N = 64} times less than the sequence-level mixture's
 * {@code k^-N/2}.
 */
class FixedMixtureStaircaseProperties {
  private static final String CLAIM = "BMB-18";
  private static final int K = 2;
  private static final int LENGTH = 6;
  private static final int RUNS = 20;
  private static final long HORIZON = 200_000;
  private static final long TRACE_EVERY = 200;
  private static final double[] EPS = {0.2, 0.08};
  /** {@code m = min{1/Q_q0(eps'), k^N}} at each eps. */
  private static final double[] M = {1 / 0.03, 64};

  @Test
  void theCostJumpsAtTheDeadStepAndSaturatesAtKToTheN() {
    StatisticalProperty property =
        StatisticalProperty.of(CLAIM, "cost-saturates-at-k-to-the-n-below-the-dead-mass");
    double a = property.alpha();
    property
        .rule("T_eps = first T with E_tau err <= eps, PG-OR with behaviour 1/2 q0 + 1/2 Unif(Y^N)"
            + " from 0, F1-shared staircase k=2 N=6 (masses 0.6, 0.25, 0.15; q0(y*) = 0.5, 0.03,"
            + " e^-120), eps in {0.2, 0.08} (m = 33.3, 64 = k^N); median box of T_eps over "
            + RUNS + " runs at level a/2 per eps; reject if no line of slope in [1/2, 3/2] in"
            + " (log(m/eps), log T_eps) meets both (false alarm <= a = " + a + ")")
        .experiment(seed -> saturation(seed, a, PaperBehaviour.SEQUENCE_MIXTURE))
        .mutant("token-level mixing 1/2 q0(.|prefix) + 1/2 Unif(Y) in place of the"
                + " sequence-level mixture (the dead group's likelihood falls by 2^N)",
            seed -> saturation(seed, a, PaperBehaviour.TOKEN_MIXTURE))
        .verify();
  }

  private static Decision saturation(long seed, double level, PaperBehaviour behaviour) {
    ClusterFamily family = ClusterFamily.staircase(K, LENGTH)
        .group(0.6, 1, TokenBase.correct(Math.pow(0.5, 1.0 / LENGTH)))
        .group(0.25, 1, TokenBase.correct(Math.pow(0.03, 1.0 / LENGTH)))
        .group(0.15, 1, TokenBase.confidentlyWrong(-20))
        .build(1L);
    OutcomeRewardPg learner = OutcomeRewardPg.plain(behaviour);
    double[] t = new double[EPS.length];
    double[][] samples = new double[EPS.length][];
    for (int j = 0; j < EPS.length; j++) {
      t[j] = Math.log(M[j] / EPS[j]);
      samples[j] = new double[RUNS];
    }
    // one run gives T_eps at every eps (the boxes are dependent; Bonferroni does not mind)
    double[][] perRun = new double[RUNS][];
    java.util.stream.IntStream.range(0, RUNS).parallel().forEach(r -> {
      PaperRun run = learner.run(ClusterLearnerState.atZero(family), HORIZON,
          Seeds.derive(Seeds.derive(seed, 0), r), TRACE_EVERY);
      long[] it = run.trace().iterations();
      double[] err = run.trace().randomIterateError();
      double[] out = new double[EPS.length];
      for (int j = 0; j < EPS.length; j++) {
        out[j] = Double.POSITIVE_INFINITY;
        for (int i = 0; i < it.length; i++) {
          if (err[i] <= EPS[j]) {
            out[j] = it[i];
            break;
          }
        }
      }
      perRun[r] = out;
    });
    for (int r = 0; r < RUNS; r++) {
      for (int j = 0; j < EPS.length; j++) {
        samples[j][r] = perRun[r][j];
      }
    }
    return MedianPowerLaw.decideBand(t, samples, level, 0.5, 1.5,
        "log m/eps, eps = 0.2, 0.08, m = 33.3, 64; " + learner.describe() + "; "
            + family.describe());
  }
}
