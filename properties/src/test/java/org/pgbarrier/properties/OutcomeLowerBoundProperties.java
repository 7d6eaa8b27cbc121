package org.pgbarrier.properties;

import static org.pgbarrier.properties.TheoremRuns.iterations;
import static org.pgbarrier.properties.TheoremRuns.tokenBaseFor;

import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.learn.ConstantStep;
import org.pgbarrier.learn.paper.BestOfMExploration;
import org.pgbarrier.learn.paper.ClusterLearnerState;
import org.pgbarrier.learn.paper.LabelledSgd;
import org.pgbarrier.learn.paper.OutcomeRewardPg;
import org.pgbarrier.learn.paper.PaperBehaviour;
import org.pgbarrier.learn.paper.PaperLearner;
import org.pgbarrier.learn.paper.PaperRun;
import org.pgbarrier.properties.TheoremRuns.Reach;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.QuantileInterval;

/**
 * BMB-21: necessary consequences of Theorem 5.3 (arXiv Theorem 10?, docs/theory.md §5.8), the
 * minimax lower bound of outcome-reward learners on a staircase-LQ family [PAPER B, single
 * source]. A lower bound over all algorithms cannot be unit-tested; what must hold for every
 * outcome-reward learner of the suite can.
 *
 * <p><b>(a) Queries.</b> On an F1-shared staircase (§6.4) a cluster's block stays at {@code w_1 =
 * 0} until a query on that cluster returns reward 1 (frozen until success: the blocks are
 * orthogonal), and such a query succeeds with probability at most {@code rho = max{q0(y*), k^-N}}
 * for every behaviour the suite's outcome learners draw from on an unseen cluster ({@code q0},
 * {@code Unif}, their sequence mixture, {@code p_{w_1}} = uniform). If the light group of {@code L}
 * clusters has mass {@code mu_L > (1 + delta) eps}, so {@code Q_q0((1 + delta) eps) = q0(y*)} on
 * it, error {@code <= eps} needs at least {@code r} light clusters to have had a success, {@code r}
 * the least count leaving unseen light mass {@code <= eps / (1 - k^-N)}: so within {@code Q}
 * queries {@code P[err <= eps] <= P[Bin(Q, rho) >= r]}, exactly, for every such learner.
 *
 * <p><b>(b) Iterations.</b> Algorithm 1 with unlimited exploration ({@code m = k^N}) still needs
 * {@code T_eps >= c/(gamma^2 eps)} iterations, here with {@code c = 1}. Finding: on F1-shared this
 * is a property of the learners' gradient-norm step, not of the instance: every context is
 * identified by one correct response, and a learner with an overconfident step (the mutant)
 * solves a cluster in one update and reaches {@code eps} in about {@code ln(1/eps)/gamma^2}
 * iterations; the theorem's hard family must therefore hide more than the F1 clusters do.
 */
class OutcomeLowerBoundProperties {
  private static final int K = 8;
  private static final int N = 7;
  private static final double ALPHA_LOW = 1e-6;
  private static final double EPS = 0.2;
  private static final double LIGHT_MASS = 0.4;
  private static final int LIGHT = 8;
  private static final int HEAVY = 8;
  private static final long BUDGET = 20_000;
  private static final int RUNS = 5;

