package org.pgbarrier.experiment;

/** The result of one experiment run: everything its artifact holds. */
public sealed interface ExperimentResult permits PgResult, CdfResult {
  /** The settings it ran with. */
  ExperimentSettings settings();

  /**
   * The artifact name, as the authors name theirs [CODE: main.py]: {@code outcome_reward_uniform},
   * {@code process_reward_threshold}, ..., or {@code cdf_quantile}.
   */
  String name();

  /** The wall time per phase (not part of the deterministic artifact). */
  Timings timings();
}
