package org.pgbarrier.experiment;

import java.util.Locale;
import java.util.Objects;
import org.pgbarrier.Checks;

/**
 * The result of an {@code outcome_reward} or {@code process_reward} run ({@link PgExperiment}):
 * what the authors' artifact holds [CODE: utils/experiments.py, {@code track_pool_likelihoods},
 * {@code likelihood_history}, {@code pg_errors}] plus the supervised test-error curve, the
 * off-support average and the query count. Immutable.
 *
 * @param settings the settings it ran with
 * @param supervisedError the test error {@code 1 - mean_x p_w(y*|x)} during pre-training, at step
 *     0, every {@code test_every} steps and the last
 * @param pgError the test error during PG, at the same schedule
 * @param poolBaseLogLikelihoods {@code log q(y*|x)} of every pool sample under the base model
 *     (the pre-trained weights), in pool order
 * @param baseHistogram the histogram of the pool's base likelihoods {@code q(y*|x)} ({@link
 *     Histogram#authors})
 * @param tracked the tracked samples' likelihoods, at step 0, every {@code track_every} steps and
 *     the last
 * @param offSupportCount the number of pool samples whose base likelihood is below {@code
 *     initial_likelihood_threshold} ("off-support")
 * @param offSupportLikelihood their average likelihood {@code mean p_w(y*|x)} at the tracking
 *     steps; empty when there is none
 * @param queries the reward queries charged during PG (the behaviour's included)
 * @param timings wall time per phase: {@code data}, {@code supervised}, {@code pg}
 */
public record PgResult(
    PgExperimentSettings settings,
    StepCurve supervisedError,
    StepCurve pgError,
    double[] poolBaseLogLikelihoods,
    Histogram baseHistogram,
    LikelihoodHistory tracked,
    int offSupportCount,
    StepCurve offSupportLikelihood,
    long queries,
    Timings timings)
    implements ExperimentResult {
  public PgResult {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(supervisedError, "supervisedError");
    Objects.requireNonNull(pgError, "pgError");
    poolBaseLogLikelihoods = poolBaseLogLikelihoods.clone();
    Objects.requireNonNull(baseHistogram, "baseHistogram");
    Objects.requireNonNull(tracked, "tracked");
    Checks.inRange("offSupportCount", offSupportCount, 0, poolBaseLogLikelihoods.length);
    Objects.requireNonNull(offSupportLikelihood, "offSupportLikelihood");
    if ((offSupportCount == 0) != (offSupportLikelihood.size() == 0)) {
      throw new IllegalArgumentException("offSupportLikelihood has " + offSupportLikelihood.size()
          + " points for offSupportCount = " + offSupportCount
          + ": must be empty exactly when there is no off-support sample");
    }
    Objects.requireNonNull(timings, "timings");
  }

  @Override
  public double[] poolBaseLogLikelihoods() {
    return poolBaseLogLikelihoods.clone();
  }

  /** {@code outcome_reward_uniform}, {@code process_reward_threshold}, ... [CODE: main.py]. */
  @Override
  public String name() {
    return name(settings);
  }

  /** The name of the run of {@code settings}, known before it runs: see {@link #name()}. */
  public static String name(PgExperimentSettings settings) {
    return settings.reward().name().toLowerCase(Locale.ROOT) + "_reward_"
        + settings.tracking().type().name().toLowerCase(Locale.ROOT);
  }
}
