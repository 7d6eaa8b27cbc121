package org.pgbarrier.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The paper's Likelihood Quantile {@code Q_q(eps) = sup{a : P(q <= a) <= eps}} (docs/theory.md
 * §3.2-§3.4), its sample estimator {@code v_(floor(eps n) + 1)}, the token-level LQ and the
 * coverage profile, each against an independent path (a counting rule, a brute-force {@link
 * BigDecimal} sup, hand-computed order statistics). Every check has a mutant twin (the lower
 * quantile, the authors' index, a floating-point floor, the mean over positions, a non-strict
 * profile) that the same assertion rejects. All exact: no false alarms.
 */
class PaperLikelihoodQuantileTest {
  private static final long SEED = 0x1A_2026_1205L;

  /** An estimator of a sample of log values at a decimal eps. */
  private interface Estimator extends BiFunction<double[], BigDecimal, Double> {}

  private static final Estimator PAPER = LikelihoodQuantile::sampleLogAt;

  /** Mutant: the lower quantile of the sample, the smallest v_(m) with m/n >= eps. */
  private static final Estimator LOWER = (v, eps) -> {
    double[] s = v.clone();
    Arrays.sort(s);
    int m = eps.multiply(BigDecimal.valueOf(v.length)).setScale(0, java.math.RoundingMode.CEILING)
        .intValueExact();
    return s[Math.max(m, 1) - 1];
  };

  /** Mutant: the authors' plotting index floor(eps (n - 1)). */
  private static final Estimator AUTHORS = LikelihoodQuantile::authorsSampleLogAt;

  /** Mutant: floor(eps n) computed on the double eps. */
  private static final Estimator DOUBLE_FLOOR = (v, eps) -> {
    int r = (int) Math.floor(eps.doubleValue() * v.length);
    return LikelihoodQuantile.sampleLogAtCount(v, r);
  };

  // ------------------------------------------------------------------ the Galois property

