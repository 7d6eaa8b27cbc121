package org.pgbarrier.experiment;

import org.pgbarrier.random.Seeds;

/**
 * The random streams of an experiment, in a fixed documented order, each {@code
 * Seeds.stream(master, index)} ({@link Seeds}). Two masters, as in the authors' {@code main.py}
 * [CODE], which seeds the global seed first and then the experiment's; here the two are kept
 * apart so that the data do not depend on the experiment seed:
 *
 * <pre>
 *   data seed (global.seed):
 *     stream 0   W1*, W2* ~ N(0, 1)                       (BigramInstances.generate, stream 0)
 *     stream 1   the test set, test_set_size contexts     (BigramInstances.generate, stream 1)
 *     stream 2   the tracking pool when track_source = sample, track_set_size contexts
 *     stream 3   the cdf_samples contexts of the cdf_quantile experiment
 *   experiment seed (experiment.seed):
 *     stream 0   the supervised batches (every phase of the cdf experiment, in order)
 *     stream 1   the PG batches and the behaviour's draws
 * </pre>
 *
 * Contexts are drawn in order, one {@code ContextDistribution.sample} each; a learner's per-step
 * draws are those stated in its Javadoc.
 */
public final class ExperimentSeeds {
  /** Data stream: the ground truth {@code W*}. */
  public static final int GROUND_TRUTH = 0;
  /** Data stream: the test set. */
  public static final int TEST_SET = 1;
  /** Data stream: the sampled tracking pool. */
  public static final int POOL = 2;
  /** Data stream: the contexts the likelihood CDF is estimated on. */
  public static final int CDF_SAMPLES = 3;
  /** Experiment stream: supervised pre-training. */
  public static final int SUPERVISED = 0;
  /** Experiment stream: policy gradient. */
  public static final int POLICY_GRADIENT = 1;

  private ExperimentSeeds() {}
}
