package org.pgbarrier.learn.paper;

import java.util.random.RandomGenerator;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.StepRule;

/**
 * SGD on labelled samples, Prop 2.2 of the paper ({@code docs/theory.md §4.5}) [PAPER B; step rule
 * PAPER A]: a fresh labelled sample per step (batch 1),
 *
 * <pre>
 *   (x_t, y*_t) ~ D;  g = grad_w log p_{w_t}(y*_t | x_t);  w_{t+1} = w_t + g / (4 + 2||g||^2)
 * </pre>
 *
 * or, with {@link org.pgbarrier.learn.ConstantStep}, {@code w_{t+1} = w_t + eta g} (the paper
 * does not state {@code eta}). No reward query ({@code Q = 0}); {@code labels = T}. It is PG-OR
 * with teacher-forcing behaviour {@code q_t = delta_{y*}} [INFERRED].
 */
public final class LabelledSgd extends PaperLearner {
  private final StepRule step;

  private LabelledSgd(StepRule step) {
    this.step = Steps.check(step);
  }

  /** SGD with the gradient-norm step. */
  public static LabelledSgd adaptive() {
    return new LabelledSgd(GradientNormStep.INSTANCE);
  }

  /** SGD with {@code step} (gradient-norm or constant). */
  public static LabelledSgd of(StepRule step) {
    return new LabelledSgd(step);
  }

  @Override
  protected void iterate(LearnerState s, int c, RandomGenerator rng, Counters counters) {
    counters.labels++;
    s.reinforce(c, s.length(), step, 1.0);
    counters.updates++;
  }

  @Override
  public String describe() {
    return "LabelledSgd(step=" + step.describe() + ") [PAPER B Prop 2.2, docs/theory.md §4.5]";
  }
}
