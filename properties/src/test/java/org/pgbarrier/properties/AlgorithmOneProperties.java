package org.pgbarrier.properties;

import static org.pgbarrier.properties.TheoremRuns.iterations;
import static org.pgbarrier.properties.TheoremRuns.queries;
import static org.pgbarrier.properties.TheoremRuns.tokenBaseFor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.paper.BestOfMExploration;
import org.pgbarrier.learn.paper.LabelledSgd;
import org.pgbarrier.learn.paper.PaperBehaviour;
import org.pgbarrier.learn.paper.PaperLearner;
import org.pgbarrier.properties.TheoremRuns.Reach;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.Series;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.QuantileInterval;

/**
 * BMB-19: Corollary 3.6 (arXiv Corollary 5) and the abstract's per-sample form, Algorithm 1 (PG
 * with best-of-m exploration from {@code 1/2 q0 + 1/2 Unif(Y^N)}, budget {@code m = min{ceil(1 /
 * Q_q0(eps')), k^N}}, docs/theory.md §4.4, §5.5) on F1-shared instances (docs/theory.md §6.2,
 * §6.4) from {@code w = 0}, with {@code T_eps}, {@code Q_eps} the iterations and reward queries
 * until the random-iterate error is at most {@code eps}.
 *
 * <p><b>Iterations do not see the LQ.</b> Each iteration on cluster {@code c} updates with
 * probability at least {@code 1 - (1 - q(y*_c))^m >= 1 - e^(-m q(y*_c)) >= 1 - e^(-1/2) =
 * 0.393}, since {@code q(y*_c) >= q0(y*_c)/2 >= Q_q0(0)/2} on every cluster and {@code m >=
 * 1/Q_q0(0)}; an update is exactly a supervised SGD step ({@link LabelledSgd}) on that cluster and
 * the clusters' blocks are orthogonal. So Algorithm 1 is supervised SGD slowed by a per-iteration
 * update probability in {@code [0.393, 1]}: {@code T_eps} is at most about {@code 2.54} times
 * SGD's on the same instance, whatever the LQ; SGD's own {@code T_eps} is Prop 2.2's {@code
 * O~(1/(gamma^2 eps))} (BMB-15). The check allows the factor 3.
 *
 * <p><b>Per-sample additivity.</b> On one context of base likelihood {@code alpha} ({@code M = 1},
 * {@code gamma = 1}), the exploration cost is paid on on-policy failures only: about {@code 2/alpha}
 * queries per update during the burn-in (about {@code 2 N ln k} updates from {@code w = 0},
 * docs/theory.md §8) plus {@code 2/alpha} per later on-policy failure, whose number grows like
 * {@code log(1/eps)} (a mistake bound); the {@code 1/eps} iterations cost one query each. So
 * {@code Q_eps = A(alpha) + B(eps)} up to a logarithm, not {@code A(alpha) B(eps)}.
 */
class AlgorithmOneProperties {
  private static final int K = 8;
  private static final int N = 4;

  @Test
  void iterationsMatchSupervisedSgdWhateverTheLikelihoodQuantile() {
    StatisticalProperty property = StatisticalProperty.of("BMB-19", "iterations-free-of-lq");
    double a = property.alpha();
    property
        .rule("on two F1-shared staircases (k = " + K + ", N = " + N + ", M = 8, eps = "
            + Iterations.EPS + ") whose LQ Q_q0(0) is 1e-1 and 1e-3 (m = 10 and 1000), median"
            + " intervals at level a/4 of T_eps for Algorithm 1 and for supervised SGD on the same"
            + " instance from " + Iterations.RUNS + " runs each; reject when lower(T_eps(Alg 1)) > "
            + Iterations.FACTOR + " upper(T_eps(SGD)) on either staircase (false alarm <= a = "
            + a + " when each median ratio is at most " + Iterations.FACTOR + "; derived: at"
            + " most 1/(1 - e^-1/2) = 2.54)")
        .experiment(seed -> Iterations.decide(seed, a, false))
        .mutant("budget m = 1 (no best-of-m): an update costs about 2/alpha iterations, so T_eps"
            + " grows like 1/Q_q0", seed -> Iterations.decide(seed, a, true))
        .verify();
  }

  @Test
  void perSampleQueriesAreAdditiveInOneOverAlphaAndOneOverEps() {
    StatisticalProperty property = StatisticalProperty.of("BMB-19", "per-sample-additive");
    double a = property.alpha();
    property
        .rule("one F1-shared context (k = " + K + ", N = " + N + ", gamma = 1), 2x2 design alpha"
            + " in {1e-1, 1e-3} x eps in {0.3, 0.03}, m = min{ceil(1/alpha), k^N}; median"
            + " intervals at level a/3 of Q_eps from " + Additive.RUNS + " runs per cell; reject"
            + " when lower(Q(1e-3, 0.03)) > " + Additive.FACTOR + " [upper(Q(1e-3, 0.3)) +"
            + " upper(Q(1e-1, 0.03))], i.e. when the cost with both small is surely more than"
            + " twice the sum of the costs with one small (false alarm <= a = " + a + " when"
            + " the medians obey that inequality, as Q = A(alpha) + B(eps) up to a log does)")
        .experiment(seed -> Additive.decide(seed, a, false))
        .mutant("no on-policy first draw (every iteration explores from the mixture): Q ~"
            + " T/alpha, multiplicative", seed -> Additive.decide(seed, a, true))
        .verify();
  }

