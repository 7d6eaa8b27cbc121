package org.pgbarrier.reward;

/**
 * A reward query refused because it would exceed the query budget of its {@link QueryCounter}.
 * The refused queries are not answered and not counted.
 */
public final class BudgetExhaustedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long budget;
  private final long answered;
  private final long requested;

  BudgetExhaustedException(long budget, long answered, long requested) {
    super("reward query budget " + budget + " exhausted: " + answered
        + " queries answered, " + requested + " more requested");
    this.budget = budget;
    this.answered = answered;
    this.requested = requested;
  }

  /** The budget that was enforced. */
  public long budget() {
    return budget;
  }

  /** The queries answered before the refused request. */
  public long answered() {
    return answered;
  }

  /** The queries the refused request asked for. */
  public long requested() {
    return requested;
  }
}
