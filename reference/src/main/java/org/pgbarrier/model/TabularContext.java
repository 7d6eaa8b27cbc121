package org.pgbarrier.model;

import org.pgbarrier.Checks;

/**
 * A context of the tabular map: the state {@code states[i]} visited at position {@code i} while
 * the prefix is correct, and the correct response {@code target} that decides correctness.
 */
public record TabularContext(int[] states, int[] target) {
  public TabularContext {
    Checks.equal("states.length", states.length, "target.length", target.length);
    states = states.clone();
    target = target.clone();
  }

  @Override
  public int[] states() {
    return states.clone();
  }

  @Override
  public int[] target() {
    return target.clone();
  }

  int state(int i) {
    return states[i];
  }

  int targetAt(int i) {
    return target[i];
  }

  /** True iff {@code y[0..i) == target[0..i)}. */
  boolean prefixCorrect(int[] y, int i) {
    for (int j = 0; j < i; j++) {
      if (y[j] != target[j]) {
        return false;
      }
    }
    return true;
  }
}
