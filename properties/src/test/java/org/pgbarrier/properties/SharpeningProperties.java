package org.pgbarrier.properties;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.Sharpening;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.sharpen.BestOfN;
import org.pgbarrier.sharpen.CoverageCoefficient;
import org.pgbarrier.sharpen.DpoSharpening;
import org.pgbarrier.sharpen.Laws;
import org.pgbarrier.sharpen.RlhfSharpening;
import org.pgbarrier.sharpen.TabularAutoregressivePolicy;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.ParameterSpace;
import org.pgbarrier.testkit.engine.Params;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.GoodnessOfFit;

/**
 * SHP-01, SHP-02, SHP-03, SHP-06 and SHP-08: best-of-N, Prop. C.1, Prop. 3.1, the
 * RLHF-sharpening optimum (and its DPO-style regression on pairs) and coverage at a budget, for arXiv 2412.01951, on small finite response sets where every law is enumerable.
 */
class SharpeningProperties {
  private static final int TRIES = 300;

  /** docs/theory.md §9.12: p = (.3, .25, .2, .15, .1), N = 4. */
  private static final double[] T1_BASE = {0.3, 0.25, 0.2, 0.15, 0.1};

  private static final int T1_N = 4;

  /** Monte Carlo draws of best-of-N for SHP-01: every exact cell then expects >= 7 counts. */
  private static final int DRAWS = 40_000;

  @Test
  void bestOfNLawEqualsEnumerationOverAllTuplesOfDraws() {
    ExactProperty.of("SHP-01", "law-matches-enumeration")
        .over(new ParameterSpace().integer("K", 2, 5).integer("N", 1, 5).integer("zeros", 0, 1))
        .tries(TRIES)
        .rule("max_y |law[y] - sum over all K^N tuples with BoN = y of prod p| <= 1e-13, integer"
            + " weights 1..4 so that ties occur")
        .check(lawAgainstEnumeration(BestOfN::law))
        .mutant("ties broken toward the highest index", lawAgainstEnumeration((p, n) -> {
          double[] reversed = reverse(p);
          return reverse(BestOfN.law(reversed, n));
        }))
        .verify();
  }

  @Test
  void bestOfNFrequenciesAgreeWithTheExactLaw() {
    StatisticalProperty property =
        StatisticalProperty.of("SHP-01", "monte-carlo-matches-exact-law");
    double a = property.alpha();
    property.rule("Pearson chi-square of the BoN counts of " + DRAWS + " draws (N = " + T1_N
            + ", p = " + Arrays.toString(T1_BASE) + ", docs/theory.md §9.12) against the exact law,"
            + " cells pooled to expected >= 5; reject iff p-value < a = " + a
            + " (false alarm a, chi-square approximation)")
        .experiment(seed -> frequencies(seed, a, T1_N))
        .mutant("best-of-(N-1): one draw too few", seed -> frequencies(seed, a, T1_N - 1))
        .verify();
  }

  @Test
  void propC1SampleSizeSucceedsWithProbabilityOneMinusRho() {
    ExactProperty.of("SHP-02", "prop-c1-sufficient-n")
        .over(new ParameterSpace().logReal("pStar", 1e-3, 0.9).logReal("rho", 1e-6, 0.5))
        .tries(TRIES)
        .rule("with N = ceil(ln(1/rho)/p*): exact BoN law P(BoN != y*) (the sum of the law off y*, within 1e-9 relative of (1-p*)^N) <= rho (1 + 1e-12), and N"
            + " >= the exact minimum n0 (checked minimal: (1-p*)^n0 <= rho < (1-p*)^(n0-1))")
        .check(propC1(1.0))
        .mutant("half the sample size, ln(1/rho)/(2 p*)", propC1(0.5))
        .verify();
  }

  @Test
  void greedyDecodingReturnsTheArgmaxAboveOneHalfAndTheThresholdIsTight() {
    ExactProperty.of("SHP-03", "greedy-above-one-half")
        .over(new ParameterSpace().integer("k", 2, 3).integer("H", 1, 4).real("peak", 0, 6)
            .integer("shape", 0, 3).real("t", 0.45, 0.5))
        .tries(TRIES)
        .rule("shape 1-3 (random tables, logits peak * N(0,1)): pi(y*) > 1/2 implies greedy ="
            + " y*; shape 0 (counterexample, pi(a) = t in [0.45, 0.5]): greedy != y* = aa, a"
            + " witness that the threshold is tight")
        .check(greedy(Sharpening.GREEDY_THRESHOLD))
        .mutant("the threshold lowered to 0.45", greedy(0.45))
        .verify();
  }

