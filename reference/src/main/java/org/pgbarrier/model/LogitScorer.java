package org.pgbarrier.model;

/**
 * Logits of one context under fixed weights: {@code out[v] = <w, phi(x, y[0..i), v)>}. Created
 * once per sequence so that per-context work (for the bigram map, {@code W1^T x}) is done once.
 */
@FunctionalInterface
public interface LogitScorer {
  /** Writes the {@code k} logits of position {@code i} given the prefix {@code y[0..i)}. */
  void logits(int[] y, int i, double[] out);
}
