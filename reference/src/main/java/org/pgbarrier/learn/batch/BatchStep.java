package org.pgbarrier.learn.batch;

/**
 * What every batch step reports: the reward queries it spent, which {@link BatchAlgorithm#step}
 * returns to the {@link org.pgbarrier.learn.Learner} protocol ({@code Q}, docs/theory.md §2.4).
 */
public interface BatchStep {
  /** The reward queries charged during the step; 0 for a step that reads labels. */
  long queries();
}
