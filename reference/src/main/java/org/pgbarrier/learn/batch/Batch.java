package org.pgbarrier.learn.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * The buffers of one batch learner, reused across its steps: the {@code B} contexts drawn, their
 * targets, the responses ({@code B x N}, policy gradient only) and the ascent
 * direction ({@code D}); plus the step bookkeeping every batch learner shares (the step counter,
 * the finiteness check and the call to the step rule).
 */
final class Batch<X> {
  final String algorithm;
  final LinearAutoregressiveModel<X> model;
  final int size;
  final int length;
  final List<Labeled<X>> contexts;
  final int[][] targets;
  final int[][] responses;
  final double[] direction;
  private final StepRule rule;
  private int stepsTaken;

  /**
   * @param responses whether to allocate the response buffers (policy gradient only)
   */
  Batch(String algorithm, LinearAutoregressiveModel<X> model, int size, StepRule rule,
      boolean responses) {
    this.algorithm = algorithm;
    this.model = model;
    this.size = size;
    this.length = model.length();
    this.contexts = new ArrayList<>(size);
    this.targets = new int[size][];
    this.responses = responses ? new int[size][length] : null;
    this.direction = new double[model.dimension()];
    this.rule = rule.fresh();
  }

  /** The number of steps applied so far. */
  int stepsTaken() {
    return stepsTaken;
  }

  /**
   * Starts step {@code stepsTaken() + 1}: checks {@code w}, draws {@code B} fresh labelled
   * contexts from {@code D} in order (one {@code sample(rng)} each) and zeroes the direction.
   */
  void begin(double[] w, ContextDistribution<X> distribution, RandomGenerator rng) {
    Checks.length("w", w.length, model.dimension());
    contexts.clear();
    for (int b = 0; b < size; b++) {
      Labeled<X> context = distribution.sample(rng);
      int[] target = context.target();
      Checks.length("target of context " + b, target.length, length);
      contexts.add(context);
      targets[b] = target;
    }
    Arrays.fill(direction, 0.0);
  }

  /**
   * Ends the step: refuses a non-finite loss or direction, then applies {@code rule} at {@code
   * ruleLoss}; any {@link ArithmeticException} names the algorithm and the step, and leaves
   * {@code w} unchanged.
   *
   * @return the index of the step just applied
   */
  int apply(double[] w, double loss, double ruleLoss) {
    int step = stepsTaken + 1;
    if (!Double.isFinite(loss) || !Double.isFinite(ruleLoss)) {
      throw refused(step, "loss = " + loss + ", mean token NLL = " + ruleLoss + " is not finite");
    }
    for (int j = 0; j < direction.length; j++) {
      if (!Double.isFinite(direction[j])) {
        throw refused(step, "direction[" + j + "] = " + direction[j] + " is not finite");
      }
    }
    try {
      rule.apply(w, direction, ruleLoss);
    } catch (ArithmeticException e) {
      throw refused(step, e.getMessage());
    }
    stepsTaken = step;
    return step;
  }

  private ArithmeticException refused(int step, String why) {
    return new ArithmeticException(
        algorithm + ", step " + step + ": " + why + "; weights left unchanged");
  }

  /** One line naming the step rule, for provenance. */
  String describeRule() {
    return rule.describe();
  }
}
