package org.pgbarrier.learn;

import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;
import org.pgbarrier.learn.batch.BatchAlgorithm;
import org.pgbarrier.learn.batch.OutcomeReinforce;
import org.pgbarrier.learn.batch.PolicyGradientStep;
import org.pgbarrier.learn.batch.ProcessReinforce;
import org.pgbarrier.learn.batch.SupervisedCrossEntropy;
import org.pgbarrier.learn.batch.SupervisedStep;

/**
 * An authors' batch algorithm (E1-E3, {@code learn.batch}) as a {@link Learner} on the weights:
 * a {@link #step} is one of its batch steps, its queries are the step report's, and its error is
 * the caller's measure of the weights (the batch algorithms carry none; NaN when absent). The
 * algorithm's own {@link BatchAlgorithm#run} is unchanged: this adapter adds no draw and no
 * arithmetic, so {@code run(w, T, seed)} and {@code T} steps of the algorithm from the same
 * generator give the same bits.
 *
 * @param <R> the algorithm's per-step report
 */
public final class BatchLearner<R> implements Learner<double[]> {
  private final BatchAlgorithm<R> algorithm;
  private final ToLongFunction<? super R> queries;
  private final ToDoubleFunction<double[]> error;

  /**
   * @param algorithm the batch algorithm
   * @param queries the reward queries of one step's report
   * @param error the error of weights {@code w} (for example the mean of {@code 1 - p_w(y*|x)}
   *     over a test set), or {@code w -> Double.NaN}
   */
  public BatchLearner(BatchAlgorithm<R> algorithm, ToLongFunction<? super R> queries,
      ToDoubleFunction<double[]> error) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The authors' outcome-reward REINFORCE; queries from its {@link PolicyGradientStep}. */
  public static BatchLearner<PolicyGradientStep> of(
      OutcomeReinforce<?> algorithm, ToDoubleFunction<double[]> error) {
    return new BatchLearner<>(algorithm, PolicyGradientStep::queries, error);
  }

  /** The authors' process-reward REINFORCE; queries from its {@link PolicyGradientStep}. */
  public static BatchLearner<PolicyGradientStep> of(
      ProcessReinforce<?> algorithm, ToDoubleFunction<double[]> error) {
    return new BatchLearner<>(algorithm, PolicyGradientStep::queries, error);
  }

  /** The authors' supervised cross-entropy: it reads labels, so no reward query. */
  public static BatchLearner<SupervisedStep> of(
      SupervisedCrossEntropy<?> algorithm, ToDoubleFunction<double[]> error) {
    return new BatchLearner<>(algorithm, step -> 0L, error);
  }

  /** The wrapped algorithm. */
  public BatchAlgorithm<R> algorithm() {
    return algorithm;
  }

  @Override
  public String describe() {
    return algorithm.describe();
  }

  @Override
  public long step(double[] w, RandomGenerator rng) {
    return queries.applyAsLong(algorithm.step(w, rng));
  }

  @Override
  public double error(double[] w) {
    return error.applyAsDouble(w);
  }
}
