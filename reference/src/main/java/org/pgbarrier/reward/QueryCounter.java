package org.pgbarrier.reward;

/**
 * Counts reward queries and optionally enforces a budget: a request that would take the count
 * above the budget is refused with a {@link BudgetExhaustedException}, all or nothing (nothing is
 * counted and the oracle answers nothing). What counts as one query is stated by each oracle
 * (docs/theory.md §2.4 [PAPER A,B]: one query is
 * one evaluation of the reward on one response or prefix).
 *
 * <p>Several oracles may share one counter, so that a learner using both outcome and process
 * rewards is charged against one budget. Not thread-safe: parallel work uses one counter per
 * task.
 */
public final class QueryCounter {
  /** The budget of {@link #unlimited()}. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  private final long budget;
  private long count;

  private QueryCounter(long budget) {
    this.budget = budget;
  }

  /** A counter with no budget. */
  public static QueryCounter unlimited() {
    return new QueryCounter(UNLIMITED);
  }

  /** A counter that answers at most {@code budget >= 0} queries. */
  public static QueryCounter withBudget(long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("budget = " + budget + ": must be at least 0");
    }
    return new QueryCounter(budget);
  }

  /**
   * Charges {@code queries >= 1} queries, or refuses them all.
   *
   * @throws BudgetExhaustedException if {@code count() + queries > budget()}; the count is then
   *     unchanged
   */
  public void charge(long queries) {
    if (queries < 1) {
      throw new IllegalArgumentException("queries = " + queries + ": must be at least 1");
    }
    if (queries > budget - count) {
      throw new BudgetExhaustedException(budget, count, queries);
    }
    count += queries;
  }

  /** The queries answered so far. */
  public long count() {
    return count;
  }

  /** The budget, {@link #UNLIMITED} if none. */
  public long budget() {
    return budget;
  }

  /** {@code budget() - count()}. */
  public long remaining() {
    return budget - count;
  }
}
