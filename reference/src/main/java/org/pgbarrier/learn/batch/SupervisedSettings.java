package org.pgbarrier.learn.batch;

import org.pgbarrier.Checks;

/**
 * The settings of supervised pre-training (E1), as in the {@code supervised:} block of the
 * authors' configs [CODE: configs/*.yaml]: {@code steps} and {@code batch_size}. The optimiser is
 * the {@link org.pgbarrier.learn.StepRule} given to the learner (the authors' configs name a
 * torch optimiser and its {@code lr}).
 *
 * @param steps number of steps {@code S} of a run, at least 1
 * @param batchSize contexts per step {@code B}, at least 1
 */
public record SupervisedSettings(int steps, int batchSize) {
  public SupervisedSettings {
    Checks.positive("steps", steps);
    Checks.positive("batchSize", batchSize);
  }
}
