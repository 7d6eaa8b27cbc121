package org.pgbarrier.io.config;

/**
 * The experiments a config can describe, by the names the authors use for their config files and
 * for {@code experiment.type} [CODE: main.py].
 */
public enum ExperimentKind {
  /** Supervised pre-training, then outcome-reward PG (E1, E2). */
  OUTCOME_REWARD("outcome_reward"),
  /** Supervised pre-training, then process-reward PG (E1, E3). */
  PROCESS_REWARD("process_reward"),
  /** The likelihood CDF, quantile and alpha-tail across pre-training checkpoints. */
  CDF_QUANTILE("cdf_quantile"),
  /**
   * An earlier config of the authors ({@code configs/threshold_track.yaml}): E1 then E2 or E3 by
   * {@code experiment.reward_type}, tracking the samples below a base-likelihood threshold; the
   * later configs express it as {@code likelihood_tracking_type: threshold}.
   */
  THRESHOLD_TRACK("threshold_track");

  private final String configName;

  ExperimentKind(String configName) {
    this.configName = configName;
  }

  /** The name, as in {@code experiment.type} and the authors' config file names. */
  public String configName() {
    return configName;
  }
}
