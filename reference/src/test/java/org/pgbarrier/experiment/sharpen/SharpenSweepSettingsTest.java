package org.pgbarrier.experiment.sharpen;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharpenSweepSettingsTest {
  private static SharpenSweep.Settings settings(int k, double baseMin, int[] grid, double budget,
      double maxBudget) {
    return new SharpenSweep.Settings(1, k, 2, 3, baseMin, 0.9, grid, 10, budget, maxBudget, 0.5,
        0.95);
  }

  @Test
  void theCommandsDefaultsAreValidSettings() {
    assertThatCode(() -> settings(8, 0.13, new int[] {1, 2, 5}, 10, 300))
        .doesNotThrowAnyException();
  }

  @Test
  void aBaseLikelihoodAtOneOverKIsRefusedNamingTheParameter() {
    assertThatThrownBy(() -> settings(8, 0.125, new int[] {1}, 10, 300))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("baseMin = 0.125");
  }

  @Test
  void aGridOutOfOrderOrRepeatedIsRefused() {
    assertThatThrownBy(() -> settings(8, 0.13, new int[] {2, 2}, 10, 300))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("grid[1] = 2");
  }

  @Test
  void aMaximalBudgetNotAboveTheBudgetIsRefused() {
    assertThatThrownBy(() -> settings(8, 0.13, new int[] {1}, 10, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxBudget = 10.0");
  }
}
