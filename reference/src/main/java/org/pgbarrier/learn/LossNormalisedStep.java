package org.pgbarrier.learn;

import org.pgbarrier.Checks;

/**
 * The loss-normalised step, our reconstruction of "SGD / PG with adaptive LR" from before the
 * paper's body was known [RECONSTRUCTED, {@code docs/theory.md §8}]: the abstract names an adaptive
 * learning rate [SOURCE: abstract, arXiv 2603.06957], and the paper's own rule is the
 * gradient-norm step {@link GradientNormStep}, {@code eta_t = 1/(4 + 2||g_t||^2)} ({@code
 * docs/theory.md §4.1}). This rule stays as the named alternative:
 *
 * <pre>
 *   eta_t = eta / max(1, l_t),     w <- w + eta_t d,
 * </pre>
 *
 * where {@code l_t} is the loss passed to {@link #apply} (e.g. {@code -log p_w(y*|x)}). The
 * reconstructed analysis ({@code docs/theory.md §8}) needs {@code eta <= 1/4}; the rule itself
 * accepts any finite {@code eta > 0}. Stateless.
 */
public final class LossNormalisedStep implements StepRule {
  private final double eta;

  /** @param eta the base step {@code eta}, finite and {@code > 0} */
  public LossNormalisedStep(double eta) {
    this.eta = Checks.positive("eta", eta);
  }

  public double eta() {
    return eta;
  }

  /** {@code eta / max(1, loss)}, the step this rule takes at loss {@code loss}. */
  public double stepAt(double loss) {
    Checks.nonNegative("loss", loss);
    return eta / Math.max(1.0, loss);
  }

  /**
   * {@code w <- w + eta / max(1, loss) * d}.
   *
   * @param loss the current loss, finite and {@code >= 0}
   * @throws ArithmeticException if a weight would become non-finite ({@code w} is then unchanged)
   */
  @Override
  public void apply(double[] w, double[] direction, double loss) {
    Ascent.addScaled(describe(), w, direction, stepAt(loss));
  }

  /** This rule: it has no state. */
  @Override
  public StepRule fresh() {
    return this;
  }

  @Override
  public String describe() {
    return "LossNormalisedStep(eta=" + eta + ") [RECONSTRUCTED: eta_t = eta / max(1, l_t)]";
  }
}
