package org.pgbarrier.learn.paper;

import java.util.random.RandomGenerator;

/**
 * What a {@link LearnerState} keeps the same way whatever computes its likelihoods: the sizes
 * {@code k} and {@code N}, the context law {@code mu} and its draws, the weights {@code w}, {@code
 * ||g||^2} of the last update, and the random-iterate error {@code (1/T) sum_t err(w_t)} as a
 * compensated running sum ({@code docs/theory.md §4.2}). {@link ClusterLearnerState} and {@link
 * ModelLearnerState} extend it; the fields are read directly in their hot loops.
 */
abstract class AbstractLearnerState implements LearnerState {
  /** {@code k}. */
  final int k;

  /** {@code N}. */
  final int length;

  /** {@code mu_c}, in context order. */
  final double[] masses;

  /** The current weights {@code w}, updated in place. */
  final double[] w;

  private final Steps.Masses draw;
  private double lastNormSquared;
  private long recorded;
  private final Steps.Sum errorSum = new Steps.Sum();

  /**
   * @param k the vocabulary size
   * @param length {@code N}
   * @param masses {@code mu_c} (kept, not copied)
   * @param w1 the initial weights (a copy is kept)
   */
  AbstractLearnerState(int k, int length, double[] masses, double[] w1) {
    this.k = k;
    this.length = length;
    this.masses = masses;
    this.w = w1.clone();
    this.draw = new Steps.Masses(masses);
  }

  @Override
  public final int vocabularySize() {
    return k;
  }

  @Override
  public final int length() {
    return length;
  }

  @Override
  public final int contextCount() {
    return masses.length;
  }

  @Override
  public final double mass(int c) {
    return masses[c];
  }

  @Override
  public final int drawContext(RandomGenerator rng) {
    return draw.draw(rng);
  }

  /** Records {@code ||g||^2} of the update just taken, for {@link #lastNormSquared()}. */
  final void setLastNormSquared(double normSquared) {
    lastNormSquared = normSquared;
  }

  @Override
  public final double lastNormSquared() {
    return lastNormSquared;
  }

  /** Counts the iterate {@code w_t} and adds its error {@code err(w_t)} to the running sum. */
  final void addIterateError(double error) {
    recorded++;
    errorSum.add(error);
  }

  /** Forgets the recorded iterates; a subclass that keeps per-context sums clears them too. */
  @Override
  public void resetIterates() {
    recorded = 0;
    errorSum.reset();
  }

  @Override
  public final long recordedIterates() {
    return recorded;
  }

  @Override
  public final double randomIterateError() {
    return recorded == 0 ? Double.NaN : errorSum.value() / recorded;
  }

  @Override
  public final double[] weights() {
    return w.clone();
  }
}