  @Test
  void rlhfClosedFormBeatsDirectOptimisationKeepsTheSupportAndAttainsItsValue() {
    ExactProperty.of("SHP-06", "closed-form-is-optimal")
        .over(rlhfSpace())
        .tries(TRIES)
        .rule("J(pi*) >= J(mirror ascent, 400 steps) - 1e-12 (1 + |J|), >= J of 20 random"
            + " perturbations, |J(pi*) - beta log sum p^(1+1/beta)| <= 1e-12 (1 + |J|), and"
            + " pi*(y) = 0 iff p(y) = 0")
        .check(rlhfOptimal(RlhfSharpening::optimum))
        .mutant("exponent 1/beta instead of 1 + 1/beta",
            rlhfOptimal((p, beta) -> powerLaw(p, 1 / beta)))
        .verify();
  }

  @Test
  void rlhfOptimumConcentratesOnTheArgmaxAsBetaShrinks() {
    ExactProperty.of("SHP-06", "tends-to-argmax")
        .over(rlhfSpace())
        .tries(TRIES)
        .rule("pi*_{beta/2}(y*) >= pi*_beta(y*) (1 - 1e-14) and pi*_beta(y*) >= 1 - sum_{y !="
            + " y*} (p_y/p*)^(1+1/beta) - 1e-14")
        .check(rlhfLimit(RlhfSharpening::optimum))
        .mutant("exponent 1 + beta (temperature misread)",
            rlhfLimit((p, beta) -> powerLaw(p, 1 + beta)))
        .verify();
  }

  @Test
  void dpoRegressionOnPairsRecoversTheClosedFormOptimum() {
    ExactProperty.of("SHP-06", "dpo-regression-recovers-optimum")
        .over(rlhfSpace().integer("pairs", 0, 30))
        .tries(TRIES)
        .rule("the squared-loss regression of Eq. (8) in the tabular class: on population pairs"
            + " (pairs = 0, weights p(y) p(y')) max_y |pi_hat(y) - pi*_beta(y)| <= 1e-10 pi*_beta(y)"
            + " and pi_hat(y) = 0 iff p(y) = 0; on n = pairs sampled pairs, within every"
            + " connected component of the observed pairs |log(pi_hat(y)/pi_hat(y')) -"
            + " (1+1/beta) log(p(y)/p(y'))| <= 1e-9 (docs/theory.md §9.8) and the loss at pi_hat <="
            + " 1e-18 n")
        .check(dpoRecovers(DpoSharpening::fit))
        .mutant("the log-ratio terms without their beta factor (the regression run at beta = 1)",
            dpoRecovers((p, pairs, beta) -> DpoSharpening.fit(p, pairs, 1.0)))
        .verify();
  }

  @Test
  void theArgmaxIsAccessibleAtBudgetBOnAllButCcovOverBOfThePrompts() {
    ExactProperty.of("SHP-08", "coverage-at-budget")
        .over(new ParameterSpace().integer("prompts", 1, 20).logReal("B", 2, 1000)
            .integer("tight", 0, 1))
        .tries(TRIES)
        .rule("P_x[pi_base(y*|x) < 1/B] <= C_cov/B (1 + 1e-12) on random prompt laws; tight = 1"
            + " puts each argmax mass at 0.999/B or at 1")
        .check(coverage(1.0))
        .mutant("the bound halved, C_cov/(2B)", coverage(0.5))
        .verify();
  }

  // ---- SHP-01

