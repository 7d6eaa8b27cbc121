package org.pgbarrier.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The lower quantile {@code inf{a : F(a) >= eps}} ({@link LikelihoodQuantile#lowerLogAt}, the
 * earlier reconstruction) and the authors' plotting index; the paper's convention is tested in
 * {@link PaperLikelihoodQuantileTest}.
 */
class LikelihoodQuantileTest {
  /** log 1e-200 = -200 ln 10, rounded to double. */
  static final double LOG_1E_200 = -460.51701859880916;

  /** log 1e-300. */
  static final double LOG_1E_300 = Math.log(1e-300);

  /** log 1e-400 = 2 log 1e-200 (exact doubling); -921.034... */
  static final double LOG_1E_400 = 2 * LOG_1E_200;

  /**
   * A sample of four two-token contexts, token likelihoods (0.5, 0.5), (1e-200, 1e-200), (1,
   * 1e-300), (0.9, 0.1): sequence likelihoods 0.25, 1e-400, 1e-300, 0.09; token minima 0.5,
   * 1e-200, 1e-300, 0.1; token means 0.5, 1e-200, 0.5, 0.5.
   */
  static TargetLikelihoods underflowing() {
    return TargetLikelihoods.fromTokenLogLikelihoods(new double[][] {
      {Math.log(0.5), Math.log(0.5)},
      {LOG_1E_200, LOG_1E_200},
      {0, LOG_1E_300},
      {Math.log(0.9), Math.log(0.1)}
    });
  }

  @Test
  void exactQuantileOfAWeightedDistributionWithTies() {
    // Atoms 0.125 (1/8), 0.25 (3/8), 0.5 (1/2): F = 1/8, 1/2, 1.
    LikelihoodQuantile q = LikelihoodQuantile.of(LikelihoodCdfTest.weightedWithTies());
    assertThat(q.lowerLogAt(0.125)).isEqualTo(Math.log(0.125));
    assertThat(q.lowerLogAt(0.126)).isEqualTo(Math.log(0.25));
    assertThat(q.lowerLogAt(0.5)).isEqualTo(Math.log(0.25));
    assertThat(q.lowerLogAt(0.5000001)).isEqualTo(Math.log(0.5));
    assertThat(q.lowerLogAt(1.0)).isEqualTo(Math.log(0.5));
    assertThat(q.lowerLogAt(0.0)).isEqualTo(Math.log(0.125));
    assertThat(q.lowerAt(0.3)).isCloseTo(0.25, within(1e-16));
  }

  @Test
  void anAtomOfZeroWeightIsNeverTheQuantile() {
    TargetLikelihoods t = TargetLikelihoods.fromTokenLogLikelihoods(
        LikelihoodCdfTest.atoms(0.0625, 0.125, 0.5), new double[] {0, 0.5, 0.5});
    LikelihoodQuantile q = LikelihoodQuantile.of(t);
    assertThat(q.lowerLogAt(0.0)).isEqualTo(Math.log(0.125));
    assertThat(q.lowerLogAt(1e-9)).isEqualTo(Math.log(0.125));
    assertThat(LikelihoodCdf.of(t).at(0.0625)).isZero();
  }

  @Test
  void theAuthorsEstimatorReadsSortedPositionFloorOfEpsTimesNMinusOne() {
    // Sorted sample: 0.125, 0.25, 0.5, 0.5, 0.5 (n = 5, n - 1 = 4).
    LikelihoodQuantile q = LikelihoodQuantile.of(TargetLikelihoods.fromTokenLogLikelihoods(
        LikelihoodCdfTest.atoms(0.5, 0.25, 0.5, 0.125, 0.5)));
    assertThat(q.authorsLogAt(0.0)).isEqualTo(Math.log(0.125));
    assertThat(q.authorsLogAt(0.2)).isEqualTo(Math.log(0.125)); // floor(0.8) = 0
    assertThat(q.authorsLogAt(0.25)).isEqualTo(Math.log(0.25)); // floor(1.0) = 1
    assertThat(q.authorsLogAt(0.45)).isEqualTo(Math.log(0.25)); // floor(1.8) = 1
    assertThat(q.authorsLogAt(0.5)).isEqualTo(Math.log(0.5)); // floor(2.0) = 2
    assertThat(q.authorsLogAt(1.0)).isEqualTo(Math.log(0.5)); // floor(4.0) = 4
    assertThat(q.authorsAt(0.3)).isCloseTo(0.25, within(1e-16)); // floor(1.2) = 1
    // The lower empirical quantile: the smallest atom with m/5 >= eps.
    assertThat(q.lowerLogAt(0.2)).isEqualTo(Math.log(0.125));
    assertThat(q.lowerLogAt(0.4)).isEqualTo(Math.log(0.25));
    assertThat(q.lowerLogAt(0.45)).isEqualTo(Math.log(0.5));
  }

  @Test
  void theAuthorsEstimatorIsRefusedForUnequalWeights() {
    LikelihoodQuantile q = LikelihoodQuantile.of(LikelihoodCdfTest.weightedWithTies());
    assertThatThrownBy(() -> q.authorsLogAt(0.5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("equal weights");
  }

  @Test
  void quantilesBelowTheDoubleRangeAreExactInLogSpace() {
    LikelihoodQuantile q = LikelihoodQuantile.of(underflowing());
    // Sorted sequence likelihoods: 1e-400, 1e-300, 0.09, 0.25.
    assertThat(q.lowerLogAt(0.25)).isEqualTo(LOG_1E_400);
    assertThat(q.lowerLogAt(0.25)).isCloseTo(-400 * Math.log(10), within(1e-12));
    assertThat(q.lowerAt(0.25)).isZero();
    assertThat(q.lowerLogAt(0.5)).isEqualTo(LOG_1E_300);
    assertThat(q.authorsLogAt(0.25)).isEqualTo(LOG_1E_400); // floor(0.75) = 0
    assertThat(q.authorsLogAt(0.5)).isEqualTo(LOG_1E_300); // floor(1.5) = 1
    assertThat(q.lowerLogAt(1.0)).isEqualTo(Math.log(0.5) + Math.log(0.5));
  }

  @Test
  void tokenLevelQuantilesOfTheMinimumAndOfTheMean() {
    LikelihoodQuantile min = LikelihoodQuantile.of(underflowing(), LikelihoodStatistic.TOKEN_MIN);
    assertThat(min.statistic()).isEqualTo(LikelihoodStatistic.TOKEN_MIN);
    // Sorted minima: 1e-300, 1e-200, 0.1, 0.5.
    assertThat(min.lowerLogAt(0.25)).isEqualTo(LOG_1E_300);
    assertThat(min.lowerLogAt(0.5)).isEqualTo(LOG_1E_200);
    assertThat(min.lowerLogAt(0.75)).isEqualTo(Math.log(0.1));
    assertThat(min.lowerLogAt(1.0)).isEqualTo(Math.log(0.5));
    LikelihoodQuantile mean = LikelihoodQuantile.of(underflowing(), LikelihoodStatistic.TOKEN_MEAN);
    // Sorted means: 1e-200, then 0.5 three times ((1 + 1e-300) / 2 rounds to 0.5).
    assertThat(mean.lowerLogAt(0.25)).isCloseTo(LOG_1E_200, within(1e-12));
    assertThat(mean.lowerLogAt(0.5)).isCloseTo(Math.log(0.5), within(1e-15));
    assertThat(mean.lowerLogAt(1.0)).isCloseTo(Math.log(0.5), within(1e-15));
  }

  @Test
  void epsOutsideTheUnitIntervalIsRefused() {
    LikelihoodQuantile q = LikelihoodQuantile.of(underflowing());
    assertThatThrownBy(() -> q.lowerLogAt(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eps = 1.5");
    assertThatThrownBy(() -> q.authorsLogAt(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eps = NaN");
  }
}
