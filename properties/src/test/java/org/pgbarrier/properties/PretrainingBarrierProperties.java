package org.pgbarrier.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.learn.paper.ClusterLearnerState;
import org.pgbarrier.learn.paper.LabelledSgd;
import org.pgbarrier.learn.paper.PaperRun;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.ParameterSpace;
import org.pgbarrier.testkit.engine.Params;
import org.pgbarrier.testkit.engine.Series;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;

/**
 * BMB-22: Theorem 5.5 (arXiv Theorem 12?, docs/theory.md §5.10), pre-training cannot lift the
 * likelihood quantile, on the F3 family (§6.5): {@code y*_c = (B_c, ..., B_c)}, {@code B_c} a fair
 * bit over the first two tokens, F1-shared features with shift 0 (so {@code p_w(y|x_c) = prod_i
 * softmax(w_c)[y_i]}, tokens i.i.d. given the context), a heavy part and light clusters. The
 * pre-trained policy {@code q} is the output {@code w_{n+1}} of a pre-training algorithm on {@code
 * n} labelled samples; {@code Q_q(eps) = inf{alpha : P_x(q(y*|x) <= alpha) > eps}} (the paper's
 * upper quantile, §3.2) is computed exactly over the clusters by an independent sort.
 *
 * <ul>
 *   <li>Supervised SGD from {@code w = 0} leaves an unseen cluster's block at 0 ({@code q(y*) =
 *       k^-N}) and lifts every seen one above {@code k^-N}, so {@code Q_q(eps) = k^-N} exactly iff
 *       the unseen clusters carry more than {@code eps} of the mass (exact check); the jump comes
 *       once {@code n} passes about {@code L ln 2 / mu_L}, of order {@code 1/(gamma^2 eps)}
 *       (statistical check, bounds by occupancy).
 *   <li>The reported form "for any pre-training algorithm, {@code n <~ 1/(gamma^2 eps) => Q_q(eps)
 *       <= k^-N}" is refuted on F3 for {@code k > 2}: a pre-training algorithm that adds a weight
 *       {@code L} to the two symbols in every block (it knows the family, not the bits) has {@code
 *       q(y*|x_c) >= (e^L/(2 e^L + k - 2))^N > k^-N} on every context, for every {@code n}.
 *   <li>The strongest form the evidence supports: whatever the algorithm, its output on an unseen
 *       cluster cannot depend on that cluster's bit, and {@code min(p_c(0), p_c(1)) <= 1/2}, so
 *       each unseen cluster has {@code q(y*) <= 2^-N} with probability at least 1/2 over its bit:
 *       {@code P_B[Q_q(eps) <= 2^-N] >= P[sum of the unseen masses kept by fair coins > eps]}
 *       (exact check by enumerating the unseen bits).
 *   <li>B's sanity check: the structured learner that queries {@code 1^N} then {@code 2^N}
 *       (tokens 0 and 1 here) finds every F3 context's {@code y*} in at most 2 outcome queries,
 *       so the suite claims no per-instance hardness of low-LQ models.
 * </ul>
 */
class PretrainingBarrierProperties {
  private static final int TRIES = 150;

  @Test
  void sgdLeavesTheQuantileUniformExactlyWhileUnseenMassExceedsEps() {
    ExactProperty.of("BMB-22", "sgd-lq-uniform-iff-unseen-mass-exceeds-eps")
        .over(space())
        .tries(TRIES)
        .rule("after SGD (gradient-norm step, from w = 0) on n F3 samples: Q_q(eps) = k^-N"
            + " (|log Q + N log k| <= 1e-9) when the unseen clusters' mass exceeds eps, and"
            + " Q_q(eps) > k^-N (log Q + N log k > 1e-9) otherwise")
        .check(sgdQuantile(0))
        .mutant("SGD followed by a weight 5 added to the two symbols of every block (the"
            + " two-symbol prior)", sgdQuantile(5))
        .verify();
  }

  @Test
  void theReportedUniformBoundFailsForATwoSymbolPretrainer() {
    ExactProperty.of("BMB-22", "reported-form-k-to-minus-n")
        .over(new ParameterSpace()
            .integer("k", 3, 5)
            .integer("N", 2, 6)
            .integer("heavy", 2, 4)
            .integer("light", 2, 10)
            .real("heavyMass", 0.5, 0.6)
            .real("eps", 0.02, 0.3)
            .integer("prior", 0, 1))
        .tries(TRIES)
        .reportedForm()
        .rule("reported form: for any pre-training algorithm, n <~ 1/(gamma^2 eps) => Q_q(eps) <="
            + " k^-N (log Q <= -N log k + 1e-9), taken at n = 1 sample (below c/(gamma^2 eps) for"
            + " any c >= 0.3) on F3 instances whose clusters all have mass <= 0.3, so one sample"
            + " leaves more than eps unseen; algorithms: SGD (prior = 0) and SGD plus a weight 5"
            + " on the two symbols of every block (prior = 1)")
        .check(reportedForm(1))
        .mutant("the bound scaled down to k^-N / 2, SGD only", reportedForm(0.5))
        .verify();
  }

