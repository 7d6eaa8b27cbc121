package org.pgbarrier.properties;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.Sharpening;
import org.pgbarrier.properties.engine.StatisticalProperty;
import org.pgbarrier.properties.stats.BinomialTail;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.sharpen.BestOfN;
import org.pgbarrier.sharpen.SftSharpening;

/**
 * SHP-04, Thm 4.1 of arXiv 2412.01951 with the explicit constants of {@link
 * Sharpening#sftFailureBound}. Instance: {@value #CONTEXTS} prompts, uniform mu, prompt {@code x}
 * with a unique argmax of mass {@code p*(x) = 0.01 * 50^((x + 1/2)/20)} (a log-uniform grid on
 * [0.01, 0.5]) and the rest split equally over {@code ceil((1-p*)/p*) + 1} responses. The finite
 * class is the product over prompts of three candidates, {@code pi^BoN_N} (realizability,
 * Assumption 4.1), {@code pi_base} and {@code pi^BoN_ceil(N/4)}, so {@code ln|Pi| = 20 ln 3}.
 * Regime, fixed from the bound before running: {@code N* = 50}, {@code delta = 0.2} (so {@code N
 * = 116}), {@code rho = 0.05}, {@code n = 20000}: C_cov = 25.0, the bound is 0.65, the population failure
 * fraction 0.10 (the two prompts with {@code 1 - (1-p*)^116 <= 0.8}), and plain SFT on base
 * samples fails on every prompt.
 */
class SftSharpeningProperties {
  private static final int CONTEXTS = 20;
  private static final double N_STAR = 50;
  private static final double DELTA = 0.2;
  private static final double RHO = 0.05;
  private static final int PROMPTS = 20_000;
  private static final int REPLICATES = 10;

  @Test
  void sftSharpeningMeetsTheoremFourOneWithProbabilityOneMinusRho() {
    StatisticalProperty property = StatisticalProperty.of("SHP-04", "violations-at-most-rho");
    double a = property.alpha();
    int n = Sharpening.sftResponsesPerPrompt(N_STAR, DELTA);
    property.rule(REPLICATES + " independent runs of SFT-sharpening (n = " + PROMPTS + ", N = "
            + n + "); V = #runs with P_x[pi_hat(y*|x) <= 1 - delta] above the bound; the theorem"
            + " gives V ~ Bin(" + REPLICATES + ", <= rho = " + RHO + "): reject iff P[Bin("
            + REPLICATES + ", rho) >= V] < a = " + a + " (exact; false alarm <= a)")
        .experiment(seed -> decide(seed, a, n))
        .mutant("plain SFT on base samples (N = 1, no best-of-N)", seed -> decide(seed, a, 1))
        .verify();
  }

  private static StatisticalProperty.Decision decide(long seed, double a, int labelN) {
    int n = Sharpening.sftResponsesPerPrompt(N_STAR, DELTA);
    double[][] base = new double[CONTEXTS][];
    double[][][] choices = new double[CONTEXTS][][];
    double coverage = 0;
    for (int x = 0; x < CONTEXTS; x++) {
      double pStar = 0.01 * Math.pow(50, (x + 0.5) / CONTEXTS);
      int others = (int) Math.ceil((1 - pStar) / pStar) + 1;
      base[x] = new double[others + 1];
      base[x][0] = pStar;
      Arrays.fill(base[x], 1, others + 1, (1 - pStar) / others);
      choices[x] = new double[][] {
          BestOfN.law(base[x], n), base[x], BestOfN.law(base[x], (n + 3) / 4)};
      coverage += 1 / pStar / CONTEXTS;
    }
    double bound = Sharpening.sftFailureBound(
        coverage, N_STAR, CONTEXTS * Math.log(3), RHO, DELTA, PROMPTS);
    double[] failure = new double[REPLICATES];
    IntStream.range(0, REPLICATES).parallel().forEach(r -> {
      SplittableRandom rng = Seeds.stream(seed, r);
      int[] contexts = rng.ints(PROMPTS, 0, CONTEXTS).toArray();
      int[] labels = SftSharpening.labels(base, contexts, labelN, rng);
      int[] chosen = SftSharpening.fitProduct(choices, contexts, labels);
      int failed = 0;
      for (int x = 0; x < CONTEXTS; x++) {
        failed += choices[x][chosen[x]][0] <= 1 - DELTA ? 1 : 0;
      }
      failure[r] = (double) failed / CONTEXTS;
    });
    int violations = (int) Arrays.stream(failure).filter(f -> f > bound).count();
    double tail = BinomialTail.upper(REPLICATES, RHO, violations);
    return new StatisticalProperty.Decision(tail < a, tail, a,
        "labels best-of-" + labelN + ": failure fractions " + Arrays.toString(failure)
            + " against bound " + bound + " (C_cov = " + coverage + "); violations "
            + violations + "/" + REPLICATES + ", P[Bin >= V] = " + tail);
  }
}
