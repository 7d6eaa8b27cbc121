package org.pgbarrier.learn;

/**
 * The paper's adaptive step (docs/theory.md §4.1) [PAPER A (formula), B ("gradient-norm adaptive
 * step")]:
 *
 * <pre>
 *   w <- w + eta_t g_t,      eta_t = 1 / (4 + 2 ||g_t||^2),
 * </pre>
 *
 * with {@code g_t} the ascent direction, the gradient of the reinforced log-likelihood at the
 * current weights (for a response {@code y}: {@code grad_w log p_w(y|x)}; with per-token
 * advantages: {@code sum_i a_i grad_w log p_w(y_i|x, y_<i)}), the norm taken over every coordinate
 * of {@code w}. There is no tunable base rate; {@code eta_t <= 1/4} and {@code eta_t ||g_t||^2 <
 * 1/2} [INFERRED, exact]. Stateless; the loss is ignored.
 */
public final class GradientNormStep implements StepRule {
  /** {@code eta = 1 / (4 + 2 ||direction||^2)}. */
  public static double eta(double[] direction) {
    double squared = 0;
    for (double d : direction) {
      squared += d * d;
    }
    return 1.0 / (4.0 + 2.0 * squared);
  }

  /**
   * {@code w <- w + eta d} with {@code eta = 1 / (4 + 2 ||d||^2)}.
   *
   * @throws ArithmeticException if a weight would become non-finite ({@code w} is then unchanged)
   */
  @Override
  public void apply(double[] w, double[] direction, double loss) {
    Ascent.addScaled(describe(), w, direction, eta(direction));
  }

  /** This rule: it has no state. */
  @Override
  public StepRule fresh() {
    return this;
  }

  @Override
  public String describe() {
    return "GradientNormStep(eta=1/(4+2||g||^2))";
  }
}