  @Test
  void eachUnseenClusterIsBelowTwoToTheMinusNWithProbabilityOneHalf() {
    ExactProperty.of("BMB-22", "strongest-form-two-to-minus-n")
        .over(space().integer("algorithm", 0, 2))
        .tries(TRIES)
        .rule("for the output w of SGD (algorithm 0), SGD plus the two-symbol prior (1) or SGD plus"
            + " Gaussian noise on every block (2): over all 2^U assignments of the unseen clusters'"
            + " bits (the output cannot depend on them), the fraction with Q_q(eps) <= 2^-N is at"
            + " least P[the unseen masses kept by independent fair coins sum to more than eps]"
            + " (both by enumeration, 1e-12)")
        .check(strongestForm(false))
        .mutant("clairvoyant pre-training that reads the unseen bits (weight 5 on B_c in every"
            + " unseen block)", strongestForm(true))
        .verify();
  }

  @Test
  void aTwoQueryLearnerSolvesEveryF3Context() {
    ExactProperty.of("BMB-22", "two-query-learner-solves-f3")
        .over(space())
        .tries(TRIES)
        .rule("on every context of the F3 instance, the structured learner that submits 1^N and"
            + " then 2^N (tokens 0 and 1) to the outcome reward finds y* within 2 queries")
        .check(twoQuery(new int[] {0, 1}))
        .mutant("the learner submits 3^N first (tokens 2, 0, 1)", twoQuery(new int[] {2, 0, 1}))
        .verify();
  }

  @Test
  void theQuantileJumpsOnceTheSampleSizePassesOneOverGammaSquaredEps() {
    StatisticalProperty property =
        StatisticalProperty.of("BMB-22", "lq-jumps-past-one-over-gamma2-eps");
    double a = property.alpha();
    property
        .rule("F3, k = 4, N = 4, 4 heavy clusters (mass 0.8), 12 light (mass 0.2), gamma^2 ="
            + " 1/16, eps = 0.1, 1/(gamma^2 eps) = 160; SGD on n samples, " + Jump.RUNS + " runs"
            + " at each n; at n = 8: X = #{Q_q(eps) > k^-N}, each run with probability at most"
            + " p_lo = P[Bin(8, 0.2) >= 6] (six light clusters must be seen); at n = 1280: Y ="
            + " #{Q_q(eps) = k^-N}, each at most p_hi = 4 0.8^1280 + C(12,7) (53/60)^1280; reject"
            + " when P[Bin(R, p_lo) >= X] <= a/2 or P[Bin(R, p_hi) >= Y] <= a/2 (false alarm <="
            + " a = " + a + ")")
        .experiment(seed -> Jump.decide(seed, a, 0))
        .mutant("SGD plus the two-symbol prior: the LQ is above k^-N from n = 0",
            seed -> Jump.decide(seed, a, 5))
        .verify();
  }

  // ------------------------------------------------------------------ instances and helpers

  private static ParameterSpace space() {
    return new ParameterSpace()
        .integer("k", 3, 5)
        .integer("N", 2, 6)
        .integer("heavy", 1, 4)
        .integer("light", 2, 10)
        .real("heavyMass", 0.5, 0.95)
        .real("eps", 0.02, 0.3)
        .real("frac", 0.01, 1.0);
  }

  private static ClusterFamily family(Params p, long seed) {
    return ClusterFamily.f3(p.integer("k"), p.integer("N"), p.integer("heavy"),
        p.real("heavyMass"), p.integer("light"), seed);
  }

  /** {@code n = max(1, floor(frac / (gamma^2 eps)))}. */
  private static long samples(Params p, ClusterFamily f) {
    double g2 = f.gamma() * f.gamma();
    return Math.max(1, (long) Math.floor(p.real("frac") / (g2 * p.real("eps"))));
  }

  /** The SGD pre-training output on {@code n} samples; {@code seen[c]} set for drawn clusters. */
  private static double[] pretrain(ClusterFamily f, long n, long seed, boolean[] seen) {
    PaperRun run = LabelledSgd.adaptive().run(ClusterLearnerState.atZero(f), n, seed);
    double[] w = run.weights();
    int k = f.vocabularySize();
    for (int c = 0; c < f.clusterCount(); c++) {
      for (int r = 0; r < k; r++) {
        seen[c] |= w[c * k + r] != 0;
      }
    }
    return w;
  }

