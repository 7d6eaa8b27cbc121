package org.pgbarrier.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LikelihoodCdfTest {

  /** One-token contexts with the given likelihoods. */
  static double[][] atoms(double... q) {
    double[][] tokens = new double[q.length][];
    for (int c = 0; c < q.length; c++) {
      tokens[c] = new double[] {Math.log(q[c])};
    }
    return tokens;
  }

  /**
   * q = 0.5, 0.125, 0.5, 0.25 with probabilities 1/4, 1/8, 1/4, 3/8: atoms 0.125 (1/8), 0.25
   * (3/8), 0.5 (1/2, a tie of two contexts).
   */
  static TargetLikelihoods weightedWithTies() {
    return TargetLikelihoods.fromTokenLogLikelihoods(
        atoms(0.5, 0.125, 0.5, 0.25), new double[] {0.25, 0.125, 0.25, 0.375});
  }

  @Test
  void weightedCdfAtAndBetweenAtoms() {
    LikelihoodCdf f = LikelihoodCdf.of(weightedWithTies());
    assertThat(f.statistic()).isEqualTo(LikelihoodStatistic.SEQUENCE);
    assertThat(f.at(0.0)).isZero();
    assertThat(f.at(0.1)).isZero();
    assertThat(f.at(0.125)).isEqualTo(0.125);
    assertThat(f.at(0.2)).isEqualTo(0.125);
    assertThat(f.at(0.25)).isEqualTo(0.5);
    assertThat(f.at(0.3)).isEqualTo(0.5);
    // Both tied contexts count at their common value.
    assertThat(f.at(0.5)).isEqualTo(1.0);
    assertThat(f.at(1.0)).isEqualTo(1.0);
    assertThat(f.atLog(Math.log(0.25))).isEqualTo(0.5);
  }

  @Test
  void alphaTailIsAlphaTimesTheMassStrictlyAbove() {
    LikelihoodCdf f = LikelihoodCdf.of(weightedWithTies());
    assertThat(f.tail(0.25)).isEqualTo(0.5);
    assertThat(f.alphaTail(0.125)).isEqualTo(0.125 * 0.875);
    assertThat(f.alphaTail(0.25)).isEqualTo(0.125);
    assertThat(f.alphaTail(0.3)).isEqualTo(0.15);
    assertThat(f.alphaTail(0.5)).isZero();
    assertThat(f.logAlphaTail(Math.log(0.25))).isEqualTo(Math.log(0.25) + Math.log(0.5));
    assertThat(f.logAlphaTail(Math.log(0.5))).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void aTinyTailKeepsItsRelativeAccuracy() {
    // Mass 1e-20 above 0.25: 1 - F(0.25) would round to 0.
    LikelihoodCdf f = LikelihoodCdf.of(TargetLikelihoods.fromTokenLogLikelihoods(
        atoms(0.25, 0.5), new double[] {1, 1e-20}));
    assertThat(f.at(0.25)).isEqualTo(1.0);
    assertThat(f.tail(0.25)).isEqualTo(1e-20);
    assertThat(f.alphaTail(0.25)).isEqualTo(2.5e-21);
  }

  @Test
  void aSampleCdfIsTheExactFractionOfContexts() {
    LikelihoodCdf f = LikelihoodCdf.of(
        TargetLikelihoods.fromTokenLogLikelihoods(atoms(0.5, 0.25, 0.5, 0.125, 0.5)));
    assertThat(f.at(0.1)).isZero();
    assertThat(f.at(0.125)).isEqualTo(0.2);
    assertThat(f.at(0.25)).isEqualTo(0.4);
    assertThat(f.at(0.4)).isEqualTo(0.4);
    assertThat(f.at(0.5)).isEqualTo(1.0);
    assertThat(f.tail(0.25)).isEqualTo(0.6);
  }

  @Test
  void thresholdsBelowTheDoubleRangeAreComparedInLogSpace() {
    TargetLikelihoods t = LikelihoodQuantileTest.underflowing();
    LikelihoodCdf f = LikelihoodCdf.of(t);
    double log1e400 = LikelihoodQuantileTest.LOG_1E_400;
    assertThat(f.atLog(log1e400)).isEqualTo(0.25);
    assertThat(f.atLog(-921.0)).isEqualTo(0.25);
    assertThat(f.atLog(-921.1)).isZero();
    assertThat(f.at(1e-300)).isEqualTo(0.5);
    // In linear doubles q = 1e-400 is 0 <= 0; its log is finite, so F(0) = 0 as it should be.
    assertThat(Math.exp(log1e400)).isZero();
    assertThat(f.at(0.0)).isZero();
    assertThat(f.tailAtLog(log1e400)).isEqualTo(0.75);
    assertThat(f.logAlphaTail(log1e400)).isEqualTo(log1e400 + Math.log(0.75));
  }

  @Test
  void tokenLevelCdfsUseTheirOwnStatistic() {
    LikelihoodCdf min = LikelihoodCdf.of(
        LikelihoodQuantileTest.underflowing(), LikelihoodStatistic.TOKEN_MIN);
    assertThat(min.statistic()).isEqualTo(LikelihoodStatistic.TOKEN_MIN);
    // Token minima: 0.5, 1e-200, 1e-300, 0.1.
    assertThat(min.atLog(LikelihoodQuantileTest.LOG_1E_200)).isEqualTo(0.5);
    assertThat(min.at(0.1)).isEqualTo(0.75);
  }

  @Test
  void thresholdsOutsideTheirRangeAreRefused() {
    LikelihoodCdf f = LikelihoodCdf.of(weightedWithTies());
    assertThatThrownBy(() -> f.at(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a = 1.5");
    assertThatThrownBy(() -> f.at(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a = -0.1");
    assertThatThrownBy(() -> f.atLog(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log a = NaN");
    assertThatThrownBy(() -> f.tailAtLog(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log a = 0.5");
  }
}
