package org.pgbarrier.properties;

import java.util.Arrays;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.paper.ClusterLearnerState;
import org.pgbarrier.learn.paper.OutcomeRewardPg;
import org.pgbarrier.learn.paper.PaperBehaviour;
import org.pgbarrier.learn.paper.PaperLearner;
import org.pgbarrier.learn.paper.PaperRun;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.Replicates;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.MedianPowerLaw;

/**
 * BMB-16, Theorem 3 of the paper (PMLR Theorem 3.1, docs/theory.md §5.2) [PAPER A,C]: outcome-
 * reward PG with behaviour {@code q_t} satisfies {@code E[p_{w_tau}(y*|x) | E_alpha] >= 1 -
 * O~(1/(pi_alpha alpha gamma^2 T))}. Learner: {@link OutcomeRewardPg} (PG-OR: no baseline, no
 * importance weight, gradient-norm step) with the FIXED behaviour {@code q = q0} ({@link
 * PaperBehaviour#BASE}), from {@code w = 0}, on an F1-shared staircase ({@link ClusterFamily#staircase},
 * docs/theory.md §6.4): a good group of {@code M_g} clusters of total mass {@code pi} whose base
 * puts {@code s} on every correct token ({@code alpha = q0(y*|x) = s^N}), and a dead group of
 * {@code M_d} confidently wrong clusters ({@code q0(y*|x) = e^-80}) carrying the rest.
 *
 * <p><b>Collapse law [RECONSTRUCTED, docs/theory.md §5.2].</b> With a fixed behaviour every
 * update of cluster {@code c} reinforces {@code y*_c} and is exactly an SGD step on its own block
 * (blocks are orthogonal), made at rate {@code mu_c alpha_c} per iteration. The good group's
 * trajectory therefore depends on {@code (pi, alpha, M)} only through the per-cluster rate {@code
 * pi alpha/M_g}: its law at rate {@code r/4} and time {@code 4t} is its law at rate {@code r} and
 * time {@code t}, up to the thinning of Bernoulli trials (relative effect {@code O(mu alpha) <=
 * 1.3%} here). So the iterations {@code T_eps} until the good group's conditional random-iterate
 * error {@code (1/T) sum_t err_good(w_t)} first falls to {@code eps = 0.1} scale exactly as
 * {@code 1/(pi alpha)}, and as {@code 1/gamma^2} when the number of clusters (good and dead alike)
 * is multiplied by 4 ({@code gamma = M^-1/2} halves) at fixed masses per group: the theorem's
 * scaling, with its burn-in included. The dead group is never updated unless the behaviour draws
 * its {@code y*}, probability {@code e^-80} per draw.
 *
 * <p><b>Rule.</b> {@code T_eps} is read on a trace of the run (a checkpoint every {@code T_max/3000}
 * iterations, {@code T_max = 1500/(pi alpha/M_g)} scaled with the rate, so the two grids are
 * similar and the read-off bias cancels in the ratio); the conditional error is {@code (E_tau err
 * - (1 - pi)(1 - k^-N))/pi}, exact while the dead blocks are untouched. Median boxes of {@code
 * T_eps} over {@value #RUNS} runs at level {@code a/2} per design point; reject iff no line of the
 * predicted slope (1 in {@code log 1/alpha} or {@code log 1/pi}, 2 in {@code log 1/gamma}) meets
 * both ({@link MedianPowerLaw}: false alarm {@code <= a}).
 */
class ConditionalPgProperties {
  private static final String CLAIM = "BMB-16";
  private static final int K = 4;
  private static final int LENGTH = 4;
  private static final int RUNS = 40;
  private static final double EPS = 0.1;
  /** log s of a dead cluster's correct token: q0(y*|x) = e^(4 * -20) = e^-80. */
  private static final double DEAD_LOG_S = -20;
  private static final int GOOD_CLUSTERS = 4;
  private static final int DEAD_CLUSTERS = 4;
  private static final double PI = 0.5;
  private static final double ALPHA = 0.1;
  private static final double HORIZON_UPDATES = 1500;
  private static final int TRACE_POINTS = 3000;
  /** The dead-group check's horizon. */
  private static final long DEAD_T = 40_000;
  private static final int DEAD_RUNS = 20;

  @Test
  void quarteringAlphaQuadruplesTheIterations() {
    StatisticalProperty property =
        StatisticalProperty.of(CLAIM, "iterations-scale-as-one-over-alpha");
    double a = property.alpha();
    property
        .rule(rule("alpha in {0.1, 0.025} (s = alpha^(1/4)), pi = 1/2, M = 4 + 4", "log 1/alpha",
            1, a))
        .experiment(seed -> slope(seed, a, new double[] {ALPHA, ALPHA / 4}, true,
            OutcomeRewardPg.plain(PaperBehaviour.BASE), false))
        .mutant("the unclipped importance weight p_w(y|x)/q(y|x) on each update (zeta ="
                + " infinity): the weight ~ 1/alpha cancels the rate",
            seed -> slope(seed, a, new double[] {ALPHA, ALPHA / 4}, true,
                OutcomeRewardPg.clipped(PaperBehaviour.BASE, GradientNormStep.INSTANCE,
                    Double.POSITIVE_INFINITY), false))
        .verify();
  }

