package org.pgbarrier.learn;

import org.pgbarrier.Checks;

/**
 * The paper's adaptive step ({@code docs/theory.md §4.1}):
 *
 * <pre>
 *   eta_t = 1 / (4 + 2 ||g_t||^2),     w <- w + eta_t g_t,
 * </pre>
 *
 * with {@code g_t} the direction being reinforced, e.g. {@code grad_w log p_{w_t}(y_t | x_t)} at
 * the response actually reinforced, every block of {@code w} in the norm [PAPER A, single source
 * for the formula; B names a "gradient-norm adaptive step"]. There is no tunable base rate. Two
 * exact consequences [INFERRED, elementary]: {@code eta_t <= 1/4} and {@code eta_t ||g_t||^2 <
 * 1/2}. The loss passed to {@link #apply} is ignored. Stateless.
 *
 * <p>The loss-normalised {@link LossNormalisedStep} is our reconstruction, not this rule; {@link
 * ConstantStep} is the constant-step comparison of Prop 2.2 ({@code docs/theory.md §4.5}).
 */
public final class GradientNormStep implements StepRule {
  /** The one instance: the rule has no parameter and no state. */
  public static final GradientNormStep INSTANCE = new GradientNormStep();

  private GradientNormStep() {}

  /**
   * {@code 1 / (4 + 2 normSquared)}, the step at a direction of squared norm {@code normSquared}.
   *
   * @param normSquared {@code ||g||^2}, finite and {@code >= 0}
   * @throws IllegalArgumentException if {@code normSquared} is negative or not finite
   */
  public static double eta(double normSquared) {
    Checks.nonNegative("normSquared", normSquared);
    return 1.0 / (4.0 + 2.0 * normSquared);
  }

  /**
   * {@code w <- w + d / (4 + 2 ||d||^2)}.
   *
   * @throws ArithmeticException if {@code ||d||^2} overflows or a weight would become non-finite
   *     ({@code w} is then unchanged)
   */
  @Override
  public void apply(double[] w, double[] direction, double loss) {
    Ascent.checkShapes(w, direction);
    double normSquared = 0;
    for (int j = 0; j < direction.length; j++) {
      normSquared += direction[j] * direction[j];
    }
    if (!Double.isFinite(normSquared)) {
      for (int j = 0; j < direction.length; j++) {
        if (!Double.isFinite(direction[j])) {
          throw Ascent.nonFinite(describe(), j, w[j], direction[j], Double.NaN);
        }
      }
      throw new ArithmeticException(describe() + ": ||direction||^2 overflows; weights left"
          + " unchanged");
    }
    Ascent.addScaled(describe(), w, direction, eta(normSquared));
  }

  /** This rule: it has no state. */
  @Override
  public StepRule fresh() {
    return this;
  }

  @Override
  public String describe() {
    return "GradientNormStep [PAPER A: eta_t = 1/(4 + 2||g_t||^2)]";
  }
}