  @Test
  void noOutcomeLearnerReachesEpsBelowTheLikelihoodQuantileCost() {
    StatisticalProperty property =
        StatisticalProperty.of("BMB-21", "queries-below-lq-cost-leave-error-above-eps");
    double a = property.alpha();
    property
        .rule("F1-shared staircase k = " + K + ", N = " + N + ", " + HEAVY + " heavy clusters"
            + " (mass " + (1 - LIGHT_MASS) + ", q0(y*) = 0.5) and " + LIGHT + " light (mass "
            + LIGHT_MASS + ", q0(y*) = " + ALPHA_LOW + "), gamma^2 = 1/16, eps = " + EPS + ","
            + " Q_q0(1.5 eps) = " + ALPHA_LOW + ", so 1/(gamma^2 Q_q0) = 1.6e7; budget Q = "
            + BUDGET + " reward queries (labels count as queries); five outcome learners"
            + " (Algorithm 1 with m = min{1/Q_q0, k^N}, PG-OR with behaviour 1/2 q0 + 1/2 Unif,"
            + " q0, Unif, on-policy) x " + RUNS + " runs; X = #{runs with err(w) <= eps at some"
            + " iterate within the budget}; reject when X >= 1 (false alarm <= 25 P[Bin(Q, rho)"
            + " >= r], computed, and required <= a = " + a + ")")
        .experiment(seed -> Queries.decide(seed, a, false))
        .mutant("a y*-leaking oracle: every query returns y* (teacher forcing, i.e. supervised"
            + " SGD, one label per query)", seed -> Queries.decide(seed, a, true))
        .verify();
  }

  @Test
  void algorithmOneNeedsOrderOneOverGammaSquaredEpsIterations() {
    StatisticalProperty property =
        StatisticalProperty.of("BMB-21", "iterations-at-least-c-over-gamma2-eps");
    double a = property.alpha();
    property
        .rule("F1-shared staircase of BMB-19 (k = 8, N = 4, M = 8, LQ 1e-3), eps = "
            + Iterations.EPS + ", two learners from w = 0: Algorithm 1 with m = k^N (gradient-norm"
            + " step) and the same with an overconfident constant step " + Iterations.OVERCONFIDENT
            + "; median intervals at level a/2 of T_eps from " + Iterations.RUNS + " runs each;"
            + " reject when upper(T_eps) gamma^2 eps < c = " + Iterations.C + " for either (false"
            + " alarm <= a = " + a + " when each median is at least c/(gamma^2 eps))")
        .experiment(seed -> Iterations.decide(seed, a, false))
        .mutant("both learners started at w_1 = 20 w*/gamma (the teacher leaked)",
            seed -> Iterations.decide(seed, a, true))
        .verify();
  }

  static ClusterFamily staircase(long seed) {
    return ClusterFamily.staircase(K, N)
        .group(1 - LIGHT_MASS, HEAVY, tokenBaseFor(0.5, N))
        .group(LIGHT_MASS, LIGHT, tokenBaseFor(ALPHA_LOW, N))
        .build(seed);
  }

