package org.pgbarrier.reward;

import java.util.concurrent.atomic.AtomicLong;
import org.pgbarrier.Checks;

/**
 * Counts reward queries and optionally enforces a budget: a request that would take the count
 * above the budget is refused with a {@link BudgetExhaustedException}, all or nothing (nothing is
 * counted and the oracle answers nothing). What counts as one query is stated by each oracle
 * (docs/theory.md §2.4 [PAPER A,B]: one query is
 * one evaluation of the reward on one response or prefix).
 *
 * <p>Several oracles may share one counter, so that a learner using both outcome and process
 * rewards is charged against one budget. Thread-safe: a behaviour that queries a reward while the
 * responses of a batch are generated on several worker threads (best-of-m, {@code
 * learn.behaviour.BestOfMBehaviour}) charges one counter from all of them. Each charge is one
 * compare-and-set, so no charge is lost and the count after the batch is the sum of its charges,
 * the same integer at any thread count (integer addition does not depend on the order). The
 * budget is never exceeded; when several threads race for its last queries, which of them is
 * refused depends on the schedule (a refusal ends the run in any case).
 */
public final class QueryCounter {
  /** The budget of {@link #unlimited()}. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  private final long budget;
  private final AtomicLong count = new AtomicLong();

  private QueryCounter(long budget) {
    this.budget = budget;
  }

  /** A counter with no budget. */
  public static QueryCounter unlimited() {
    return new QueryCounter(UNLIMITED);
  }

  /** A counter that answers at most {@code budget >= 0} queries. */
  public static QueryCounter withBudget(long budget) {
    Checks.nonNegative("budget", budget);
    return new QueryCounter(budget);
  }

  /**
   * Charges {@code queries >= 1} queries, or refuses them all.
   *
   * @throws BudgetExhaustedException if {@code count() + queries > budget()}; the count is then
   *     unchanged
   */
  public void charge(long queries) {
    Checks.positive("queries", queries);
    while (true) {
      long before = count.get();
      if (queries > budget - before) {
        throw new BudgetExhaustedException(budget, before, queries);
      }
      if (count.compareAndSet(before, before + queries)) {
        return;
      }
    }
  }

  /** The queries answered so far. */
  public long count() {
    return count.get();
  }

  /** The budget, {@link #UNLIMITED} if none. */
  public long budget() {
    return budget;
  }

  /** {@code budget() - count()}. */
  public long remaining() {
    return budget - count.get();
  }
}