  private static Check lawAgainstEnumeration(BiFunction<double[], Integer, double[]> lawUnderTest) {
    return (params, seed) -> {
      SplittableRandom rng = Seeds.stream(seed, 1);
      int k = params.integer("K");
      int n = params.integer("N");
      double[] p = integerWeights(k, params.integer("zeros"), rng);
      double[] enumerated = new double[k];
      int tuples = (int) Math.pow(k, n);
      int[] draws = new int[n];
      for (int code = 0; code < tuples; code++) {
        double prob = 1;
        for (int j = 0, c = code; j < n; j++, c /= k) {
          draws[j] = c % k;
          prob *= p[draws[j]];
        }
        if (prob > 0) {
          enumerated[BestOfN.select(p, draws)] += prob;
        }
      }
      double[] law = lawUnderTest.apply(p, n);
      double err = 0;
      for (int y = 0; y < k; y++) {
        err = Math.max(err, Math.abs(law[y] - enumerated[y]));
      }
      return Observation.atMost(err, 1e-13, "p=" + Arrays.toString(p) + " N=" + n + " law="
          + Arrays.toString(law) + " enumerated=" + Arrays.toString(enumerated));
    };
  }

  /** Weights drawn from 1..4 (so ties are common), {@code zeros} of them set to 0, normalised. */
  private static double[] integerWeights(int k, int zeros, SplittableRandom rng) {
    double[] w = new double[k];
    double sum = 0;
    for (int y = 0; y < k; y++) {
      w[y] = y < Math.min(zeros, k - 1) ? 0 : 1 + rng.nextInt(4);
      sum += w[y];
    }
    for (int y = 0; y < k; y++) {
      w[y] /= sum;
    }
    return w;
  }