  private static final class Queries {
    static Decision decide(long seed, double a, boolean mutant) {
      double rho = Math.max(ALPHA_LOW, Math.pow(K, -N));
      double lightEach = LIGHT_MASS / LIGHT;
      int maxUnseen = (int) Math.floor(EPS / (1 - Math.pow(K, -N)) / lightEach + 1e-9);
      int needed = LIGHT - maxUnseen;
      long m = BestOfMExploration.budget(ALPHA_LOW, K, N);
      List<LongFunction<PaperLearner>> learners = mutant
          ? List.of(s -> LabelledSgd.adaptive())
          : List.of(s -> BestOfMExploration.of(m),
              s -> OutcomeRewardPg.plain(PaperBehaviour.SEQUENCE_MIXTURE),
              s -> OutcomeRewardPg.plain(PaperBehaviour.BASE),
              s -> OutcomeRewardPg.plain(PaperBehaviour.UNIFORM),
              s -> OutcomeRewardPg.plain(PaperBehaviour.ON_POLICY));
      int runs = 5 * RUNS;
      double perRun = BinomialTail.upper((int) BUDGET, rho, needed);
      double falseAlarm = runs * perRun;
      if (!mutant && falseAlarm > a) {
        throw new IllegalStateException("design: false alarm " + falseAlarm + " > a = " + a);
      }
      int reached = 0;
      double smallest = Double.POSITIVE_INFINITY;
      StringBuilder detail = new StringBuilder(String.format("rho = %.3g, r = %d light clusters"
          + " needed, P[Bin(Q, rho) >= r] = %.3g per run; ", rho, needed, perRun));
      for (int l = 0; l < learners.size(); l++) {
        double learnerMin = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RUNS; r++) {
          long s = Seeds.derive(seed, 100L * l + r);
          ClusterFamily f = staircase(s);
          PaperLearner learner = learners.get(l).apply(s);
          PaperRun.Trace t = withinBudget(learner, f, s, mutant);
          long[] q = t.queries();
          double[] last = t.lastError();
          long[] it = t.iterations();
          double best = 1;
          for (int j = 0; j < last.length; j++) {
            long spent = q[j] + (mutant ? it[j] : 0); // SGD: one label per iteration
            if (spent > BUDGET) {
              break;
            }
            best = Math.min(best, last[j]);
          }
          learnerMin = Math.min(learnerMin, best);
          if (best <= EPS) {
            reached++;
          }
        }
        smallest = Math.min(smallest, learnerMin);
        detail.append(String.format("%s: smallest err within budget %.4g; ",
            learners.get(l).apply(0).describe().replaceAll(" \\[.*", ""), learnerMin));
      }
      detail.append("runs reaching eps: ").append(reached);
      return new Decision(reached >= 1, smallest, Comparison.ABOVE, EPS, detail.toString());
    }
  }

  /**
   * The trace of a run long enough to spend the budget: horizons 64, 256, ... (runs are
   * deterministic in the seed, so each is a prefix of the next) until the queries (plus labels
   * for the leaking mutant) exceed {@link #BUDGET}, or {@link #BUDGET} iterations.
   */
  private static PaperRun.Trace withinBudget(PaperLearner learner, ClusterFamily f, long seed,
      boolean labelsCount) {
    for (long h = 64; ; h = Math.min(4 * h, BUDGET)) {
      PaperRun run = learner.run(ClusterLearnerState.atZero(f), h, seed, 1);
      long spent = run.queries() + (labelsCount ? run.labels() : 0);
      if (spent > BUDGET || h == BUDGET) {
        return run.trace();
      }
    }
  }

  private static final class Iterations {
    static final int RUNS = 21;
    static final double EPS = 0.1;
    static final double C = 0.5;
    static final double OVERCONFIDENT = 50;

    static Decision decide(long seed, double a, boolean mutant) {
      ClusterFamily f = AlgorithmOneProperties.staircase(0.1, 1e-3, seed);
      long m = BestOfMExploration.budget(0, f.vocabularySize(), f.length());
      double[] w1 = new double[f.dimension()];
      if (mutant) {
        double[] star = f.wStar();
        for (int j = 0; j < w1.length; j++) {
          w1[j] = 20 * star[j] / f.gamma();
        }
      }
      double scale = f.gamma() * f.gamma() * EPS;
      PaperLearner[] learners = {BestOfMExploration.of(m),
          BestOfMExploration.of(m, new ConstantStep(OVERCONFIDENT))};
      boolean rejects = false;
      double worst = Double.POSITIVE_INFINITY;
      StringBuilder detail = new StringBuilder(mutant ? "from w_1 = 20 w*/gamma: " : "");
      for (int l = 0; l < learners.length; l++) {
        PaperLearner learner = learners[l];
        Reach[] r = TheoremRuns.replicate(x -> TheoremRuns.reach(learner, f, w1, EPS, 200_000, x),
            RUNS, Seeds.derive(seed, l));
        QuantileInterval box = QuantileInterval.median(iterations(r), a / 2);
        double upper = box.upper() * scale;
        worst = Math.min(worst, upper);
        rejects |= upper < C;
        detail.append(String.format("%s: T_eps %s, T_eps gamma^2 eps median %.4g, upper %.4g; ",
            l == 0 ? "Algorithm 1 (m = k^N)" : "Algorithm 1 with constant step " + OVERCONFIDENT,
            box, box.estimate() * scale, upper));
      }
      return new Decision(rejects, worst, Comparison.AT_LEAST, C, detail.toString());
    }
  }
}
