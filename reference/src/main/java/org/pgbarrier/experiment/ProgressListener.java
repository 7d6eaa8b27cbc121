package org.pgbarrier.experiment;

/**
 * Observes a running experiment, for a progress bar. Called on the running thread after every
 * optimiser step (and once at step 0 of each phase), so it must be cheap.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = (phase, step, steps, error) -> {};

  /**
   * @param phase the phase: {@code supervised} or {@code pg}
   * @param step the steps done in the phase, {@code 0..steps}
   * @param steps the steps of the phase
   * @param error the latest measured test error {@code 1 - mean_x p_w(y*|x)}
   */
  void onStep(String phase, int step, int steps, double error);
}
