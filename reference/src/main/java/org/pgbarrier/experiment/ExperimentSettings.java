package org.pgbarrier.experiment;

/**
 * One experiment of a config: its {@code global:} data and its {@code experiment:} block. The
 * experiment's own {@code seed} drives training and sampling; the data's seed the ground truth and
 * the data, as in the authors' {@code main.py} [CODE].
 */
public sealed interface ExperimentSettings permits PgExperimentSettings, CdfExperimentSettings {
  /** The {@code global:} block. */
  DataSettings data();

  /** The {@code experiment.seed}. */
  long seed();
}
