package org.pgbarrier.learn.batch;

import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A batch algorithm of the authors' experiments (E1-E3, {@code utils/training.py}): a fixed
 * number of steps, each drawing a fresh batch and taking one optimiser step in place.
 *
 * @param <R> the per-step report
 */
public interface BatchAlgorithm<R> {
  /** One step on {@code w}, in place. */
  R step(double[] w, RandomGenerator rng);

  /** The number of steps of a {@link #run}. */
  int steps();

  /** One line naming the algorithm, its settings and its step rule. */
  String describe();

  /** {@link #run(double[], RandomGenerator, Consumer)} without an observer. */
  default double[] run(double[] w0, RandomGenerator rng) {
    return run(w0, rng, report -> {});
  }

  /**
   * {@link #steps()} steps from a copy of {@code w0}; {@code observer} sees every step's report,
   * in order.
   *
   * @return the final weights
   */
  default double[] run(double[] w0, RandomGenerator rng, Consumer<? super R> observer) {
    double[] w = w0.clone();
    for (int s = 0; s < steps(); s++) {
      observer.accept(step(w, rng));
    }
    return w;
  }
}