  /** The number of violations of Qhat(eps) >= a <=> #{v < a} <= eps n on random samples. */
  private static int galoisViolations(Estimator estimator) {
    SplittableRandom rng = new SplittableRandom(SEED);
    int violations = 0;
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(12);
      double[] v = new double[n];
      for (int j = 0; j < n; j++) {
        // Few distinct values, so ties are common; some zero likelihoods.
        int level = rng.nextInt(6);
        v[j] = level == 0 ? Double.NEGATIVE_INFINITY : -level * 0.5;
      }
      BigDecimal eps = BigDecimal.valueOf(rng.nextInt(101), 2); // 0.00 .. 1.00
      if (rng.nextInt(4) == 0) {
        eps = BigDecimal.valueOf(rng.nextInt(n + 1)).divide(BigDecimal.valueOf(n),
            20, java.math.RoundingMode.HALF_EVEN); // near a level m/n
        eps = eps.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : eps;
      }
      double q = estimator.apply(v, eps);
      for (int level = 0; level <= 6; level++) {
        for (double a : new double[] {-level * 0.5, -level * 0.5 - 0.25}) {
          long below = Arrays.stream(v).filter(x -> x < a).count();
          boolean counted =
              BigDecimal.valueOf(below).compareTo(eps.multiply(BigDecimal.valueOf(n))) <= 0;
          if ((q >= a) != counted) {
            violations++;
          }
        }
      }
    }
    return violations;
  }

  @Test
  void theEstimatorIsAtLeastAExactlyWhenAtMostEpsNValuesLieBelowA() {
    assertThat(galoisViolations(PAPER)).isZero();
  }

  @Test
  void mutantTwinTheLowerQuantileBreaksTheGaloisProperty() {
    assertThat(galoisViolations(LOWER)).isPositive();
    assertThat(galoisViolations(AUTHORS)).isPositive();
  }

  // ------------------------------------------------------------------ worked examples

  /** Ten distinct values, the j-th smallest is log(j / 16). */
  private static double[] tenValues() {
    double[] v = new double[10];
    int[] order = {7, 2, 9, 0, 5, 3, 8, 1, 6, 4};
    for (int j = 0; j < 10; j++) {
      v[j] = Math.log((order[j] + 1) / 16.0);
    }
    return v;
  }

  private static double smallest(int oneBased) {
    return Math.log(oneBased / 16.0);
  }

  @Test
  void readerAsWorkedExampleTenProblemsAtTwentyPercentIsTheThirdSmallest() {
    assertThat(PAPER.apply(tenValues(), new BigDecimal("0.2"))).isEqualTo(smallest(3));
    assertThat(LikelihoodQuantile.sampleLogAt(tenValues(), 0.2)).isEqualTo(smallest(3));
    LikelihoodQuantile q =
        LikelihoodQuantile.of(TargetLikelihoods.fromTokenLogLikelihoods(column(tenValues())));
    assertThat(q.logAt(0.2)).isEqualTo(smallest(3));
  }

  @Test
  void mutantTwinTheAuthorsIndexAndTheLowerQuantileGiveTheSecondSmallest() {
    assertThat(AUTHORS.apply(tenValues(), new BigDecimal("0.2"))).isNotEqualTo(smallest(3))
        .isEqualTo(smallest(2));
    assertThat(LOWER.apply(tenValues(), new BigDecimal("0.2"))).isNotEqualTo(smallest(3));
    LikelihoodQuantile q =
        LikelihoodQuantile.of(TargetLikelihoods.fromTokenLogLikelihoods(column(tenValues())));
    assertThat(q.lowerLogAt(0.2)).isNotEqualTo(smallest(3));
  }

  @Test
  void theFloorIsExactPointThreeOfTenIsTheFourthSmallest() {
    // Why the guard is needed: the double 0.3 is below 3/10, so floor(0.3 n) of its exact
    // binary value is 2 (the double product happens to round up to 3.0 here, not for 0.29 * 100).
    assertThat(new BigDecimal(0.3).multiply(BigDecimal.TEN)).isLessThan(new BigDecimal(3));
    assertThat(LikelihoodQuantile.decimal(0.3)).isEqualTo(new BigDecimal("0.3"));
    assertThat(LikelihoodQuantile.estimatorCount(LikelihoodQuantile.decimal(0.3), 10))
        .isEqualTo(3);
    assertThat(LikelihoodQuantile.sampleLogAt(tenValues(), 0.3)).isEqualTo(smallest(4));
    assertThat(PAPER.apply(tenValues(), new BigDecimal("0.3"))).isEqualTo(smallest(4));
    LikelihoodQuantile q =
        LikelihoodQuantile.of(TargetLikelihoods.fromTokenLogLikelihoods(column(tenValues())));
    assertThat(q.logAt(0.3)).isEqualTo(smallest(4));
    assertThat(LikelihoodQuantile.sampleLogAtCount(tenValues(), 3)).isEqualTo(smallest(4));
  }

  @Test
  void mutantTwinTheBinaryValueOfTheDoubleGivesTheThirdSmallest() {
    // new BigDecimal(0.3) is the exact binary value 0.29999999999999998889...
    assertThat(PAPER.apply(tenValues(), new BigDecimal(0.3))).isNotEqualTo(smallest(4));
  }

  @Test
  void theFloorIsExactWhereTheDoubleProductFallsBelowAnInteger() {
    double[] hundred = new double[100];
    for (int j = 0; j < 100; j++) {
      hundred[j] = -j; // the m-th smallest is -(100 - m)
    }
    assertThat(0.29 * 100).isLessThan(29.0);
    assertThat(LikelihoodQuantile.sampleLogAt(hundred, 0.29)).isEqualTo(-(100 - 30));
    // Mutant twin: floor of the double product reads the 29th smallest.
    assertThat(DOUBLE_FLOOR.apply(hundred, LikelihoodQuantile.decimal(0.29)))
        .isNotEqualTo(-(100 - 30));
  }

  @Test
  void atEpsOneOrACountOfNTheQuantileIsOne() {
    assertThat(LikelihoodQuantile.sampleLogAt(tenValues(), 1.0)).isEqualTo(0.0);
    assertThat(LikelihoodQuantile.sampleLogAt(tenValues(), 0.99)).isEqualTo(smallest(10));
    assertThat(LikelihoodQuantile.sampleLogAtCount(tenValues(), 10)).isEqualTo(0.0);
    assertThat(LikelihoodQuantile.sampleLogAt(tenValues(), 0.0)).isEqualTo(smallest(1));
    assertThat(LikelihoodQuantile.authorsIndex(new BigDecimal("0.2"), 10)).isEqualTo(1);
    assertThat(LikelihoodQuantile.authorsIndex(BigDecimal.ONE, 10)).isEqualTo(9);
  }

  @Test
  void badEpsAndCountsAreRefusedByName() {
    assertThatThrownBy(() -> LikelihoodQuantile.sampleLogAt(tenValues(), 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eps = 1.5");
    assertThatThrownBy(() -> LikelihoodQuantile.decimal(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eps = NaN");
    assertThatThrownBy(() -> LikelihoodQuantile.sampleLogAtCount(tenValues(), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count = -1");
    assertThatThrownBy(() -> LikelihoodQuantile.sampleLogAt(new double[] {0.5}, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logValues[0] = 0.5");
  }

  // ------------------------------------------------------------------ uniform policy, token LQ

  @Test
  void theUniformPolicyHasLqKToTheMinusNAndTokenLqOneOverK() {
    for (int k = 2; k <= 9; k += 7) {
      for (int n = 1; n <= 30; n += 29) {
        double[][] rows = new double[5][n];
        for (double[] row : rows) {
          Arrays.fill(row, -Math.log(k));
        }
        TargetLikelihoods t = TargetLikelihoods.fromTokenLogLikelihoods(rows);
        LikelihoodQuantile seq = LikelihoodQuantile.of(t);
        LikelihoodQuantile tok = LikelihoodQuantile.of(t, LikelihoodStatistic.TOKEN_MIN);
        for (double eps : new double[] {0, 0.1, 0.5, 0.99}) {
          assertThat(seq.logAt(eps)).isCloseTo(-n * Math.log(k), within(1e-12 * n * Math.log(k)));
          assertThat(tok.logAt(eps)).isEqualTo(-Math.log(k));
        }
        assertThat(seq.logAt(1.0)).isZero();
      }
    }
  }

  /** Two contexts, token likelihoods (1, 1/1000) and (1/2, 1/2): min 1/1000 and 1/2. */
  private static TargetLikelihoods minAndMeanDiffer() {
    return TargetLikelihoods.fromTokenLogLikelihoods(new double[][] {
      {0.0, Math.log(1e-3)}, {Math.log(0.5), Math.log(0.5)}});
  }

  @Test
  void theTokenLevelLqIsTheQuantileOfTheMinimumAlongTheCorrectPrefix() {
    // Hand-computed: minima 1e-3, 0.5; floor(0.25 * 2) + 1 = 1st smallest.
    LikelihoodQuantile q = LikelihoodQuantile.of(minAndMeanDiffer(), LikelihoodStatistic.TOKEN_MIN);
    assertThat(q.logAt(0.25)).isEqualTo(Math.log(1e-3));
    assertThat(q.logAt(0.5)).isEqualTo(Math.log(0.5));
  }

  @Test
  void mutantTwinTheMeanOverPositionsIsRejected() {
    // The mean of (1, 1e-3) is 0.5005, not the minimum 1e-3.
    LikelihoodQuantile q =
        LikelihoodQuantile.of(minAndMeanDiffer(), LikelihoodStatistic.TOKEN_MEAN);
    assertThat(q.logAt(0.25)).isNotEqualTo(Math.log(1e-3));
  }

  @Test
  void theTokenLevelLqIsAtLeastTheSequenceLq() {
    SplittableRandom rng = new SplittableRandom(SEED + 1);
    for (int trial = 0; trial < 200; trial++) {
      int contexts = 1 + rng.nextInt(8);
      int n = 1 + rng.nextInt(5);
      double[][] rows = new double[contexts][n];
      double[] weights = new double[contexts];
      for (int c = 0; c < contexts; c++) {
        weights[c] = rng.nextInt(4) / 4.0 + (c == 0 ? 0.25 : 0);
        for (int i = 0; i < n; i++) {
          rows[c][i] = Math.log(rng.nextDouble(1e-6, 1));
        }
      }
      TargetLikelihoods t = TargetLikelihoods.fromTokenLogLikelihoods(rows, weights);
      LikelihoodQuantile seq = LikelihoodQuantile.of(t);
      LikelihoodQuantile tok = LikelihoodQuantile.of(t, LikelihoodStatistic.TOKEN_MIN);
      for (int e = 0; e <= 20; e++) {
        double eps = e / 20.0;
        assertThat(tok.logAt(eps)).as("trial %d eps %s", trial, eps)
            .isGreaterThanOrEqualTo(seq.logAt(eps));
      }
    }
  }

  // ------------------------------------------------------------------ exact weighted quantile

  /**
   * Brute force: {@code sup{a : F(a) <= eps}} by scanning every atom {@code u} as a candidate
   * threshold with {@code F(u) = sum_{c : v_c <= u} w_c / W} in exact BigDecimal, no sorting; the
   * sup is the smallest atom with {@code F(u) > eps}, or 1 when there is none.
   */
  private static double bruteForce(double[] logValues, double[] weights, BigDecimal eps) {
    BigDecimal total = BigDecimal.ZERO;
    for (double w : weights) {
      total = total.add(new BigDecimal(w));
    }
    double best = 0.0;
    for (double u : logValues) {
      BigDecimal f = BigDecimal.ZERO;
      for (int c = 0; c < logValues.length; c++) {
        if (logValues[c] <= u) {
          f = f.add(new BigDecimal(weights[c]));
        }
      }
      if (f.compareTo(eps.multiply(total)) > 0 && u < best) {
        best = u;
      }
    }
    return best;
  }

  private static int weightedMismatches(boolean lower) {
    SplittableRandom rng = new SplittableRandom(SEED + 2);
    int mismatches = 0;
    for (int trial = 0; trial < 300; trial++) {
      int contexts = 1 + rng.nextInt(9);
      double[] logValues = new double[contexts];
      double[] weights = new double[contexts];
      for (int c = 0; c < contexts; c++) {
        logValues[c] = -rng.nextInt(5) * 0.75;
        // Dyadic weights (levels exact), some zero, or arbitrary doubles.
        weights[c] = trial % 2 == 0 ? rng.nextInt(5) / 16.0 : rng.nextDouble();
      }
      weights[0] += 0.0625;
      LikelihoodQuantile q = LikelihoodQuantile.of(
          TargetLikelihoods.fromTokenLogLikelihoods(column(logValues), weights));
      for (int e = 0; e <= 32; e++) {
        BigDecimal eps = BigDecimal.valueOf(e).divide(BigDecimal.valueOf(32));
        double actual = lower ? q.lowerLogAt(eps.doubleValue()) : q.logAt(eps);
        if (actual != bruteForce(logValues, weights, eps)) {
          mismatches++;
        }
      }
    }
    return mismatches;
  }

  @Test
  void theExactQuantileOfAWeightedDistributionIsTheBruteForceSup() {
    assertThat(weightedMismatches(false)).isZero();
  }

  @Test
  void mutantTwinTheLowerQuantileDiffersFromTheSupAtTheLevels() {
    assertThat(weightedMismatches(true)).isPositive();
  }

  @Test
  void weightedQuantileAtAndBetweenLevels() {
    // Atoms 0.125 (1/8), 0.25 (3/8), 0.5 (1/2): F = 1/8, 1/2, 1.
    LikelihoodQuantile q = LikelihoodQuantile.of(LikelihoodCdfTest.weightedWithTies());
    assertThat(q.logAt(0.0)).isEqualTo(Math.log(0.125));
    assertThat(q.logAt(0.124)).isEqualTo(Math.log(0.125));
    assertThat(q.logAt(0.125)).isEqualTo(Math.log(0.25)); // F(0.125) = 1/8 <= eps: step up
    assertThat(q.lowerLogAt(0.125)).isEqualTo(Math.log(0.125));
    assertThat(q.logAt(0.5)).isEqualTo(Math.log(0.5));
    assertThat(q.logAt(0.99)).isEqualTo(Math.log(0.5));
    assertThat(q.logAt(1.0)).isZero();
  }

  // ------------------------------------------------------------------ pi_alpha, profile

  @Test
  void theProfileIsTheStrictMassBelowAlphaAndPiTheRest() {
    // Atoms 0.125 (1/8), 0.25 (3/8), 0.5 (1/2).
    TargetLikelihoods t = LikelihoodCdfTest.weightedWithTies();
    assertThat(Coverage.profile(t, 0.125)).isZero();
    assertThat(Coverage.pi(t, 0.125)).isEqualTo(1.0);
    assertThat(Coverage.profile(t, 0.25)).isEqualTo(0.125);
    assertThat(Coverage.pi(t, 0.25)).isEqualTo(0.875);
    assertThat(Coverage.profile(t, 0.3)).isEqualTo(0.5);
    assertThat(Coverage.profile(t, 1.0)).isEqualTo(1.0);
    assertThat(Coverage.piAtLog(t, Double.NEGATIVE_INFINITY)).isEqualTo(1.0);
    // Mutant twin: the non-strict F(alpha) = P(q <= alpha) differs at an atom.
    assertThat(LikelihoodCdf.of(t).at(0.25)).isNotEqualTo(Coverage.profile(t, 0.25));
  }

  @Test
  void theLqIsAtLeastAlphaExactlyWhenTheProfileAtAlphaIsAtMostEps() {
    SplittableRandom rng = new SplittableRandom(SEED + 3);
    for (int trial = 0; trial < 200; trial++) {
      int contexts = 1 + rng.nextInt(9);
      double[] logValues = new double[contexts];
      double[] weights = new double[contexts];
      for (int c = 0; c < contexts; c++) {
        logValues[c] = -rng.nextInt(5) * 0.75;
        weights[c] = (1 + rng.nextInt(4)) / 16.0;
      }
      TargetLikelihoods t = TargetLikelihoods.fromTokenLogLikelihoods(column(logValues), weights);
      LikelihoodQuantile q = LikelihoodQuantile.of(t);
      for (int e = 0; e <= 16; e++) {
        double eps = e / 16.0;
        for (int a = 0; a <= 10; a++) {
          double logAlpha = -a * 0.375;
          assertThat(q.logAt(eps) >= logAlpha)
              .as("trial %d eps %s log alpha %s", trial, eps, logAlpha)
              .isEqualTo(Coverage.profileAtLog(t, logAlpha) <= eps);
        }
      }
    }
  }

  private static double[][] column(double[] logValues) {
    double[][] rows = new double[logValues.length][];
    for (int c = 0; c < logValues.length; c++) {
      rows[c] = new double[] {logValues[c]};
    }
    return rows;
  }
}
