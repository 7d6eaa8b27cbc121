package org.pgbarrier.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CdfExperimentTest {
  @Test
  void checkpointsAreTheUniformPolicyAndEveryPartialPhase() {
    CdfResult r = CdfExperiment.run(SmallSettings.cdf(), ProgressListener.NONE);
    assertThat(r.steps()).containsExactly(0, 5, 10, 15);
    assertThat(r.alphaGrid()).hasSize(201);
    assertThat(r.alphaGrid()[100]).isEqualTo(0.5);
    assertThat(r.epsGrid()).isEqualTo(r.alphaGrid());
  }

  @Test
  void atTheUniformPolicyEveryLikelihoodIsKToTheMinusN() {
    CdfResult r = CdfExperiment.run(SmallSettings.cdf(), ProgressListener.NONE);
    double uniform = Math.pow(3, -5);
    assertThat(r.testError()[0]).isCloseTo(1 - uniform, within(1e-12));
    for (int j = 0; j < 201; j++) {
      assertThat(r.logQuantile()[0][j]).isCloseTo(-5 * Math.log(3), within(1e-12));
      double alpha = j / 200.0;
      assertThat(r.cdf()[0][j]).isEqualTo(alpha >= uniform * (1 + 1e-9) ? 1.0 : alpha == 0 ? 0.0
          : r.cdf()[0][j]);
      assertThat(r.alphaTail()[0][j]).isEqualTo(alpha >= uniform * (1 + 1e-9) ? 0.0
          : r.alphaTail()[0][j]);
    }
    assertThat(r.cdf()[0][0]).isEqualTo(0.0);
  }

  @Test
  void preTrainingRaisesTheQuantilesAndLowersTheError() {
    CdfResult r = CdfExperiment.run(SmallSettings.cdf(), ProgressListener.NONE);
    assertThat(r.testError()[3]).isLessThan(r.testError()[0]);
    assertThat(r.logQuantile()[3][100]).isGreaterThan(r.logQuantile()[0][100]);
  }

  @Test
  void theListenerCountsStepsOverAllPhases() {
    int[] last = {-1};
    CdfExperiment.run(SmallSettings.cdf(), (phase, step, steps, error) -> {
      assertThat(phase).isEqualTo("supervised");
      assertThat(steps).isEqualTo(15);
      assertThat(step).isEqualTo(last[0] + 1);
      last[0] = step;
    });
    assertThat(last[0]).isEqualTo(15);
  }
}