  @Test
  void quarteringTheGoodMassQuadruplesTheIterations() {
    StatisticalProperty property = StatisticalProperty.of(CLAIM, "iterations-scale-as-one-over-pi");
    double a = property.alpha();
    property
        .rule(rule("pi in {1/2, 1/8}, alpha = 0.1, M = 4 + 4", "log 1/pi", 1, a))
        .experiment(seed -> slope(seed, a, new double[] {PI, PI / 4}, false,
            OutcomeRewardPg.plain(PaperBehaviour.BASE), false))
        .mutant("contexts drawn uniformly over the clusters, ignoring the masses mu (a wrong"
                + " context sampler)",
            seed -> slope(seed, a, new double[] {PI, PI / 4}, false,
                OutcomeRewardPg.plain(PaperBehaviour.BASE), true))
        .verify();
  }

  @Test
  void halvingGammaQuadruplesTheIterations() {
    StatisticalProperty property =
        StatisticalProperty.of(CLAIM, "iterations-scale-as-one-over-gamma-squared");
    double a = property.alpha();
    property
        .rule(rule("M = 8 (4 good + 4 dead, gamma = 8^-1/2) and M = 32 (16 + 16, gamma halved),"
            + " pi = 1/2, alpha = 0.1", "log 1/gamma", 2, a))
        .experiment(seed -> slopeInGamma(seed, a, 2))
        .mutant("the bound scaled as O~(1/(gamma T)) (slope 1): the same boxes must exclude it",
            seed -> slopeInGamma(seed, a, 1))
        .verify();
  }

  @Test
  void theDeadGroupStaysAtItsInitialError() {
    StatisticalProperty property = StatisticalProperty.of(CLAIM, "dead-group-stays-at-initial-error");
    double a = property.alpha();
    // a dead block moves only after a draw of its y*: per run at most T (1 - pi) e^-80 in
    // probability, so over all runs at most DEAD_RUNS T e^-80
    double falseAlarm = DEAD_RUNS * DEAD_T * (1 - PI) * Math.exp(LENGTH * DEAD_LOG_S);
    property
        .rule("PG-OR, behaviour q0, from 0, T = " + DEAD_T + ", " + DEAD_RUNS + " runs, F1-shared"
            + " k=4 N=4, 4 good clusters (alpha = 0.1) and 4 dead (q0(y*) = e^-80) of mass 1/2"
            + " each; reject if any dead cluster's weights differ from 0 (its error from 1 - k^-N)"
            + " after some run: false alarm <= runs * T * (1 - pi) * e^-80 = "
            + String.format("%.2g", falseAlarm) + " <= a = " + a)
        .experiment(deadGroup(PaperBehaviour.BASE, falseAlarm))
        .mutant("the behaviour 1/2 q0 + 1/2 Unif(Y^N) in place of q0 (the uniform half finds the"
                + " dead group's y* at rate k^-N/2)",
            deadGroup(PaperBehaviour.SEQUENCE_MIXTURE, falseAlarm))
        .verify();
  }

  private static String rule(String design, String axis, int slope, double a) {
    return "T_eps = first T with (1/T) sum_t err_good(w_t) <= " + EPS + " (PG-OR, behaviour q0,"
        + " from 0, F1-shared staircase k=4 N=4, good group vs dead group q0(y*) = e^-80; "
        + design + "); median box of T_eps over " + RUNS + " runs at level a/2 per point; reject"
        + " if no line of slope " + slope + " in (" + axis + ", log T_eps) meets both (false alarm"
        + " <= a = " + a + ")";
  }

  /**
   * @param values the alphas (if {@code varyAlpha}) or the pis
   * @param uniformSampler the mutant sampler: the family's masses replaced by uniform ones
   */
  private static Decision slope(long seed, double level, double[] values, boolean varyAlpha,
      PaperLearner learner, boolean uniformSampler) {
    double[] t = new double[values.length];
    double[][] samples = new double[values.length][];
    for (int j = 0; j < values.length; j++) {
      double alpha = varyAlpha ? values[j] : ALPHA;
      double pi = varyAlpha ? PI : values[j];
      t[j] = -Math.log(values[j]);
      samples[j] = iterationsToEps(Seeds.derive(seed, j), learner, pi, alpha, 1, uniformSampler);
    }
    return MedianPowerLaw.decide(t, samples, level, 1,
        (varyAlpha ? "log 1/alpha, alpha = " + Arrays.toString(values) + ", pi = " + PI
            : "log 1/pi, pi = " + Arrays.toString(values) + ", alpha = " + ALPHA)
            + "; " + learner.describe());
  }

