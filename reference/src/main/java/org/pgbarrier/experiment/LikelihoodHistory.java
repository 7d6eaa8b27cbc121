package org.pgbarrier.experiment;

import org.pgbarrier.Checks;

/**
 * The tracked per-sample likelihoods {@code log p_w(y*|x)} over PG steps [CODE:
 * utils/training.py, {@code likelihood_history}]: {@code logLikelihoods[t][j]} is that of tracked
 * sample {@code j} (pool index {@code poolIndices[j]}) at step {@code steps[t]}. Immutable.
 *
 * @param steps the PG steps at which the samples were evaluated, strictly increasing, from 0
 * @param poolIndices the tracked samples' indices in the tracking pool
 * @param quantiles with uniform tracking, the base-likelihood quantile level of each tracked
 *     sample; empty with threshold tracking
 * @param logLikelihoods one row per step, one column per tracked sample (natural logs)
 */
public record LikelihoodHistory(
    int[] steps, int[] poolIndices, double[] quantiles, double[][] logLikelihoods) {
  public LikelihoodHistory {
    StepCurve.checkSteps(steps);
    if (quantiles.length != 0) {
      Checks.length("quantiles", quantiles.length, poolIndices.length);
    }
    Checks.length("logLikelihoods", logLikelihoods.length, steps.length);
    double[][] rows = new double[logLikelihoods.length][];
    for (int t = 0; t < rows.length; t++) {
      Checks.length("logLikelihoods[" + t + "]", logLikelihoods[t].length, poolIndices.length);
      rows[t] = logLikelihoods[t].clone();
    }
    steps = steps.clone();
    poolIndices = poolIndices.clone();
    quantiles = quantiles.clone();
    logLikelihoods = rows;
  }

  @Override
  public int[] steps() {
    return steps.clone();
  }

  @Override
  public int[] poolIndices() {
    return poolIndices.clone();
  }

  @Override
  public double[] quantiles() {
    return quantiles.clone();
  }

  @Override
  public double[][] logLikelihoods() {
    double[][] rows = new double[logLikelihoods.length][];
    for (int t = 0; t < rows.length; t++) {
      rows[t] = logLikelihoods[t].clone();
    }
    return rows;
  }

  /** {@code log p_w(y*|x)} of tracked sample {@code j} at the {@code t}-th recorded step. */
  public double logLikelihood(int t, int j) {
    return logLikelihoods[t][j];
  }
}
