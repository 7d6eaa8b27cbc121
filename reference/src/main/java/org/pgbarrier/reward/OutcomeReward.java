package org.pgbarrier.reward;

import java.util.Objects;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;

/**
 * The outcome reward: a verifier of the full response against {@code y*(x)}. Two forms:
 *
 * <pre>
 *   indicator:  r(x, y) = 1{y = y*(x)} in {0, 1}      [RECONSTRUCTED: the theory's form]
 *   signed:     r(x, y) = +1 if y = y*(x), else -1     [CODE: utils/training.py::outcome_reward_pg]
 * </pre>
 *
 * (docs/theory.md §2.3; "post-training with outcome rewards" is
 * [SOURCE: abstract, arXiv 2603.06957]). Every call is one query, charged to the {@link
 * QueryCounter} before the answer is computed ([RECONSTRUCTED, high confidence], §2.1: one
 * evaluation of {@code r} on one sampled full response). Malformed calls are refused before they
 * are charged.
 */
public final class OutcomeReward {
  private final QueryCounter counter;

  /** @param counter the counter every query is charged to */
  public OutcomeReward(QueryCounter counter) {
    this.counter = Objects.requireNonNull(counter, "counter");
  }

  public QueryCounter counter() {
    return counter;
  }

  /**
   * {@code 1{y = y*(x)}}; one query.
   *
   * @throws BudgetExhaustedException if the budget is spent
   */
  public double indicator(Labeled<?> context, int[] y) {
    return correct(context, y) ? 1.0 : 0.0;
  }

  /**
   * {@code +1} if {@code y = y*(x)}, else {@code -1} (the authors' reward); one query.
   *
   * @throws BudgetExhaustedException if the budget is spent
   */
  public double signed(Labeled<?> context, int[] y) {
    return correct(context, y) ? 1.0 : -1.0;
  }

  private boolean correct(Labeled<?> context, int[] y) {
    Checks.length("y", y.length, context.length());
    counter.charge(1);
    return context.isTarget(y);
  }
}
