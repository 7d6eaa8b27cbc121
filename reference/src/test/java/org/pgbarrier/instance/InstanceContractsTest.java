package org.pgbarrier.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgbarrier.model.PositionalContext;
import org.pgbarrier.model.TabularContext;

/**
 * The generators' contracts, checked from the definitions: G1's base likelihood is {@code q^N}
 * when every token has base likelihood {@code q}, its token likelihoods lie in {@code [baseMin,
 * baseMax]}, {@code ||w*|| = 1} and the realised margin is exactly the requested one; G2's states
 * are unit vectors; and the certificate's verdict on hand-made records.
 */
class InstanceContractsTest {

  @Test
  void tabularBaseLikelihoodIsQToTheNAndTheMarginIsExactlyTheRequestedOne() {
    double q = 0.3;
    Instance<TabularContext> g1 =
        TabularInstances.generate(new TabularInstances.Spec(4, 3, 5, 0.2, q, q), 3L);
    double norm = 0;
    for (double w : g1.wStar()) {
      norm += w * w;
    }
    assertThat(norm).isCloseTo(1.0, within(1e-15));
    for (Labeled<TabularContext> c : g1.contexts()) {
      assertThat(g1.model().logLikelihood(g1.wBase(), c.x(), c.target()))
          .isCloseTo(3 * Math.log(q), within(1e-14));
    }
    MarginCertificate cert = g1.certify();
    assertThat(cert.realised()).isCloseTo(0.2, within(1e-15));
    assertThat(cert.rawGap()).isCloseTo(0.2, within(1e-15));
    assertThat(cert.weightNorm()).isCloseTo(1.0, within(1e-15));
    assertThat(cert.featureNorm()).isEqualTo(1.0);
    assertThat(cert.contexts()).isEqualTo(5);
    // every gap is equal: the witness is the first position of the first context
    assertThat(cert.witnessContext()).isZero();
    assertThat(cert.witnessPosition()).isZero();
    assertThat(cert.greedyReproducesTarget()).isTrue();
    assertThat(cert.holds()).isTrue();
  }

  @Test
  void tabularTokenLikelihoodsLieInTheBaseRange() {
    Instance<TabularContext> g1 =
        TabularInstances.generate(new TabularInstances.Spec(3, 4, 6, 0.1, 0.05, 0.6), 5L);
    double[] tokens = new double[4];
    double smallest = 1;
    double largest = 0;
    for (Labeled<TabularContext> c : g1.contexts()) {
      g1.model().tokenLogProbabilities(g1.wBase(), c.x(), c.target(), tokens);
      for (double t : tokens) {
        smallest = Math.min(smallest, Math.exp(t));
        largest = Math.max(largest, Math.exp(t));
      }
    }
    assertThat(smallest).isGreaterThanOrEqualTo(0.05 - 1e-15);
    assertThat(largest).isLessThanOrEqualTo(0.6 + 1e-15);
    // 24 log-uniform draws on [log 0.05, log 0.6] spread over more than half the range
    assertThat(Math.log(largest / smallest)).isGreaterThan(0.5 * Math.log(0.6 / 0.05));
  }

  @Test
  void plantedGaussianStatesAreUnitVectorsAndTheCertificateHolds() {
    Instance<PositionalContext> g2 = PlantedGaussianInstances.generate(
        new PlantedGaussianInstances.Spec(4, 3, 5, 6, 0.05, 2.0), 7L);
    double norm = 0;
    for (double w : g2.wStar()) {
      norm += w * w;
    }
    assertThat(norm).isCloseTo(1.0, within(1e-14));
    for (Labeled<PositionalContext> c : g2.contexts()) {
      for (double[] z : c.x().z()) {
        double s = 0;
        for (double zj : z) {
          s += zj * zj;
        }
        assertThat(s).isCloseTo(1.0, within(1e-14));
      }
    }
    MarginCertificate cert = g2.certify();
    assertThat(cert.holds()).isTrue();
    assertThat(cert.realised()).isGreaterThanOrEqualTo(0.05);
  }

  @Test
  void theCertificateHoldsExactlyWhenGreedyIsRightTheMarginPositiveAndTheRequestMet() {
    assertThat(cert(0.1, 0.1, true).holds()).isTrue();
    assertThat(cert(0.1, 0.1 * (1 - 1e-13), true).holds()).isTrue();
    assertThat(cert(0.1, 0.1 * (1 - 1e-11), true).holds()).isFalse();
    assertThat(cert(0.1, 0.2, false).holds()).isFalse();
    assertThat(cert(Double.NaN, 1e-9, true).holds()).isTrue();
    assertThat(cert(Double.NaN, 0, true).holds()).isFalse();
    assertThat(cert(Double.NaN, -1, true).holds()).isFalse();
    assertThat(cert(0, 0, true).holds()).isFalse();
  }

  private static MarginCertificate cert(double requested, double realised, boolean greedy) {
    return new MarginCertificate(requested, realised, realised, 1, 1, 1, 0, 0, greedy);
  }

  @Test
  void theCertifiedGapIsTheSmallestLogitLeadOfTheTargetOverTheRunnerUp() {
    Instance<TabularContext> g1 =
        TabularInstances.generate(new TabularInstances.Spec(3, 2, 2, 0.25, 0.5, 0.5), 1L);
    double[] w = g1.wStar();
    // Lower the correct weight of the second context's second state: gap 0.25 -> 0.1 there.
    TabularContext x1 = g1.contexts().get(1).x();
    int state = x1.states()[1];
    w[state * 3 + x1.target()[1]] = 0.1;
    MarginCertificate cert = Margins.certify(g1.model(), w, List.copyOf(g1.contexts()), 0.25);
    assertThat(cert.rawGap()).isCloseTo(0.1, within(1e-15));
    assertThat(cert.witnessContext()).isEqualTo(1);
    assertThat(cert.witnessPosition()).isEqualTo(1);
    double norm = 0;
    for (double wi : w) {
      norm += wi * wi;
    }
    assertThat(cert.weightNorm()).isCloseTo(Math.sqrt(norm), within(1e-15));
    assertThat(cert.realised()).isCloseTo(0.1 / Math.sqrt(norm), within(1e-15));
    assertThat(cert.holds()).isFalse();
  }
}
