package org.pgbarrier.learn.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.learn.ConstantStep;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.StepRule;

/** The fast cluster state against the general model (the independent path). */
class LearnerStateAgreementTest {

  static void assertClose(double[] actual, double[] expected, String what) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int j = 0; j < actual.length; j++) {
      assertThat(actual[j]).as("%s[%d]", what, j)
          .isCloseTo(expected[j], within(1e-12 * Math.max(1, Math.abs(expected[j]))));
    }
  }

  @Test
  void likelihoodsTokenDrawsAndErrorsAgreeWithTheGeneralModel() {
    SplittableRandom rng = new SplittableRandom(31);
    for (ClusterFamily f : Fixtures.families()) {
      double[] w = Fixtures.randomWeights(f, rng);
      LearnerState fast = Fixtures.fast(f, w);
      LearnerState general = Fixtures.general(f, w);
      assertThat(fast.error()).as(f.describe()).isCloseTo(general.error(), within(1e-12));
      for (int c = 0; c < f.clusterCount(); c++) {
        assertThat(fast.targetLogLikelihood(c))
            .isCloseTo(general.targetLogLikelihood(c), within(1e-12));
        assertThat(fast.baseTargetLogLikelihood(c))
            .isCloseTo(general.baseTargetLogLikelihood(c), within(1e-12));
        for (int i = 0; i < f.length(); i++) {
          assertThat(fast.targetToken(c, i)).isEqualTo(general.targetToken(c, i));
          assertThat(fast.targetTokenLogProbability(c, i))
              .isCloseTo(general.targetTokenLogProbability(c, i), within(1e-12));
          assertThat(fast.baseTargetTokenLogProbability(c, i))
              .isCloseTo(general.baseTargetTokenLogProbability(c, i), within(1e-12));
          for (int j = 0; j < 200; j++) {
            double u = rng.nextDouble();
            assertThat(fast.sampleCurrentToken(c, i, u)).as("u=%s", u)
                .isEqualTo(general.sampleCurrentToken(c, i, u));
            assertThat(fast.sampleBaseToken(c, i, u)).isEqualTo(general.sampleBaseToken(c, i, u));
          }
        }
      }
    }
  }

  @Test
  void reinforcingAPrefixMovesTheWeightsAsTheGeneralGradientStep() {
    SplittableRandom rng = new SplittableRandom(32);
    for (ClusterFamily f : Fixtures.families()) {
      for (StepRule rule : new StepRule[] {GradientNormStep.INSTANCE, new ConstantStep(0.3)}) {
        double[] w = Fixtures.randomWeights(f, rng);
        LearnerState fast = Fixtures.fast(f, w);
        LearnerState general = Fixtures.general(f, w);
        for (int step = 0; step < 40; step++) {
          int c = rng.nextInt(f.clusterCount());
          int n = 1 + rng.nextInt(f.length());
          double factor = rng.nextDouble(0.2, 2);
          double etaFast = fast.reinforce(c, n, rule, factor);
          double etaGeneral = general.reinforce(c, n, rule, factor);
          assertThat(fast.lastNormSquared()).isCloseTo(general.lastNormSquared(),
              within(1e-12 * Math.max(1, general.lastNormSquared())));
          assertThat(etaFast).isCloseTo(etaGeneral, within(1e-14));
          if (rule instanceof GradientNormStep) {
            assertThat(etaFast).isLessThanOrEqualTo(0.25);
            assertThat(etaFast * fast.lastNormSquared()).isLessThan(0.5);
          }
          assertClose(fast.weights(), general.weights(), f.describe() + " w");
          assertThat(fast.error()).isCloseTo(general.error(), within(1e-12));
        }
      }
    }
  }

  @Test
  void aStepThatWouldOverflowIsRefusedAndLeavesTheStateAsItWas() {
    SplittableRandom rng = new SplittableRandom(33);
    StepRule rule = new ConstantStep(4);
    for (ClusterFamily f : Fixtures.families()) {
      double[] w = Fixtures.randomWeights(f, rng);
      for (LearnerState s : List.of(Fixtures.fast(f, w), Fixtures.general(f, w))) {
        s.reinforce(0, 1, GradientNormStep.INSTANCE, 1);
        double[] weights = s.weights();
        double error = s.error();
        double normSquared = s.lastNormSquared();
        // factor * eta = +Infinity: every non-zero coordinate of g sends its weight to infinity
        assertThatThrownBy(() -> s.reinforce(1, f.length(), rule, Double.MAX_VALUE))
            .as("%s %s", f.describe(), s.getClass().getSimpleName())
            .isInstanceOf(ArithmeticException.class)
            .hasMessageContaining(rule.describe())
            .hasMessageContaining("weights left unchanged");
        assertThat(s.weights()).isEqualTo(weights);
        assertThat(s.error()).isEqualTo(error);
        assertThat(s.lastNormSquared()).isEqualTo(normSquared);
      }
    }
  }

  @Test
  void theErrorTreeGivesTheSameBitsWhateverTheUpdateHistory() {
    ClusterFamily f = Fixtures.staircase();
    ClusterLearnerState a = ClusterLearnerState.atBase(f);
    ClusterLearnerState b = ClusterLearnerState.atBase(f);
    // a: cluster 0 then 3; b: cluster 3 then 0; the blocks end equal, so must the error
    a.reinforce(0, 3, GradientNormStep.INSTANCE, 1);
    a.reinforce(3, 3, GradientNormStep.INSTANCE, 1);
    b.reinforce(3, 3, GradientNormStep.INSTANCE, 1);
    b.reinforce(0, 3, GradientNormStep.INSTANCE, 1);
    assertThat(a.weights()).isEqualTo(b.weights());
    assertThat(Double.doubleToRawLongBits(a.error()))
        .isEqualTo(Double.doubleToRawLongBits(new ClusterLearnerState(f, b.weights()).error()));
    assertThat(Double.doubleToRawLongBits(a.error()))
        .isEqualTo(Double.doubleToRawLongBits(b.error()));
  }
}
