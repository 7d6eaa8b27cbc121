package org.pgbarrier.learn;

import org.pgbarrier.Checks;

/**
 * Per-coordinate Adagrad exactly as the authors run it: {@code torch.optim.Adagrad(params, lr)}
 * with every other argument at its default ({@code lr_decay = 0}, {@code weight_decay = 0},
 * {@code initial_accumulator_value = 0}, {@code eps = 1e-10}) [CODE: utils/training.py,
 * {@code supervised_train}, {@code outcome_reward_pg}, {@code process_reward_pg}; configs
 * {@code optimizer: torch.optim.Adagrad}; docs/theory.md §7.2]. Torch
 * minimises a loss with gradient {@code g}:
 *
 * <pre>
 *   G_j <- G_j + g_j^2,     w_j <- w_j - lr * g_j / (sqrt(G_j) + eps),
 * </pre>
 *
 * which for the ascent direction {@code d = -g} of {@link StepRule} is {@code w_j <- w_j + lr *
 * (d_j / (sqrt(G_j) + eps))} (torch's {@code addcdiv}: the quotient first, then the scale). The
 * state is the accumulator {@code G}, 0 at the start and sized on the first step; {@link
 * #fresh()} gives a new zero accumulator (the authors build a new optimiser per phase). The loss
 * is ignored. Not thread-safe: one instance per learner. Torch computes in float32, this class in
 * double.
 */
public final class Adagrad implements StepRule {
  /** torch's default {@code eps}. */
  public static final double EPS = 1e-10;

  private final double lr;
  private double[] accumulator;

  /** @param lr the learning rate, finite and {@code > 0} (the authors use 0.1) */
  public Adagrad(double lr) {
    this.lr = Checks.positive("lr", lr);
  }

  public double lr() {
    return lr;
  }

  /**
   * One Adagrad step along the ascent direction {@code d}, all or nothing.
   *
   * @throws IllegalArgumentException if the dimension differs from that of earlier steps
   * @throws ArithmeticException if an accumulator or a weight would become non-finite ({@code w}
   *     and the state are then unchanged)
   */
  @Override
  public void apply(double[] w, double[] direction, double loss) {
    Ascent.checkShapes(w, direction);
    if (accumulator == null) {
      accumulator = new double[w.length];
    }
    if (accumulator.length != w.length) {
      throw new IllegalArgumentException("w has length " + w.length + ": must have length "
          + accumulator.length + ", the dimension of this Adagrad state (use fresh())");
    }
    for (int j = 0; j < w.length; j++) {
      double g2 = accumulator[j] + direction[j] * direction[j];
      if (!Double.isFinite(g2) && Double.isFinite(direction[j])) {
        throw new ArithmeticException(describe() + ": the accumulator of w[" + j
            + "] overflows at direction[" + j + "] = " + direction[j]
            + "; weights left unchanged");
      }
      double next = moved(w[j], direction[j], g2);
      if (!Double.isFinite(next)) {
        throw Ascent.nonFinite(describe(), j, w[j], direction[j], next);
      }
    }
    for (int j = 0; j < w.length; j++) {
      accumulator[j] += direction[j] * direction[j];
      w[j] = moved(w[j], direction[j], accumulator[j]);
    }
  }

  /** {@code w_j + lr * (d_j / (sqrt(G_j) + eps))} for the updated accumulator {@code G_j}. */
  private double moved(double wj, double dj, double g2) {
    return wj + lr * (dj / (Math.sqrt(g2) + EPS));
  }

  /** A new Adagrad with the same {@code lr} and a zero accumulator. */
  @Override
  public StepRule fresh() {
    return new Adagrad(lr);
  }

  @Override
  public String describe() {
    return "Adagrad(lr=" + lr + ", eps=1e-10, lr_decay=0, weight_decay=0,"
        + " initial_accumulator_value=0) [CODE: torch.optim.Adagrad defaults]";
  }
}
