package org.pgbarrier.learn;

import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.random.Seeds;

/**
 * What every learner of pgbarrier does, as an iterative method: name its update rule and
 * provenance ({@link #describe}), take one iteration on a state in place ({@link #step}),
 * report the error of the current iterate ({@link #error}), and run {@code T} iterations from a
 * seed ({@link #run}), reporting {@code T} and the reward queries {@code Q} separately
 * (docs/theory.md §2.4) and the error of the last and of the random iterate (§2.5).
 *
 * <p>The state {@code S} is what one iteration updates: {@link PerSampleState} (weights and one
 * context) for the per-sample learners ({@link AdaptiveSgd}, {@link ReconstructedOutcomePg},
 * {@link ReconstructedRejectionPg}, {@link ReconstructedProcessPg}), a {@code LearnerState} for
 * the paper's learners ({@code learn.paper.PaperLearner}), the weights {@code double[]} for the
 * authors' batch algorithms ({@code learn.batch.BatchAlgorithm}: a step is one batch step, its
 * queries are the step report's, its error NaN).
 *
 * @param <S> the state one iteration updates in place
 */
public interface Learner<S> {
  /** One line naming the learner, its settings, its step rule and its provenance tag. */
  String describe();

  /**
   * One iteration on {@code state}, in place, every random draw from {@code rng}.
   *
   * @return the reward queries the iteration spent (0 for a learner that reads labels)
   */
  long step(S state, RandomGenerator rng);

  /** The error {@code 1 - p_w(y*|x)} of the state's current iterate; NaN where none is defined. */
  double error(S state);

  /**
   * {@code T = iterations} iterations on {@code state} (updated in place), every draw from {@code
   * Seeds.stream(seed, 1)}. The paper's learners override this with their own loop (contexts
   * from stream 0, the random iterate recorded); the default has no random iterate.
   *
   * @throws ArithmeticException naming the iteration and the seed if a weight would become
   *     non-finite
   */
  default Run run(S state, long iterations, long seed) {
    Checks.positive("iterations", iterations);
    RandomGenerator rng = Seeds.stream(seed, 1);
    long queries = 0;
    for (long t = 1; t <= iterations; t++) {
      try {
        queries += step(state, rng);
      } catch (ArithmeticException e) {
        throw new ArithmeticException(describe() + " iteration " + t + " (seed " + seed + "): "
            + e.getMessage());
      }
    }
    return new Summary(describe(), seed, iterations, queries, error(state), Double.NaN);
  }

  /** What a run reports: its provenance, {@code T}, {@code Q} and the errors of its iterates. */
  interface Run {
    /** The learner's {@link Learner#describe()}. */
    String algorithm();

    long seed();

    /** {@code T}, the iterations run. */
    long iterations();

    /** {@code Q}, the reward queries spent. */
    long queries();

    /** The error of the last iterate. */
    double lastError();

    /** The error of the iterate at a uniform random {@code t in 1..T}; NaN where not tracked. */
    double randomIterateError();
  }

  /** The {@link Run} of the default loop. */
  record Summary(String algorithm, long seed, long iterations, long queries, double lastError,
      double randomIterateError) implements Run {
    public Summary {
      Checks.positive("iterations", iterations);
      Checks.nonNegative("queries", queries);
    }
  }
}