  /** A staircase of two F1-shared groups of 4 clusters, masses 1/2, base likelihoods given. */
  static ClusterFamily staircase(double alphaHigh, double alphaLow, long seed) {
    return ClusterFamily.staircase(K, N)
        .group(0.5, 4, tokenBaseFor(alphaHigh, N))
        .group(0.5, 4, tokenBaseFor(alphaLow, N))
        .build(seed);
  }

  private static final class Iterations {
    static final int RUNS = 21;
    static final double EPS = 0.1;
    static final double FACTOR = 3;
    static final long HORIZON = 200_000;

    static Decision decide(long seed, double a, boolean mutant) {
      double[][] cells = {{0.3, 0.1}, {0.1, 0.001}};
      boolean rejects = false;
      double worst = 0;
      StringBuilder detail = new StringBuilder();
      List<Series.Point> points = new ArrayList<>();
      for (int j = 0; j < cells.length; j++) {
        long s = Seeds.derive(seed, j);
        ClusterFamily f = staircase(cells[j][0], cells[j][1], s);
        long m = BestOfMExploration.budget(cells[j][1], K, N);
        PaperLearner alg1 = mutant ? BestOfMExploration.of(1) : BestOfMExploration.of(m);
        Reach[] r1 = TheoremRuns.reach(x -> alg1, f, EPS, HORIZON, RUNS, Seeds.derive(s, 1));
        Reach[] r0 = TheoremRuns.reach(x -> LabelledSgd.adaptive(), f, EPS, HORIZON, RUNS,
            Seeds.derive(s, 2));
        QuantileInterval b1 = QuantileInterval.median(iterations(r1), a / 4);
        QuantileInterval b0 = QuantileInterval.median(iterations(r0), a / 4);
        double ratio = b1.lower() / b0.upper();
        worst = Math.max(worst, ratio);
        rejects |= ratio > FACTOR;
        double g2e = EPS / f.clusterCount();
        points.add(new Series.Point(m, b1.estimate() * g2e, b1.lower() * g2e,
            b1.upper() * g2e));
        detail.append(String.format("LQ %.3g (m=%d): T_eps Alg1 %s, SGD %s, lower/upper %.3g; ",
            cells[j][1], m, b1, b0, ratio));
      }
      double chord = Math.log(points.get(1).estimate() / points.get(0).estimate())
          / Math.log(points.get(1).x() / points.get(0).x());
      Series series = new Series("m = 1/Q_q0", "median T_eps gamma^2 eps (Algorithm 1)",
          Series.Scale.LOG_LOG, points, chord, 0);
      return new Decision(rejects, worst, Comparison.AT_MOST, FACTOR, detail.toString(), series);
    }
  }

  private static final class Additive {
    static final int RUNS = 21;
    static final double FACTOR = 2;
    static final long HORIZON = 2_000_000;

    static Decision decide(long seed, double a, boolean mutant) {
      double[] alphas = {1e-1, 1e-3};
      double[] epss = {0.3, 0.03};
      QuantileInterval[][] box = new QuantileInterval[2][2];
      StringBuilder detail = new StringBuilder();
      List<Series> figures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        List<Series.Point> points = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
          long s = Seeds.derive(seed, 2 * i + j);
          ClusterFamily f = ClusterFamily.f1Shared(K, N, new double[] {1.0},
              new TokenBase[] {tokenBaseFor(alphas[i], N)}, s);
          long m = BestOfMExploration.budget(alphas[i], K, N);
          PaperLearner l = mutant
              ? BestOfMExploration.withExploration(m, GradientNormStep.INSTANCE,
                  PaperBehaviour.SEQUENCE_MIXTURE, false)
              : BestOfMExploration.of(m);
          Reach[] r = TheoremRuns.reach(x -> l, f, epss[j], HORIZON, RUNS, Seeds.derive(s, 1));
          box[i][j] = QuantileInterval.median(queries(r), a / 3);
          points.add(new Series.Point(1 / epss[j], box[i][j].estimate(), box[i][j].lower(),
              box[i][j].upper()));
          detail.append(String.format("Q(alpha=%.0e, eps=%.2g) %s; ", alphas[i], epss[j],
              box[i][j]));
        }
        double chord = Math.log(points.get(1).estimate() / points.get(0).estimate())
            / Math.log(points.get(1).x() / points.get(0).x());
        figures.add(new Series("1/eps", String.format("median Q_eps at alpha = %.0e", alphas[i]),
            Series.Scale.LOG_LOG, points, chord, Double.NaN));
      }
      double both = box[1][1].lower();
      double sum = box[1][0].upper() + box[0][1].upper();
      double ratio = both / sum;
      detail.append(String.format("lower(Q(1e-3,0.03)) / [upper(Q(1e-3,0.3)) + upper(Q(1e-1,"
          + "0.03))] = %.3g", ratio));
      return new Decision(ratio > FACTOR, ratio, Comparison.AT_MOST, FACTOR, detail.toString(), figures);
    }
  }
}
