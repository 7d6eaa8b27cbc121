package org.pgbarrier.learn;

import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * The per-sample run of a learner that spends reward queries in attempts, a round of {@link
 * ReconstructedRejectionPg} or a pass of {@link ReconstructedProcessPg} (docs/theory.md §8.1
 * [RECONSTRUCTED]): attempts on one context from {@code w0} until
 *
 * <pre>
 *   p_w(y*|x) >= 1 - eps,   tested as   log p_w(y*|x) >= log1p(-eps),
 * </pre>
 *
 * or until {@code maxQueries} are spent. The test is made before the first attempt and after
 * every attempt that stepped (never in the middle of one; an attempt that did not step leaves
 * {@code w}, and so the test, as it was). Each attempt is capped at the queries left, so the last
 * may be cut short and the run spends at most {@code maxQueries}.
 */
final class RunUntilTarget {
  private RunUntilTarget() {}

  /** One attempt on {@code w}, updated in place, spending at most {@code cap >= 1} queries. */
  @FunctionalInterface
  interface Attempt {
    Spent spend(double[] w, long cap);
  }

  /**
   * What one attempt spent and did.
   *
   * @param queries the queries spent, at most {@code cap}
   * @param found whether the attempt found the whole of {@code y*}
   * @param stepped whether the attempt changed {@code w}
   */
  record Spent(long queries, boolean found, boolean stepped) {}

  /**
   * The run.
   *
   * @param queries the queries spent (at most {@code maxQueries})
   * @param attempts the attempts started
   * @param firstFound the query index (1-based) at the end of the first attempt that found {@code
   *     y*}, 0 if none did
   * @param reached whether {@code p_w(y*|x) >= 1 - eps} was reached
   * @param weights the final weights
   */
  record Tally(long queries, long attempts, long firstFound, boolean reached, double[] weights) {}

  /**
   * Runs {@code attempt} on {@code context} from {@code w0} (not modified).
   *
   * @param eps the target error, in (0, 1)
   * @param maxQueries the query cap, at least 0
   */
  static <X> Tally run(LinearAutoregressiveModel<X> model, double[] w0, Labeled<X> context,
      double eps, long maxQueries, Attempt attempt) {
    Checks.length("w0", w0.length, model.dimension());
    Checks.openUnit("eps", eps);
    Checks.nonNegative("maxQueries", maxQueries);
    double[] w = w0.clone();
    double threshold = Math.log1p(-eps);
    long queries = 0;
    long attempts = 0;
    long firstFound = 0;
    boolean reached = model.logLikelihood(w, context.x(), context.target()) >= threshold;
    while (!reached && queries < maxQueries) {
      Spent spent = attempt.spend(w, maxQueries - queries);
      queries += spent.queries();
      attempts++;
      if (spent.found() && firstFound == 0) {
        firstFound = queries;
      }
      if (spent.stepped()) {
        reached = model.logLikelihood(w, context.x(), context.target()) >= threshold;
      }
    }
    return new Tally(queries, attempts, firstFound, reached, w);
  }
}