  private static Decision slopeInGamma(long seed, double level, int predicted) {
    int[] scale = {1, 4};
    double[] t = new double[scale.length];
    double[][] samples = new double[scale.length][];
    OutcomeRewardPg learner = OutcomeRewardPg.plain(PaperBehaviour.BASE);
    for (int j = 0; j < scale.length; j++) {
      t[j] = 0.5 * Math.log((double) scale[j] * (GOOD_CLUSTERS + DEAD_CLUSTERS));
      samples[j] = iterationsToEps(Seeds.derive(seed, j), learner, PI, ALPHA, scale[j], false);
    }
    return MedianPowerLaw.decide(t, samples, level, predicted,
        "log 1/gamma, M = 8, 32, pi = " + PI + ", alpha = " + ALPHA + "; " + learner.describe());
  }

  /** {@code T_eps} of {@value #RUNS} runs ({@code +inf} when not reached by {@code T_max}). */
  private static double[] iterationsToEps(long seed, PaperLearner learner, double pi,
      double alpha, int scale, boolean uniformSampler) {
    ClusterFamily family = staircase(pi, alpha, scale, uniformSampler);
    double rate = pi * alpha / (GOOD_CLUSTERS * scale);
    long horizon = Math.round(HORIZON_UPDATES / rate);
    long every = Math.max(1, horizon / TRACE_POINTS);
    double deadError = -Math.expm1(-LENGTH * Math.log(K));
    double deadMass = 1 - pi;
    return ParallelRuns.of(RUNS, seed, runSeed -> {
      PaperRun run = learner.run(ClusterLearnerState.atZero(family), horizon, runSeed, every);
      PaperRun.Trace trace = run.trace();
      long[] iterations = trace.iterations();
      double[] randomIterate = trace.randomIterateError();
      for (int i = 0; i < iterations.length; i++) {
        double good = (randomIterate[i] - deadMass * deadError) / pi;
        if (good <= EPS) {
          return iterations[i];
        }
      }
      return Double.POSITIVE_INFINITY;
    });
  }

  /**
   * The staircase: {@code 4 scale} good clusters sharing {@code pi} with per-token base {@code
   * alpha^(1/N)}, {@code 4 scale} dead ones sharing {@code 1 - pi}; the mutant sampler gives every
   * cluster the same mass (the good and dead groups keep their bases).
   */
  private static ClusterFamily staircase(double pi, double alpha, int scale, boolean uniform) {
    int good = GOOD_CLUSTERS * scale;
    int dead = DEAD_CLUSTERS * scale;
    double goodMass = uniform ? (double) good / (good + dead) : pi;
    return ClusterFamily.staircase(K, LENGTH)
        .group(goodMass, good, TokenBase.correct(Math.pow(alpha, 1.0 / LENGTH)))
        .group(1 - goodMass, dead, TokenBase.confidentlyWrong(DEAD_LOG_S))
        .build(1L);
  }

  /**
   * {@value #DEAD_RUNS} runs of PG-OR from 0, run {@code r} on seed {@code Seeds.derive(checkSeed,
   * r)}; a run observes how many dead clusters' weights it moved. The one named for replay is the
   * first run that moved one.
   */
  private static Replicates deadGroup(PaperBehaviour behaviour, double falseAlarm) {
    ClusterFamily family = staircase(PI, ALPHA, 1, false);
    OutcomeRewardPg learner = OutcomeRewardPg.plain(behaviour);
    return new Replicates(DEAD_RUNS, (seed, r) -> {
      PaperRun run = learner.run(ClusterLearnerState.atZero(family), DEAD_T,
          Seeds.derive(seed, r));
      double[] w = run.weights();
      int changed = 0;
      for (int c = 0; c < family.clusterCount(); c++) {
        if (family.group(c) != 1) {
          continue;
        }
        for (int i = c * K; i < (c + 1) * K; i++) {
          if (w[i] != 0.0) {
            changed++;
            break;
          }
        }
      }
      return changed;
    }, Replicates.Pick.first("the first run that moved a dead cluster", changed -> changed > 0),
        (seed, moved) -> {
          double total = Arrays.stream(moved).sum();
          return new Decision(total > 0, total, Comparison.AT_MOST, 0, String.format("dead"
              + " clusters moved, summed over %d runs: %.0f (false alarm <= %.2g); %s; %s",
              DEAD_RUNS, total, falseAlarm, learner.describe(), family.describe()));
        });
  }
}
