package org.pgbarrier.learn.paper;

import org.pgbarrier.Checks;
import org.pgbarrier.learn.Learner;

/**
 * One run of a paper learner ({@code docs/theory.md §2.4-2.5}): the two counters, the exact errors
 * and the provenance.
 *
 * <p>Identities: {@code queries = iterations + explorationQueries} for the reward-driven learners
 * (PG loop: {@code explorationQueries = 0}; Algorithm 1: {@code sum_t J_t}; Algorithm 2: the PRM
 * walk draws); SGD makes no reward query ({@code queries = 0}) and uses {@code labels =
 * iterations} labelled samples.
 *
 * @param algorithm the learner's {@code describe()}
 * @param instance the problem's {@code describe()}
 * @param seed the run's seed (contexts: {@code Seeds.stream(seed, 0)}, responses: stream 1)
 * @param iterations {@code T}, iterations (updates attempted), one fresh context each
 * @param queries {@code Q}, reward queries
 * @param explorationQueries queries after the first of each iteration
 * @param labels labelled samples used (SGD), else 0
 * @param updates iterations whose weights changed
 * @param initialError {@code err(w_1)}
 * @param lastError {@code err(w_{T+1})}, the last iterate's error
 * @param randomIterateError {@code E_tau err = (1/T) sum_{t=1..T} err(w_t)}, {@code tau} uniform
 *     on {@code 1..T} [PAPER B: random iterate; uniform law INFERRED]
 * @param expectedMistakes {@code M_T = sum_t (1 - p_{w_t}(y*(x_t) | x_t))} over the drawn
 *     contexts [INFERRED definition of Remark 3.3's mistakes]
 * @param contextRandomIterateErrors per context {@code c}: {@code (1/T) sum_t (1 - p_{w_t}(y*_c |
 *     x_c))} (conditional errors of groups are mass-weighted averages of these)
 * @param weights the last iterate {@code w_{T+1}}
 * @param trace checkpoints, empty when not requested
 */
public record PaperRun(
    String algorithm,
    String instance,
    long seed,
    long iterations,
    long queries,
    long explorationQueries,
    long labels,
    long updates,
    double initialError,
    double lastError,
    double randomIterateError,
    double expectedMistakes,
    double[] contextRandomIterateErrors,
    double[] weights,
    Trace trace) implements Learner.Run {

  public PaperRun {
    Checks.positive("iterations", iterations);
    Checks.nonNegative("explorationQueries", explorationQueries);
    Checks.atLeast("queries", queries, "explorationQueries", explorationQueries);
    Checks.inRange("updates", updates, 0, iterations);
    Checks.nonNegative("labels", labels);
    error("initialError", initialError);
    error("lastError", lastError);
    error("randomIterateError", randomIterateError);
    Checks.nonNegative("expectedMistakes", expectedMistakes);
    contextRandomIterateErrors = contextRandomIterateErrors.clone();
    for (int c = 0; c < contextRandomIterateErrors.length; c++) {
      error("contextRandomIterateErrors[" + c + "]", contextRandomIterateErrors[c]);
    }
    weights = Checks.finite("weights", weights.clone());
    if (trace == null) {
      throw new IllegalArgumentException("trace = null: must be a Trace (possibly empty)");
    }
  }

  private static void error(String name, double value) {
    // 1 - p in [0, 1]; a mass-weighted sum may exceed 1 by the masses' tolerance (1e-9)
    Checks.inRange(name, value, 0.0, 1.0 + 1e-9);
  }

  @Override
  public double[] contextRandomIterateErrors() {
    return contextRandomIterateErrors.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /**
   * Checkpoints after iterations {@code t} (every {@code traceEvery}-th and the last).
   *
   * @param iterations {@code t}
   * @param queries {@code Q} after iteration {@code t}
   * @param lastError {@code err(w_{t+1})}
   * @param randomIterateError {@code (1/t) sum_{s <= t} err(w_s)}
   */
  public record Trace(
      long[] iterations, long[] queries, double[] lastError, double[] randomIterateError) {
    public Trace {
      int n = iterations.length;
      Checks.length("queries", queries.length, n);
      Checks.length("lastError", lastError.length, n);
      Checks.length("randomIterateError", randomIterateError.length, n);
      iterations = iterations.clone();
      queries = queries.clone();
      lastError = lastError.clone();
      randomIterateError = randomIterateError.clone();
    }

    /** No checkpoint. */
    public static Trace empty() {
      return new Trace(new long[0], new long[0], new double[0], new double[0]);
    }

    public int size() {
      return iterations.length;
    }

    @Override
    public long[] iterations() {
      return iterations.clone();
    }

    @Override
    public long[] queries() {
      return queries.clone();
    }

    @Override
    public double[] lastError() {
      return lastError.clone();
    }

    @Override
    public double[] randomIterateError() {
      return randomIterateError.clone();
    }
  }
}
