package org.pgbarrier.experiment;

import java.util.Objects;

/**
 * The {@code outcome_reward} and {@code process_reward} experiments [CODE: utils/experiments.py]:
 * supervised pre-training (E1) from {@code w = 0}, then PG (E2 with the outcome reward, E3 with
 * the process reward) from the pre-trained weights, tracking per-sample likelihoods.
 *
 * @param data the {@code global:} block
 * @param seed the {@code experiment.seed}
 * @param reward outcome (E2) or process (E3)
 * @param supervised the {@code supervised:} phase
 * @param pg the {@code pg:} phase
 * @param baseline {@code pg.baseline}: subtract the batch-mean reward (per position for E3)
 * @param behaviour {@code pg.behavior}
 * @param tracking which likelihoods are tracked
 */
public record PgExperimentSettings(
    DataSettings data,
    long seed,
    Reward reward,
    PhaseSettings supervised,
    PhaseSettings pg,
    boolean baseline,
    BehaviourSettings behaviour,
    TrackingSettings tracking)
    implements ExperimentSettings {
  public PgExperimentSettings {
    Objects.requireNonNull(data, "global");
    Objects.requireNonNull(reward, "reward");
    Objects.requireNonNull(supervised, "supervised");
    Objects.requireNonNull(pg, "pg");
    Objects.requireNonNull(behaviour, "pg.behavior");
    Objects.requireNonNull(tracking, "tracking");
  }

  /** The reward of the PG phase. */
  public enum Reward {
    /** {@code +1} if {@code y == y*} else {@code -1}, on the whole response (E2). */
    OUTCOME,
    /** {@code +1} at position i if the prefix {@code y_(1..i)} is correct else {@code -1} (E3). */
    PROCESS
  }
}
