package org.pgbarrier.learn.batch;

import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.pgbarrier.learn.Learner;

/**
 * A batch algorithm of the authors' experiments (E1-E3, {@code utils/training.py}): a fixed
 * number of steps, each drawing a fresh batch and taking one optimiser step in place.
 *
 * <p>As a {@link Learner} on the weights, one iteration is one {@link #advance}: {@link #step}
 * returns its report's reward queries, and {@link #error} is NaN, since a batch algorithm carries
 * no test set (the experiments measure the test error of the weights themselves). Neither adds a
 * draw or arithmetic, so {@code run(w, T, seed)} and {@code T} advances from {@code
 * Seeds.stream(seed, 1)} give the same bits.
 *
 * @param <R> the per-step report
 */
public interface BatchAlgorithm<R extends BatchStep> extends Learner<double[]> {
  /** One step on {@code w}, in place, and its report. */
  R advance(double[] w, RandomGenerator rng);

  /** The number of steps of a {@link #run(double[], RandomGenerator)}. */
  int steps();

  /** One {@link #advance}; its reward queries. */
  @Override
  default long step(double[] w, RandomGenerator rng) {
    return advance(w, rng).queries();
  }

  /** NaN: a batch algorithm carries no error measure of the weights. */
  @Override
  default double error(double[] w) {
    return Double.NaN;
  }

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
      observer.accept(advance(w, rng));
    }
    return w;
  }
}
