package org.pgbarrier.reward;

import java.util.Arrays;
import java.util.Objects;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;

/**
 * The process reward (an accurate PRM): whether a prefix of the response is still correct. Two
 * forms, on the prefix {@code y_1..i} (0-based in code: {@code y[0..i)}):
 *
 * <pre>
 *   indicator:  r(x, y_1..i) = 1{y_1..i = y*_1..i(x)} in {0, 1}  [RECONSTRUCTED: theory form]
 *   signed:     r(x, y_1..i) = +1 if y_1..i = y*_1..i(x), else -1
 *                                                    [CODE: utils/training.py::process_reward_pg]
 * </pre>
 *
 * (docs/theory.md §2.3; "post-training with a process reward model"
 * is [SOURCE: abstract, arXiv 2603.06957]). The authors score every position of a sampled
 * response at once, {@code correct_prefix = cumprod(y == y*)}, which {@link
 * #signedPrefixRewards} reproduces.
 *
 * <p>Counting: {@link #indicator} and {@link #signed} are one query each ([RECONSTRUCTED], §2.2:
 * one PRM call on one prefix). {@link #signedPrefixRewards} scores {@code N} prefixes and is
 * charged {@code N} queries, one per position scored (our choice: the authors' code evaluates the
 * whole cumprod per sampled response and does not count queries). Charges are made before the
 * answer is computed, all or nothing; malformed calls are refused before they are charged.
 */
public final class ProcessReward {
  private final QueryCounter counter;

  /** @param counter the counter every query is charged to */
  public ProcessReward(QueryCounter counter) {
    this.counter = Objects.requireNonNull(counter, "counter");
  }

  public QueryCounter counter() {
    return counter;
  }

  /**
   * {@code 1{y[0..length) = y*[0..length)}}; one query. Only the first {@code length} entries of
   * {@code y} are read.
   *
   * @param length the prefix length {@code i}, in {@code [1, N]} and at most {@code y.length}
   * @throws BudgetExhaustedException if the budget is spent
   */
  public double indicator(Labeled<?> context, int[] y, int length) {
    return prefixCorrect(context, y, length) ? 1.0 : 0.0;
  }

  /**
   * {@code +1} if {@code y[0..length) = y*[0..length)}, else {@code -1}; one query.
   *
   * @param length the prefix length {@code i}, in {@code [1, N]} and at most {@code y.length}
   * @throws BudgetExhaustedException if the budget is spent
   */
  public double signed(Labeled<?> context, int[] y, int length) {
    return prefixCorrect(context, y, length) ? 1.0 : -1.0;
  }

  /**
   * The same {@code N} queries as {@link #signedPrefixRewards}, answered in count form: the
   * length {@code m} of the correct prefix of {@code y} (the first {@code i} with {@code y_i !=
   * y*_i}, or {@code N}), so that the signed prefix rewards are {@code +1} at the positions
   * {@code i < m} and {@code -1} from {@code m} on.
   *
   * @throws BudgetExhaustedException if fewer than {@code N} queries remain (none is charged)
   */
  public int correctPrefix(Labeled<?> context, int[] y) {
    int n = context.length();
    Checks.length("y", y.length, n);
    counter.charge(n);
    return context.correctPrefix(y);
  }

  /**
   * The authors' per-position rewards of a full response: {@code r[i] = +1} if {@code y[0..i] =
   * y*[0..i]}, else {@code -1}, for {@code i < N} (the signed cumprod of token matches); {@code N}
   * queries.
   *
   * @throws BudgetExhaustedException if fewer than {@code N} queries remain (none is charged)
   */
  public double[] signedPrefixRewards(Labeled<?> context, int[] y) {
    int n = context.length();
    int correct = correctPrefix(context, y);
    double[] r = new double[n];
    Arrays.fill(r, 0, correct, 1.0);
    Arrays.fill(r, correct, n, -1.0);
    return r;
  }

  private boolean prefixCorrect(Labeled<?> context, int[] y, int length) {
    Checks.inRange("length", length, 1, context.length());
    Checks.atLeast("y.length", y.length, "length", length);
    counter.charge(1);
    return context.correctPrefix(y) >= length;
  }
}