  /** Adds {@code weight} to tokens 0 and 1 of every block (shift-0 blocks: relative = token). */
  private static void twoSymbolPrior(ClusterFamily f, double[] w, double weight) {
    int k = f.vocabularySize();
    for (int c = 0; c < f.clusterCount(); c++) {
      w[c * k] += weight;
      w[c * k + 1] += weight;
    }
  }

  /** {@code log q(B^N | x_c) = N log softmax(w_c)[bit]}. */
  private static double logLikelihood(ClusterFamily f, double[] w, int c, int bit) {
    int k = f.vocabularySize();
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < k; r++) {
      max = Math.max(max, w[c * k + r]);
    }
    double sum = 0;
    for (int r = 0; r < k; r++) {
      sum += Math.exp(w[c * k + r] - max);
    }
    return f.length() * (w[c * k + bit] - max - Math.log(sum));
  }

  /**
   * {@code log Q(eps)} of atoms {@code (value, mass)}: the least value {@code v} with {@code
   * P(q <= v) > eps} (upper quantile), by a sort; ties in value merged within 1e-12.
   */
  static double logQuantile(double[] logValue, double[] mass, double eps) {
    Integer[] order = new Integer[logValue.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(logValue[x], logValue[y]));
    double cumulative = 0;
    for (int j = 0; j < order.length; j++) {
      cumulative += mass[order[j]];
      boolean lastOfTie = j + 1 == order.length
          || logValue[order[j + 1]] - logValue[order[j]] > 1e-12;
      if (lastOfTie && cumulative > eps + 1e-12) {
        return logValue[order[j]];
      }
    }
    return 0;
  }

  private static double[] logValues(ClusterFamily f, double[] w, int[] bits) {
    double[] v = new double[f.clusterCount()];
    for (int c = 0; c < v.length; c++) {
      v[c] = logLikelihood(f, w, c, bits[c]);
    }
    return v;
  }

  private static int[] bits(ClusterFamily f) {
    int[] b = new int[f.clusterCount()];
    for (int c = 0; c < b.length; c++) {
      b[c] = f.offset(c);
    }
    return b;
  }

  private static Check sgdQuantile(double prior) {
    return (p, seed) -> {
      ClusterFamily f = family(p, seed);
      boolean[] seen = new boolean[f.clusterCount()];
      double[] w = pretrain(f, samples(p, f), Seeds.derive(seed, 1), seen);
      twoSymbolPrior(f, w, prior);
      double unseen = 0;
      for (int c = 0; c < seen.length; c++) {
        unseen += seen[c] ? 0 : f.mass(c);
      }
      double eps = p.real("eps");
      double excess = logQuantile(logValues(f, w, bits(f)), f.masses(), eps)
          + f.length() * Math.log(f.vocabularySize());
      boolean uniform = Math.abs(excess) <= 1e-9;
      boolean holds = (unseen > eps) == uniform && excess > -1e-9;
      return new Observation(holds, excess, Comparison.RULE, 1e-9, holds ? 0 : 2, String.format(
          "n=%d unseen mass %.4g vs eps %.4g: log Q + N log k = %.4g", samples(p, f), unseen, eps,
          excess));
    };
  }

  private static Check reportedForm(double scale) {
    return (p, seed) -> {
      ClusterFamily f = family(p, seed);
      boolean[] seen = new boolean[f.clusterCount()];
      double[] w = pretrain(f, 1, Seeds.derive(seed, 1), seen);
      boolean prior = scale == 1 && p.integer("prior") == 1;
      twoSymbolPrior(f, w, prior ? 5 : 0);
      double logQ = logQuantile(logValues(f, w, bits(f)), f.masses(), p.real("eps"));
      double bound = -f.length() * Math.log(f.vocabularySize()) + Math.log(scale);
      return Observation.atMost(logQ - bound, 1e-9, String.format(
          "%s, n=1: log Q_q(eps) = %.6g, log of the reported bound k^-N%s = %.6g (2^-N: %.6g)",
          prior ? "SGD + two-symbol prior" : "SGD", logQ,
          scale == 1 ? "" : " x " + scale, bound, -f.length() * Math.log(2)));
    };
  }

  private static Check strongestForm(boolean clairvoyant) {
    return (p, seed) -> {
      ClusterFamily f = family(p, seed);
      int m = f.clusterCount();
      boolean[] seen = new boolean[m];
      double[] w = pretrain(f, samples(p, f), Seeds.derive(seed, 1), seen);
      int algorithm = p.integer("algorithm");
      int k = f.vocabularySize();
      if (algorithm == 1) {
        twoSymbolPrior(f, w, 5);
      } else if (algorithm == 2) {
        SplittableRandom rng = Seeds.stream(seed, 2);
        for (int j = 0; j < w.length; j++) {
          w[j] += rng.nextGaussian();
        }
      }
      int[] unseen = java.util.stream.IntStream.range(0, m).filter(c -> !seen[c]).toArray();
      if (clairvoyant) {
        for (int c : unseen) {
          w[c * k + f.offset(c)] += 5;
        }
      }
      int u = unseen.length;
      int[] b = bits(f);
      double eps = p.real("eps");
      double logHalfN = -f.length() * Math.log(2);
      long below = 0;
      long coinsAbove = 0;
      for (long mask = 0; mask < (1L << u); mask++) {
        double kept = 0;
        for (int j = 0; j < u; j++) {
          int bit = (int) ((mask >>> j) & 1);
          if (!clairvoyant) {
            b[unseen[j]] = bit;
          }
          kept += bit == 1 ? f.mass(unseen[j]) : 0;
        }
        if (kept > eps + 1e-12) {
          coinsAbove++;
        }
        if (logQuantile(logValues(f, w, b), f.masses(), eps) <= logHalfN + 1e-9) {
          below++;
        }
      }
      double total = 1L << u;
      return Observation.atLeast(below / total, coinsAbove / total - 1e-12, String.format(
          "algorithm %d, n=%d, U=%d unseen: fraction with Q <= 2^-N %.4g, fair-coin bound %.4g",
          algorithm, samples(p, f), u, below / total, coinsAbove / total));
    };
  }

  private static Check twoQuery(int[] order) {
    return (p, seed) -> {
      ClusterFamily f = family(p, seed);
      int worst = 0;
      for (int c = 0; c < f.clusterCount(); c++) {
        int[] target = f.target(c);
        int queries = 0;
        for (int token : order) {
          queries++;
          int[] y = new int[f.length()];
          Arrays.fill(y, token);
          if (Arrays.equals(y, target)) {
            break;
          }
        }
        worst = Math.max(worst, queries);
      }
      return Observation.atMost(worst, 2, "largest number of outcome queries over the "
          + f.clusterCount() + " contexts: " + worst);
    };
  }

  private static final class Jump {
    static final int RUNS = 40;
    static final long[] SIZES = {8, 20, 40, 80, 160, 320, 640, 1280};

    static Decision decide(long seed, double a, double prior) {
      int k = 4;
      int n = 4;
      double logUniform = -n * Math.log(k);
      double eps = 0.1;
      List<Series.Point> lifted = new ArrayList<>();
      StringBuilder detail = new StringBuilder();
      int[] above = new int[SIZES.length];
      for (int j = 0; j < SIZES.length; j++) {
        double[] errors = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
          long s = Seeds.derive(seed, 1000L * j + r);
          ClusterFamily f = ClusterFamily.f3(k, n, 4, 0.8, 12, s);
          boolean[] seen = new boolean[f.clusterCount()];
          double[] w = pretrain(f, SIZES[j], Seeds.derive(s, 1), seen);
          twoSymbolPrior(f, w, prior);
          double[] v = logValues(f, w, bits(f));
          if (logQuantile(v, f.masses(), eps) > logUniform + 1e-9) {
            above[j]++;
          }
          double err = 0;
          for (int c = 0; c < v.length; c++) {
            err += f.mass(c) * -Math.expm1(v[c]);
          }
          errors[r] = err;
        }
        Arrays.sort(errors);
        double x = SIZES[j] / 160.0;
        double frac = (double) above[j] / RUNS;
        lifted.add(new Series.Point(x, frac, frac, frac));
        detail.append(String.format("n=%d (n gamma^2 eps = %.3g): %d/%d runs with Q_q(eps) >"
            + " k^-N, median err(q)/eps %.3g; ", SIZES[j], x, above[j], RUNS,
            errors[RUNS / 2] / eps));
      }
      double pLo = BinomialTail.upper((int) SIZES[0], 0.2, 6);
      double pHi = Math.min(1, 4 * Math.pow(0.8, 1280) + 792 * Math.pow(53.0 / 60, 1280));
      int last = SIZES.length - 1;
      double tailLo = BinomialTail.upper(RUNS, pLo, above[0]);
      double tailHi = BinomialTail.upper(RUNS, pHi, RUNS - above[last]);
      double smallest = Math.min(tailLo, tailHi);
      detail.append(String.format("p_lo = %.3g, tail %.3g; p_hi = %.3g, tail %.3g", pLo, tailLo,
          pHi, tailHi));
      Series series = new Series("n gamma^2 eps", "fraction of runs with Q_q(eps) > k^-N",
          Series.Scale.LOG_LOG, lifted, Double.NaN, Double.NaN);
      return new Decision(smallest <= a / 2, smallest, Comparison.ABOVE, a / 2, detail.toString(), series);
    }
  }
}