  private static double[] reverse(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = v[v.length - 1 - i];
    }
    return r;
  }

  private static StatisticalProperty.Decision frequencies(long seed, double a, int n) {
    long[] counts = new long[T1_BASE.length];
    SplittableRandom rng = Seeds.stream(seed, 0);
    for (int m = 0; m < DRAWS; m++) {
      counts[BestOfN.sample(T1_BASE, n, rng)]++;
    }
    GoodnessOfFit fit = GoodnessOfFit.chiSquare(counts, BestOfN.law(T1_BASE, T1_N));
    return new StatisticalProperty.Decision(fit.pValue() < a, fit.pValue(), Comparison.AT_LEAST,
        a,
        "counts=" + Arrays.toString(counts) + " exact=" + Arrays.toString(
            BestOfN.law(T1_BASE, T1_N)) + " X2=" + fit.statistic() + " df="
            + fit.degreesOfFreedom() + " p-value=" + fit.pValue());
  }

  // ---- SHP-08

  private static Check coverage(double scale) {
    return (params, seed) -> {
      SplittableRandom rng = Seeds.stream(seed, 1);
      int prompts = params.integer("prompts");
      double budget = params.real("B");
      double[] mu = new double[prompts];
      double[][] base = new double[prompts][];
      double total = 0;
      for (int x = 0; x < prompts; x++) {
        mu[x] = 1 + rng.nextDouble();
        total += mu[x];
        double pStar = params.integer("tight") == 1
            ? (rng.nextBoolean() ? 0.999 / budget : 1.0)
            : Math.exp(Math.log(1 / (4 * budget)) * rng.nextDouble());
        base[x] = uniqueArgmaxLaw(Math.min(pStar, 1.0));
      }
      for (int x = 0; x < prompts; x++) {
        mu[x] /= total;
      }
      double below = CoverageCoefficient.massBelowBudget(base, mu, budget);
      double cov = CoverageCoefficient.of(base, mu);
      double bound = scale * Sharpening.coverageAtBudgetBound(cov, budget);
      return Observation.atMost(below, bound * (1 + 1e-12),
          "prompts=" + prompts + " B=" + budget + " C_cov=" + cov + " mass below 1/B=" + below);
    };
  }

  // ---- SHP-02

  private static Check propC1(double sampleSizeFactor) {
    return (params, seed) -> {
      double pStar = params.real("pStar");
      double rho = params.real("rho");
      int n = (int) Math.ceil(sampleSizeFactor * Math.log(1 / rho) / pStar);
      double[] base = uniqueArgmaxLaw(pStar);
      double[] law = BestOfN.law(base, n);
      double failure = 0;
      for (int y = 1; y < law.length; y++) {
        failure += law[y];
      }
      double exactFailure = Math.exp(n * Math.log1p(-pStar));
      int n0 = Sharpening.exactMinimumN(pStar, rho);
      boolean minimal = Math.exp(n0 * Math.log1p(-pStar)) <= rho
          && (n0 == 1 || Math.exp((n0 - 1) * Math.log1p(-pStar)) > rho);
      boolean holds = failure <= rho * (1 + 1e-12) + 1e-15 && n >= n0 && minimal
          && Math.abs(failure - exactFailure) <= 1e-9 * exactFailure;
      double severity = failure / rho;
      return new Observation(holds, failure, Comparison.AT_MOST, rho, holds ? severity : Double.POSITIVE_INFINITY,
          "N=" + n + " exact minimum=" + n0 + " (minimal " + minimal + ") P(BoN != y*)="
              + failure + " (1-p*)^N=" + exactFailure + " Prop C.1 N=" + Sharpening
                  .propC1SufficientN(pStar, rho));
    };
  }

  /** y* = 0 with mass p*, the rest split equally over enough responses that y* is unique. */
  private static double[] uniqueArgmaxLaw(double pStar) {
    int others = (int) Math.ceil((1 - pStar) / pStar) + 1;
    double[] base = new double[others + 1];
    base[0] = pStar;
    Arrays.fill(base, 1, base.length, (1 - pStar) / others);
    return base;
  }

  // ---- SHP-03

  private static Check greedy(double threshold) {
    return (params, seed) -> {
      SplittableRandom rng = Seeds.stream(seed, 1);
      boolean counterexample = params.integer("shape") == 0;
      TabularAutoregressivePolicy policy = counterexample
          ? counterexample(params.real("t"))
          : randomPolicy(params.integer("k"), params.integer("H"), params.real("peak"), rng);
      double[] law = policy.sequenceLaw();
      int argmax = Laws.argmax(law);
      int greedy = policy.greedy();
      double top = law[argmax];
      String detail = (counterexample ? "counterexample t=" + params.real("t") : "random")
          + " pi(y*)=" + top + " y*=" + argmax + " greedy=" + greedy;
      boolean holds = !(top > threshold) || greedy == argmax;
      if (counterexample) {
        holds &= greedy != argmax;
      }
      return new Observation(holds, top, Comparison.RULE, threshold,
          holds ? (greedy == argmax ? 0 : top / threshold) : Double.POSITIVE_INFINITY, detail);
    };
  }

  /** k = H = 2: pi(a) = t, pi(.|a) = delta_a, pi(.|b) uniform (docs/theory.md §9.12, I2). */
  private static TabularAutoregressivePolicy counterexample(double t) {
    return new TabularAutoregressivePolicy(2, new double[][][] {
        {{t, 1 - t}},
        {{1, 0}, {0.5, 0.5}}});
  }

  private static TabularAutoregressivePolicy randomPolicy(
      int k, int length, double peak, SplittableRandom rng) {
    double[][][] tables = new double[length][][];
    int width = 1;
    for (int h = 0; h < length; h++) {
      tables[h] = new double[width][];
      for (int c = 0; c < width; c++) {
        double[] logits = new double[k];
        for (int v = 0; v < k; v++) {
          logits[v] = peak * rng.nextGaussian();
        }
        tables[h][c] = softmax(logits);
      }
      width *= k;
    }
    return new TabularAutoregressivePolicy(k, tables);
  }

  private static double[] softmax(double[] logits) {
    double max = Arrays.stream(logits).max().orElseThrow();
    double[] p = new double[logits.length];
    double sum = 0;
    for (int v = 0; v < p.length; v++) {
      p[v] = Math.exp(logits[v] - max);
      sum += p[v];
    }
    for (int v = 0; v < p.length; v++) {
      p[v] /= sum;
    }
    return p;
  }

  // ---- SHP-06

  private static ParameterSpace rlhfSpace() {
    return new ParameterSpace().integer("K", 2, 8).logReal("beta", 0.05, 5)
        .integer("zeros", 0, 2);
  }

  /** A random law, masses e^(3u) normalised, with up to {@code zeros} responses of mass 0. */
  private static double[] randomLaw(Params params, SplittableRandom rng) {
    int k = params.integer("K");
    int zeros = Math.min(params.integer("zeros"), k - 2);
    double[] p = new double[k + Math.max(zeros, 0)];
    double sum = 0;
    for (int y = 0; y < k; y++) {
      p[y] = Math.exp(3 * rng.nextDouble());
      sum += p[y];
    }
    for (int y = 0; y < k; y++) {
      p[y] /= sum;
    }
    return p;
  }

  private static double[] powerLaw(double[] p, double exponent) {
    double[] logits = new double[p.length];
    for (int y = 0; y < p.length; y++) {
      logits[y] = p[y] == 0 ? Double.NEGATIVE_INFINITY : exponent * Math.log(p[y]);
    }
    return softmax(logits);
  }

  private static Check rlhfOptimal(BiFunction<double[], Double, double[]> optimumUnderTest) {
    return (params, seed) -> {
      SplittableRandom rng = Seeds.stream(seed, 1);
      double[] p = randomLaw(params, rng);
      double beta = params.real("beta");
      double[] pi = optimumUnderTest.apply(p, beta);
      double value = RlhfSharpening.objective(pi, p, beta);
      double tol = 1e-12 * (1 + Math.abs(value));
      double best = RlhfSharpening.objective(mirrorAscent(p, beta), p, beta);
      for (int r = 0; r < 20; r++) {
        best = Math.max(best, RlhfSharpening.objective(perturb(pi, p, rng), p, beta));
      }
      double formulaGap = Math.abs(value - RlhfSharpening.optimalValue(p, beta));
      boolean support = true;
      for (int y = 0; y < p.length; y++) {
        support &= (pi[y] == 0) == (p[y] == 0);
      }
      double shortfall = Math.max(best - value, formulaGap);
      boolean holds = support && shortfall <= tol;
      return new Observation(holds, shortfall, Comparison.AT_MOST, tol,
          holds ? shortfall / tol : Double.POSITIVE_INFINITY,
          "p=" + Arrays.toString(p) + " beta=" + beta + " J(pi)=" + value + " best other="
              + best + " formula gap=" + formulaGap + " support kept=" + support);
    };
  }

  /**
   * Exponentiated-gradient ascent on the simplex restricted to supp p, from uniform: pi_y <-
   * pi_y exp(eta dJ/dpi_y) / Z with dJ/dpi_y = log p_y - beta (log(pi_y / p_y) + 1) and eta =
   * 0.2 / beta (a contraction of factor 0.8 in log space).
   */
  private static double[] mirrorAscent(double[] p, double beta) {
    double eta = 0.2 / beta;
    double[] logPi = new double[p.length];
    for (int y = 0; y < p.length; y++) {
      logPi[y] = p[y] == 0 ? Double.NEGATIVE_INFINITY : 0;
    }
    for (int step = 0; step < 400; step++) {
      for (int y = 0; y < p.length; y++) {
        if (p[y] > 0) {
          double logP = Math.log(p[y]);
          logPi[y] += eta * (logP - beta * (logPi[y] - logP));
        }
      }
      double[] pi = softmax(logPi);
      for (int y = 0; y < p.length; y++) {
        logPi[y] = p[y] == 0 ? Double.NEGATIVE_INFINITY : Math.log(pi[y]);
      }
    }
    return softmax(logPi);
  }

  /** (1 - s) pi + s q for q random on supp p and s log-uniform in [1e-6, 1]. */
  private static double[] perturb(double[] pi, double[] p, SplittableRandom rng) {
    double s = Math.exp(Math.log(1e-6) * rng.nextDouble());
    double[] q = new double[p.length];
    double sum = 0;
    for (int y = 0; y < p.length; y++) {
      q[y] = p[y] == 0 ? 0 : -Math.log(1 - rng.nextDouble());
      sum += q[y];
    }
    double[] out = new double[p.length];
    for (int y = 0; y < p.length; y++) {
      out[y] = (1 - s) * pi[y] + s * q[y] / sum;
    }
    double total = Arrays.stream(out).sum();
    for (int y = 0; y < p.length; y++) {
      out[y] /= total;
    }
    return out;
  }

  /** A tabular DPO fit under test: base law, pair weights, beta. */
  @FunctionalInterface
  private interface DpoFit {
    double[] fit(double[] base, double[][] pairs, double beta);
  }

  private static Check dpoRecovers(DpoFit fitUnderTest) {
    return (params, seed) -> {
      SplittableRandom rng = Seeds.stream(seed, 1);
      double[] p = randomLaw(params, rng);
      double beta = params.real("beta");
      int n = params.integer("pairs");
      double[][] pairs = n == 0
          ? DpoSharpening.populationPairs(p) : DpoSharpening.samplePairs(p, n, rng);
      double[] fitted = fitUnderTest.fit(p, pairs, beta);
      double error = n == 0 ? populationError(fitted, p, beta) : componentError(fitted, p, pairs,
          beta);
      double tol = n == 0 ? 1e-10 : 1e-9;
      double loss = n == 0 ? 0 : DpoSharpening.loss(fitted, p, pairs, beta);
      boolean holds = error <= tol && loss <= 1e-18 * n;
      return new Observation(holds, error, Comparison.AT_MOST, tol, holds ? error / tol : Double.POSITIVE_INFINITY,
          "p=" + Arrays.toString(p) + " beta=" + beta + " pairs=" + (n == 0 ? "population" : n)
              + " pi_hat=" + Arrays.toString(fitted) + " pi*_beta=" + Arrays.toString(
                  RlhfSharpening.optimum(p, beta)) + " loss=" + loss);
    };
  }

  /** max_y |pi_hat(y) - pi*(y)| / pi*(y) over supp p; infinite if the support differs. */
  private static double populationError(double[] fitted, double[] p, double beta) {
    double[] optimum = RlhfSharpening.optimum(p, beta);
    double error = 0;
    for (int y = 0; y < p.length; y++) {
      if ((fitted[y] == 0) != (p[y] == 0)) {
        return Double.POSITIVE_INFINITY;
      }
      if (p[y] > 0) {
        error = Math.max(error, Math.abs(fitted[y] - optimum[y]) / optimum[y]);
      }
    }
    return error;
  }

  /**
   * max over pairs (y, y') joined by a path of observed pairs of |log(pi_hat(y)/pi_hat(y')) -
   * (1 + 1/beta) log(p(y)/p(y'))|; the components are found here by a union of observed pairs.
   */
  private static double componentError(double[] fitted, double[] p, double[][] pairs,
      double beta) {
    int k = p.length;
    int[] label = new int[k];
    for (int y = 0; y < k; y++) {
      label[y] = y;
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int y = 0; y < k; y++) {
        for (int z = 0; z < k; z++) {
          if ((pairs[y][z] > 0 || pairs[z][y] > 0) && label[z] != label[y]) {
            int low = Math.min(label[y], label[z]);
            changed |= label[y] != low || label[z] != low;
            label[y] = low;
            label[z] = low;
          }
        }
      }
    }
    double error = 0;
    for (int y = 0; y < k; y++) {
      for (int z = 0; z < k; z++) {
        if (y != z && label[y] == label[z] && p[y] > 0 && p[z] > 0) {
          double tilt = Math.log(fitted[y] / fitted[z]) - (1 + 1 / beta) * Math.log(p[y] / p[z]);
          error = Math.max(error, Math.abs(tilt));
        }
      }
    }
    return error;
  }

  private static Check rlhfLimit(BiFunction<double[], Double, double[]> optimumUnderTest) {
    return (params, seed) -> {
      SplittableRandom rng = Seeds.stream(seed, 1);
      double[] p = randomLaw(params, rng);
      double beta = params.real("beta");
      int argmax = Laws.argmax(p);
      double at = optimumUnderTest.apply(p, beta)[argmax];
      double atHalf = optimumUnderTest.apply(p, beta / 2)[argmax];
      double lower = Sharpening.rlhfArgmaxMassLowerBound(p, argmax, beta);
      double shortfall = Math.max(at * (1 - 1e-14) - atHalf, lower - 1e-14 - at);
      boolean holds = shortfall <= 0;
      return new Observation(holds, shortfall, Comparison.AT_MOST, 0, holds ? 0 : Double.POSITIVE_INFINITY,
          "p=" + Arrays.toString(p) + " beta=" + beta + " pi*_beta(y*)=" + at
              + " pi*_{beta/2}(y*)=" + atHalf + " lower bound=" + lower);
    };
  }
}
