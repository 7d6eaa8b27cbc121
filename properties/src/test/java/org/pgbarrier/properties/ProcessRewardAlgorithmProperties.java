package org.pgbarrier.properties;

import static org.pgbarrier.properties.TheoremRuns.queries;
import static org.pgbarrier.properties.TheoremRuns.tokenBaseFor;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.learn.paper.BestOfMExploration;
import org.pgbarrier.learn.paper.PaperLearner;
import org.pgbarrier.learn.paper.ProcessRewardWalk;
import org.pgbarrier.properties.TheoremRuns.Reach;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.Series;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.QuantileInterval;

/**
 * BMB-20: Theorem 4.1 (arXiv Theorem 6), Algorithm 2 (process reward, docs/theory.md §4.6, §5.6)
 * against Algorithm 1 (outcome reward, §4.4) on the same F1-indep instance (§6.3): one context,
 * per-token base probability {@code s} at every position, {@code k = 4}, so {@code gamma^2 =
 * 1/N} moves with {@code N}, and the check is on the ratio {@code Q_eps(Alg 1) / Q_eps(Alg 2)},
 * where the {@code 1/gamma^2} factors cancel.
 *
 * <p>Prediction. Algorithm 2 explores a token at a time from {@code 1/2 q0 + 1/2 Unif(Y)}: about
 * {@code N a} queries per exploring iteration, {@code a = min{1/s, k}} (per-position budget {@code
 * m_2 = ceil(a ln(4 N))}), so {@code Q = O~((N a + 1/eps)/gamma^2)}; Algorithm 1 explores whole
 * responses from {@code 1/2 q0 + 1/2 Unif(Y^N)}: about {@code 2 min{s^-N, k^N}} queries per
 * exploring iteration. Both explore until the learner's own samples succeed (a burn-in of the same
 * number of updates), so the ratio grows like {@code min{s^-N, k^N} / (N a)}: {@code 4^N/(4 N)}
 * here ({@code s = 1/8 < 1/k}).
 */
class ProcessRewardAlgorithmProperties {
  private static final int K = 4;
  private static final double S = 0.125;
  private static final double EPS = 0.1;
  private static final int[] LENGTHS = {2, 4, 6};
  private static final int RUNS = 21;
  /** The rule's growth factor per position: sqrt(min{1/s, k}) = 2. */
  private static final double GROWTH = 2;

  @Test
  void outcomeOverProcessQueriesGrowExponentiallyInTheLength() {
    StatisticalProperty property =
        StatisticalProperty.of("BMB-20", "outcome-over-process-exponential");
    double a = property.alpha();
    property
        .rule("F1-indep, one context, k = " + K + ", per-token base s = " + S + ", eps = " + EPS
            + ", N in {2, 4, 6}; R(N) = median Q_eps(Alg 1)/median Q_eps(Alg 2), each median"
            + " in a distribution-free interval at level a/4 from " + RUNS + " runs (N = 2 and 6"
            + " enter the rule); reject when upper(R(6))/lower(R(2)) < " + GROWTH + "^4, i.e."
            + " when the ratio surely grows slower than sqrt(min{1/s, k})^N (false alarm <= a = "
            + a + " when it grows at least that fast; predicted about k^N/(N a))")
        .experiment(seed -> decide(seed, a, false))
        .mutant("the process reward replaced by the outcome reward (Algorithm 1 run in Algorithm"
            + " 2's place): the ratio stays near 1", seed -> decide(seed, a, true))
        .verify();
  }

  static ClusterFamily instance(int n, long seed) {
    TokenBase[] row = new TokenBase[n];
    java.util.Arrays.fill(row, TokenBase.correct(S));
    return ClusterFamily.f1Indep(K, n, new double[] {1.0}, new TokenBase[][] {row}, seed);
  }

  /** {@code m_1 = min{ceil(1/Q_q0), k^N}} with {@code Q_q0 = s^N}. */
  static long outcomeBudget(int n) {
    return BestOfMExploration.budgetFromLog(n * Math.log(S), K, n);
  }

  /** {@code m_2 = ceil(a ln(4 N))}, {@code a = min{1/Q^TL_q0, k} = min{1/s, k}}. */
  static long processBudget(int n) {
    return (long) Math.ceil(Math.min(1 / S, K) * Math.log(4.0 * n));
  }

  static Decision decide(long seed, double a, boolean mutant) {
    List<Series.Point> points = new ArrayList<>();
    List<Series.Point> walk = new ArrayList<>();
    StringBuilder detail = new StringBuilder();
    double[] lower = new double[LENGTHS.length];
    double[] upper = new double[LENGTHS.length];
    for (int j = 0; j < LENGTHS.length; j++) {
      int n = LENGTHS[j];
      long s = Seeds.derive(seed, j);
      ClusterFamily f = instance(n, s);
      PaperLearner outcome = BestOfMExploration.of(outcomeBudget(n));
      PaperLearner process = mutant ? outcome : ProcessRewardWalk.of(processBudget(n));
      long horizon = 200_000;
      Reach[] r1 = TheoremRuns.reach(x -> outcome, f, EPS, horizon, RUNS, Seeds.derive(s, 1));
      Reach[] r2 = TheoremRuns.reach(x -> process, f, EPS, horizon, RUNS, Seeds.derive(s, 2));
      QuantileInterval q1 = QuantileInterval.median(queries(r1), a / 4);
      QuantileInterval q2 = QuantileInterval.median(queries(r2), a / 4);
      lower[j] = q1.lower() / q2.upper();
      upper[j] = q1.upper() / q2.lower();
      points.add(new Series.Point(n, q1.estimate() / q2.estimate(), lower[j], upper[j]));
      double g2 = f.gamma() * f.gamma();
      walk.add(new Series.Point(n, g2 * q2.estimate(), g2 * q2.lower(), g2 * q2.upper()));
      detail.append(String.format("N=%d: Q_eps Alg1 %s, Alg2 %s (gamma^2 Q_eps Alg2 %.4g); ", n,
          q1, q2, q2.estimate() * f.gamma() * f.gamma()));
    }
    int last = LENGTHS.length - 1;
    double growth = upper[last] / lower[0];
    double needed = Math.pow(GROWTH, LENGTHS[last] - LENGTHS[0]);
    double chord = Math.log(points.get(last).estimate() / points.get(0).estimate())
        / (LENGTHS[last] - LENGTHS[0]);
    detail.append(String.format("upper R(6)/lower R(2) = %.4g vs %.4g", growth, needed));
    Series series = new Series("N", "median Q_eps(Alg 1) / median Q_eps(Alg 2)",
        Series.Scale.LOG_LINEAR, points, chord, Math.log(K));
    double processChord = Math.log(walk.get(last).estimate() / walk.get(0).estimate())
        / Math.log((double) LENGTHS[last] / LENGTHS[0]);
    Series processSeries = new Series("N", "gamma^2 median Q_eps(Alg 2)", Series.Scale.LOG_LOG,
        walk, processChord, 1);
    return new Decision(growth < needed, growth, Comparison.AT_LEAST, needed, detail.toString(),
        List.of(series, processSeries));
  }
}
