package org.pgbarrier.learn.behaviour;

import java.util.Objects;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.reward.ProcessReward;

/**
 * Per-token best-of-m with the process reward (the authors' {@code BoMProcessPolicy(base_policy,
 * m)} [CODE: utils/behavior_policy.py]; docs/theory.md §7.3): at each
 * position {@code i}, draw {@code m} candidate tokens {@code v_1..v_m} from the wrapped behaviour
 * given the prefix {@code y_<i} generated so far, ask the PRM whether {@code (y_<i, v_j)} is a
 * correct prefix, and emit
 *
 * <pre>
 *   y_i = the first v_j with PRM(x, y_<i, v_j) = 1,   or v_m (the last candidate) if there is none.
 * </pre>
 *
 * Both the first-correct and the last-otherwise rule are the authors' [CODE]. All {@code m}
 * candidates are drawn and queried even after a correct one is found, as in the authors'
 * vectorised loop [CODE], so the cost is fixed: per token, {@code m} times the wrapped
 * behaviour's draws and exactly {@code m} process-reward queries ({@link ProcessReward#indicator}
 * on the prefix of length {@code i + 1}, one query each; the authors do not count queries, this
 * charge is ours [RECONSTRUCTED, §2.2: one PRM call on one prefix is one query]). Once the prefix
 * has gone wrong no candidate can be correct, and the last one is kept. A query refused by the
 * budget propagates as {@link org.pgbarrier.reward.BudgetExhaustedException}.
 *
 * @param <X> the context type
 */
public final class BestOfMBehaviour<X> implements BehaviourPolicy<X> {
  private final BehaviourPolicy<X> wrapped;
  private final int m;
  private final ProcessReward prm;

  /**
   * @param wrapped the candidate sampler (on-policy for "draw from {@code p_w}")
   * @param m candidates per token, at least 1
   * @param prm the process reward every candidate is scored by (its counter is charged)
   */
  public BestOfMBehaviour(BehaviourPolicy<X> wrapped, int m, ProcessReward prm) {
    this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
    this.m = Checks.positive("m", m);
    this.prm = Objects.requireNonNull(prm, "prm");
  }

  public int m() {
    return m;
  }

  /** Writes each candidate into {@code y[i]} to query the PRM on {@code y[0..i]}. */
  @Override
  public TokenSampler start(double[] w, Labeled<X> context) {
    TokenSampler inner = wrapped.start(w, context);
    return (y, i, rng) -> {
      int kept = -1;
      int candidate = 0;
      for (int j = 0; j < m; j++) {
        candidate = inner.next(y, i, rng);
        y[i] = candidate;
        if (prm.indicator(context, y, i + 1) == 1.0 && kept < 0) {
          kept = candidate;
        }
      }
      return kept >= 0 ? kept : candidate;
    };
  }

  @Override
  public int vocabularySize() {
    return wrapped.vocabularySize();
  }

  @Override
  public String describe() {
    return "best-of-m per token (m=" + m + ", first PRM-correct else last, candidates from "
        + wrapped.describe() + ") [CODE: BoMProcessPolicy]";
  }
}
