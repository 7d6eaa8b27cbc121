package org.pgbarrier.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoverageTest {

  @Test
  void coverageIsTheMeanInverseLikelihood() {
    // (1/0.5 + 1/0.25) / 2 = 3; weighted 0.75 * 2 + 0.25 * 4 = 2.5.
    double[][] q = LikelihoodCdfTest.atoms(0.5, 0.25);
    assertThat(Coverage.of(TargetLikelihoods.fromTokenLogLikelihoods(q)))
        .isCloseTo(3.0, within(1e-15));
    assertThat(Coverage.logOf(TargetLikelihoods.fromTokenLogLikelihoods(q)))
        .isCloseTo(Math.log(3), within(1e-15));
    assertThat(Coverage.of(TargetLikelihoods.fromTokenLogLikelihoods(q, new double[] {0.75, 0.25})))
        .isCloseTo(2.5, within(1e-15));
  }

  @Test
  void anOverflowingCoverageKeepsAFiniteLog() {
    // Sequence likelihoods 0.25, 1e-400, 1e-300, 0.09: E[1/q] = 1e400 / 4 (1 + 1e-100 + ...).
    TargetLikelihoods t = LikelihoodQuantileTest.underflowing();
    assertThat(Coverage.logOf(t)).isCloseTo(400 * Math.log(10) - Math.log(4), within(1e-12));
    assertThat(Coverage.of(t)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void aZeroLikelihoodCountsOnlyWithPositiveWeight() {
    double[][] q = {{Double.NEGATIVE_INFINITY}, {Math.log(0.5)}};
    assertThat(Coverage.logOf(TargetLikelihoods.fromTokenLogLikelihoods(q)))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Coverage.of(TargetLikelihoods.fromTokenLogLikelihoods(q, new double[] {0, 1})))
        .isCloseTo(2.0, within(1e-15));
  }
}
