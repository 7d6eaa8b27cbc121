package org.pgbarrier.learn.paper;

import java.util.random.RandomGenerator;
import org.pgbarrier.learn.StepRule;

/**
 * What a {@link LearnerState} keeps the same way whatever computes its likelihoods: the sizes
 * {@code k} and {@code N}, the context law {@code mu} and its draws, the weights {@code w} and the
 * step of {@link LearnerState#reinforce} on them, {@code ||g||^2} of the last update, and the
 * random-iterate error {@code (1/T) sum_t err(w_t)} as a compensated running sum ({@code
 * docs/theory.md §4.2}). {@link ClusterLearnerState} and {@link
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

  /**
   * The step of {@link LearnerState#reinforce}: {@code w[from + j] <- w[from + j] + factor * eta *
   * g[j]} for {@code j < count}, with {@code eta} the step of {@code rule} at {@code ||g||^2 =
   * normSquared} ({@link Steps#eta}). All or nothing: the new weights are checked first, so a
   * refused step leaves {@code w} and {@link #lastNormSquared()} unchanged.
   *
   * @param g the direction, its first {@code count} entries for the weights from {@code from} on
   * @return {@code eta}
   * @throws ArithmeticException if a weight would become non-finite
   */
  final double takeStep(
      StepRule rule, double factor, double normSquared, double[] g, int from, int count) {
    double eta = Steps.eta(rule, normSquared);
    double step = factor * eta;
    for (int j = 0; j < count; j++) {
      double next = w[from + j] + step * g[j];
      if (!Double.isFinite(next)) {
        throw nonFinite(rule, from + j, next, factor, normSquared);
      }
    }
    for (int j = 0; j < count; j++) {
      w[from + j] += step * g[j];
    }
    lastNormSquared = normSquared;
    return eta;
  }

  private static ArithmeticException nonFinite(
      StepRule rule, int j, double next, double factor, double normSquared) {
    return new ArithmeticException(rule.describe() + ": the step would set w[" + j + "] = " + next
        + " (factor " + factor + ", ||g||^2 = " + normSquared + "); weights left unchanged");
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
