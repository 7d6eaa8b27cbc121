package org.pgbarrier.model;

import org.pgbarrier.kernel.OuterProductSum;

/**
 * The held first-block terms {@code dW1 += x g^T} of the bigram scores of a group of workspaces
 * ({@link SequenceScorer#workspaces}): each accumulator's terms are kept in the order they came
 * and applied together by {@link OuterProductSum}, which gives the bits of applying them one by
 * one in that order while loading and storing the block once per {@value #CAPACITY} terms instead
 * of once per term. Terms for up to {@value #SLOTS} accumulators are held at once (a learner's
 * lane has one or two); a term for another accumulator, or a full slot, applies what is held.
 */
final class DeferredFirstBlock {
  /** Terms held per accumulator before they are applied. */
  static final int CAPACITY = 64;

  /** Accumulators held at once. */
  static final int SLOTS = 4;

  private final int d;
  private final int k;
  private final double[][] targets = new double[SLOTS][];
  private final double[][] xs = new double[SLOTS][];
  private final double[][] gs = new double[SLOTS][];
  private final int[] held = new int[SLOTS];
  private int slots;

  DeferredFirstBlock(int d, int k) {
    this.d = d;
    this.k = k;
  }

  /** Holds {@code acc[j k + v] += x[j] g[v]}; {@code x} and {@code g} are copied. */
  void add(double[] x, double[] g, double[] acc) {
    int s = slot(acc);
    System.arraycopy(x, 0, xs[s], held[s] * d, d);
    System.arraycopy(g, 0, gs[s], held[s] * k, k);
    if (++held[s] == CAPACITY) {
      apply(s);
    }
  }

  /** Applies every held term; the accumulators are then complete. */
  void flush() {
    for (int s = 0; s < slots; s++) {
      apply(s);
      targets[s] = null;
    }
    slots = 0;
  }

  private int slot(double[] acc) {
    for (int s = 0; s < slots; s++) {
      if (targets[s] == acc) {
        return s;
      }
    }
    if (slots == SLOTS) {
      flush();
    }
    int s = slots++;
    targets[s] = acc;
    if (xs[s] == null) {
      xs[s] = new double[CAPACITY * d];
      gs[s] = new double[CAPACITY * k];
    }
    return s;
  }

  private void apply(int s) {
    if (held[s] > 0) {
      OuterProductSum.addInPlace(xs[s], gs[s], held[s], d, k, targets[s], 0);
      held[s] = 0;
    }
  }
}
