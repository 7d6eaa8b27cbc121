package org.pgbarrier.properties;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.Sharpening;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.sharpen.AdaptiveStopping;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.ParameterSpace;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.GoodnessOfFit;

/**
 * SHP-05, Lemma I.1 of arXiv 2412.01951 (adaptive best-of-N stopping). The oracle for the
 * stopping time is the exact survival function, derived here [RECONSTRUCTED]: {@code N_mu > k}
 * iff every one of the first {@code k} draws has likelihood below {@code mu/k}, so
 *
 * <pre>
 *   P[N_mu > k] = F(mu/k)^k,   F(c) = sum_{y : p_y < c} p_y,   E[N_mu] = sum_{k >= 0} F(mu/k)^k,
 * </pre>
 *
 * a finite sum, since {@code F(mu/k) = 0} once {@code k >= mu/p_min}.
 */
class AdaptiveStoppingProperties {
  private static final int TRIES = 300;

  /** Zipf law p_y ∝ 1/(y+1) on 20 responses: unique argmax P* = 1/H_20 = 0.278. */
  private static final double[] ZIPF = zipf(20);

  /** mu = ln(2/delta) with delta = 0.1, the paper's choice in Thm D.1. */
  private static final double MU = Math.log(20);

  private static final int RUNS = 20_000;

  @Test
  void expectedStoppingTimeIsWithinTheLemmaBound() {
    ExactProperty.of("SHP-05", "mean-within-lemma-bound")
        .over(new ParameterSpace().integer("K", 2, 40).logReal("mu", 0.3, 10)
            .integer("ties", 0, 1))
        .tries(TRIES)
        .rule("E[N_mu] = sum_k F(mu/k)^k <= (mu + 1/|y*|)/P* (1 + 1e-12); laws with masses e^(3u)"
            + " (ties = 0) or integer weights 1..3 (ties = 1, |y*| > 1 common)")
        .check(meanWithin(law -> 0))
        .mutant("the bound without its 1/|y*| term, mu/P* (below every E[N_mu] > mu/P*)",
            meanWithin(law -> 1.0 / argmaxCount(law) / maxOf(law)))
        .verify();
  }

  @Test
  void stoppingTimesFollowTheExactLawAndMissRarely() {
    StatisticalProperty property =
        StatisticalProperty.of("SHP-05", "stopping-law-and-miss-rate");
    double a = property.alpha();
    property.rule("Zipf law on 20 responses, mu = ln 20, " + RUNS + " runs: (i) Pearson"
            + " chi-square of the stopping times against P[N = k] = F(mu/(k-1))^(k-1) -"
            + " F(mu/k)^k, cells pooled to expected >= 5, reject iff p-value < a/2; (ii) misses"
            + " (selected != y*) against Bin(RUNS, e^(-mu)), reject iff the exact upper tail <"
            + " a/2. Bonferroni: false alarm <= a = " + a + " (chi-square approximation in (i))")
        .experiment(seed -> decide(seed, a, MU))
        .mutant("stops at mu/2 (half the evidence)", seed -> decide(seed, a, MU / 2))
        .verify();
  }

  private static StatisticalProperty.Decision decide(long seed, double a, double runMu) {
    int maxK = (int) Math.ceil(MU / minOf(ZIPF)) + 1;
    long[] counts = new long[maxK + 1];
    int misses = 0;
    SplittableRandom rng = Seeds.stream(seed, 0);
    for (int r = 0; r < RUNS; r++) {
      AdaptiveStopping.Run run = AdaptiveStopping.run(ZIPF, runMu, rng);
      counts[Math.min(run.stoppingTime(), maxK)]++;
      misses += run.selected() == 0 ? 0 : 1;
    }
    double[] law = new double[maxK + 1];
    for (int k = 1; k <= maxK; k++) {
      law[k] = survival(ZIPF, MU, k - 1) - survival(ZIPF, MU, k);
    }
    long[] observed = Arrays.copyOfRange(counts, 1, maxK + 1);
    double[] expected = Arrays.copyOfRange(law, 1, maxK + 1);
    GoodnessOfFit fit = GoodnessOfFit.chiSquare(observed, expected);
    double missBound = Sharpening.adaptiveStoppingMissBound(MU, 1);
    double missTail = BinomialTail.upper(RUNS, missBound, misses);
    boolean rejects = fit.pValue() < a / 2 || missTail < a / 2;
    return new StatisticalProperty.Decision(rejects, Math.min(fit.pValue(), missTail),
        Comparison.AT_LEAST, a / 2,
        "chi-square X2=" + fit.statistic() + " df=" + fit.degreesOfFreedom() + " p-value="
            + fit.pValue() + "; misses " + misses + "/" + RUNS + " against bound " + missBound
            + " (upper tail " + missTail + ")");
  }

  private static Check meanWithin(ToDoubleFunction<double[]> boundReduction) {
    return (params, seed) -> {
      SplittableRandom rng = Seeds.stream(seed, 1);
      int k = params.integer("K");
      double mu = params.real("mu");
      double[] p = new double[k];
      double sum = 0;
      for (int y = 0; y < k; y++) {
        p[y] = params.integer("ties") == 1 ? 1 + rng.nextInt(3) : Math.exp(3 * rng.nextDouble());
        sum += p[y];
      }
      for (int y = 0; y < k; y++) {
        p[y] /= sum;
      }
      double mean = 0;
      for (int n = 0; ; n++) {
        double s = survival(p, mu, n);
        if (s == 0) {
          break;
        }
        mean += s;
      }
      int count = argmaxCount(p);
      double bound = Sharpening.adaptiveStoppingMeanBound(mu, count, maxOf(p))
          - boundReduction.applyAsDouble(p);
      return Observation.atMost(mean, bound * (1 + 1e-12),
          "p=" + Arrays.toString(p) + " mu=" + mu + " |y*|=" + count + " E[N_mu]=" + mean);
    };
  }

  /** {@code P[N_mu > n] = F(mu/n)^n}; 1 at {@code n = 0}. */
  private static double survival(double[] p, double mu, int n) {
    if (n == 0) {
      return 1;
    }
    double below = 0;
    for (double q : p) {
      if (q * n < mu) {
        below += q;
      }
    }
    return Math.pow(below, n);
  }

  private static int argmaxCount(double[] p) {
    double max = maxOf(p);
    return (int) Arrays.stream(p).filter(q -> q == max).count();
  }

  private static double maxOf(double[] p) {
    return Arrays.stream(p).max().orElseThrow();
  }

  private static double minOf(double[] p) {
    return Arrays.stream(p).min().orElseThrow();
  }

  private static double[] zipf(int k) {
    double[] p = new double[k];
    double sum = 0;
    for (int y = 0; y < k; y++) {
      p[y] = 1.0 / (y + 1);
      sum += p[y];
    }
    for (int y = 0; y < k; y++) {
      p[y] /= sum;
    }
    return p;
  }
}
