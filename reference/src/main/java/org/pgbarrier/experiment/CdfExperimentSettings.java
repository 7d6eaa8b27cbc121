package org.pgbarrier.experiment;

import java.util.Objects;
import org.pgbarrier.Checks;

/**
 * The {@code cdf_quantile} experiment [CODE: utils/experiments.py]: {@code numModels} successive
 * supervised phases of {@code partialSteps} steps each from {@code w = 0} (one optimiser per
 * phase), and the likelihood CDF, quantile and alpha-tail of {@code p_w(y*|x)} of the {@code
 * numModels + 1} checkpoints (including {@code w = 0}) on {@code cdfSamples} fresh contexts.
 *
 * @param data the {@code global:} block
 * @param seed the {@code experiment.seed}
 * @param numModels trained checkpoints, at least 1
 * @param partialSteps steps between checkpoints, at least 1; {@code numModels * partialSteps}, the
 *     step count of the last checkpoint, at most {@code Integer.MAX_VALUE}
 * @param batchSize contexts per step, at least 1
 * @param optimizer the optimiser of each phase
 * @param cdfSamples contexts the curves are estimated on, at least 1
 */
public record CdfExperimentSettings(
    DataSettings data,
    long seed,
    int numModels,
    int partialSteps,
    int batchSize,
    OptimizerSettings optimizer,
    int cdfSamples)
    implements ExperimentSettings {
  public CdfExperimentSettings {
    Objects.requireNonNull(data, "global");
    Checks.positive("num_models", numModels);
    Checks.positive("partial_steps", partialSteps);
    if ((long) numModels * partialSteps > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("partial_steps = " + partialSteps + ": num_models *"
          + " partial_steps = " + (long) numModels * partialSteps + " must be at most "
          + Integer.MAX_VALUE + " steps");
    }
    Checks.positive("batch_size", batchSize);
    Objects.requireNonNull(optimizer, "optimizer");
    Checks.positive("cdf_samples", cdfSamples);
  }
}
