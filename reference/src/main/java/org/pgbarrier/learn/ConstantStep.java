package org.pgbarrier.learn;

import org.pgbarrier.Checks;

/**
 * The constant step {@code w <- w + eta d}: variant (B'') of algorithm (B) in docs/theory.md §8.1
 * [RECONSTRUCTED], and the plain-SGD baseline against which the adaptive rules are compared.
 * Stateless; the loss is ignored.
 */
public final class ConstantStep implements StepRule {
  private final double eta;

  /** @param eta the step {@code eta}, finite and {@code > 0} */
  public ConstantStep(double eta) {
    this.eta = Checks.positive("eta", eta);
  }

  public double eta() {
    return eta;
  }

  /**
   * {@code w <- w + eta d}.
   *
   * @throws ArithmeticException if a weight would become non-finite ({@code w} is then unchanged)
   */
  @Override
  public void apply(double[] w, double[] direction, double loss) {
    Ascent.addScaled(describe(), w, direction, eta);
  }

  /** This rule: it has no state. */
  @Override
  public StepRule fresh() {
    return this;
  }

  @Override
  public String describe() {
    return "ConstantStep(eta=" + eta + ")";
  }
}
