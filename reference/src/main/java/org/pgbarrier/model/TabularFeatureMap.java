package org.pgbarrier.model;

import org.pgbarrier.Checks;

/**
 * The tabular (orthogonal-state) map, instance family G1 of docs/theory.md §6.1 [RECONSTRUCTED test
 * design]:
 *
 * <pre>
 *   phi(x, y_<i, v) = e_{s(x, y_<i)} (x) e_v,   s = states[i] if y_<i = y*_<i(x), else the garbage state S,
 * </pre>
 *
 * with {@code S} correct-path states plus one garbage state, so {@code D = (S+1) k} and {@code
 * ||phi|| = 1}. There is no transfer between states: the weight block of state {@code s} is
 * {@code w[s*k .. s*k + k)}.
 */
public final class TabularFeatureMap implements FeatureMap<TabularContext> {
  private final int states;
  private final int k;

  /**
   * @param states the number {@code S} of correct-path states (the garbage state is {@code S})
   * @param k the vocabulary size
   */
  public TabularFeatureMap(int states, int k) {
    this.states = Checks.positive("states", states);
    this.k = Checks.atLeast("k", k, 2);
  }

  /** The number {@code S} of correct-path states; the garbage state has index {@code S}. */
  public int stateCount() {
    return states;
  }

  /** Index of the weight of token {@code v} in state {@code s}. */
  public int index(int s, int v) {
    return s * k + v;
  }

  @Override
  public int vocabularySize() {
    return k;
  }

  @Override
  public int dimension() {
    return (states + 1) * k;
  }

  private int state(TabularContext x, int[] y, int i) {
    return x.prefixCorrect(y, i) ? x.state(i) : states;
  }

  @Override
  public void features(TabularContext x, int[] y, int i, int v, double[] out) {
    java.util.Arrays.fill(out, 0, dimension(), 0.0);
    out[index(state(x, y, i), v)] = 1.0;
  }

  @Override
  public double featureNormBound(TabularContext x, int length) {
    return 1.0;
  }

  @Override
  public LogitScorer scorer(double[] w, TabularContext x) {
    return (y, i, out) -> System.arraycopy(w, index(state(x, y, i), 0), out, 0, k);
  }

  @Override
  public void addFeatureSums(TabularContext x, int[] y, int n, double[] coef, double[] acc) {
    boolean correct = true;
    for (int i = 0; i < n; i++) {
      int base = index(correct ? x.state(i) : states, 0);
      for (int v = 0; v < k; v++) {
        acc[base + v] += coef[i * k + v];
      }
      correct = correct && y[i] == x.targetAt(i);
    }
  }

  @Override
  public void validate(TabularContext x, int length) {
    Checks.length("states", x.states().length, length);
    for (int s : x.states()) {
      Checks.inRange("state", s, 0, states - 1);
    }
    Checks.tokens("target", x.target(), k);
  }
}
