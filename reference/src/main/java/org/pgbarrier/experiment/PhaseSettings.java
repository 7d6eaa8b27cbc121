package org.pgbarrier.experiment;

import java.util.Objects;
import org.pgbarrier.Checks;

/**
 * A training phase, the {@code supervised:} or {@code pg:} block [CODE: configs/*.yaml].
 *
 * @param steps optimiser steps, at least 1
 * @param batchSize fresh contexts per step, at least 1
 * @param optimizer the optimiser, fresh for the phase
 * @param testEvery the test error is measured every {@code testEvery} steps (and at step 0 and the
 *     last step), at least 1
 * @param trackEvery tracked likelihoods are recorded every {@code trackEvery} steps, at least 1
 *     (unused by the supervised phase)
 */
public record PhaseSettings(
    int steps, int batchSize, OptimizerSettings optimizer, int testEvery, int trackEvery) {
  public PhaseSettings {
    Checks.positive("steps", steps);
    Checks.positive("batch_size", batchSize);
    Objects.requireNonNull(optimizer, "optimizer");
    Checks.positive("test_every", testEvery);
    Checks.positive("track_every", trackEvery);
  }
}
