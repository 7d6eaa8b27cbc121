package org.pgbarrier.learn;

import org.pgbarrier.Checks;

/**
 * AdaGrad-norm, the scalar adaptive step named as the plausible alternative to the loss-normalised
 * step in docs/theory.md §8.1 [RECONSTRUCTED alternative]:
 *
 * <pre>
 *   S_t = sum_{s <= t} ||d_s||^2   (the current direction included),
 *   eta_t = eta / sqrt(S_t),         w <- w + eta_t d_t,
 * </pre>
 *
 * and no move while {@code S_t = 0}. The state is the running sum {@code S_t}; {@link #fresh()}
 * resets it to 0. The loss is ignored. Not thread-safe: one instance per learner.
 */
public final class AdaGradNormStep implements StepRule {
  private final double eta;
  private double sumOfSquares;

  /** @param eta the base step {@code eta}, finite and {@code > 0} */
  public AdaGradNormStep(double eta) {
    this.eta = Checks.positive("eta", eta);
  }

  public double eta() {
    return eta;
  }

  /** {@code S_t}, the sum of squared direction norms over the steps applied so far. */
  public double sumOfSquares() {
    return sumOfSquares;
  }

  /**
   * Adds {@code ||d||^2} to {@code S} and moves {@code w <- w + eta / sqrt(S) * d} (no move if
   * {@code S = 0}).
   *
   * @throws ArithmeticException if {@code S} would overflow or a weight would become non-finite
   *     ({@code w} and {@code S} are then unchanged)
   */
  @Override
  public void apply(double[] w, double[] direction, double loss) {
    Ascent.checkShapes(w, direction);
    double next = sumOfSquares;
    for (int j = 0; j < direction.length; j++) {
      next += direction[j] * direction[j];
      if (!Double.isFinite(next)) {
        throw Double.isFinite(direction[j])
            ? new ArithmeticException(describe() + ": the sum of squared direction norms"
                + " overflows at direction[" + j + "] = " + direction[j]
                + "; weights left unchanged")
            : Ascent.nonFinite(describe(), j, w[j], direction[j], Double.NaN);
      }
    }
    if (next > 0) {
      Ascent.addScaled(describe(), w, direction, eta / Math.sqrt(next));
    }
    sumOfSquares = next;
  }

  /** A new rule with the same {@code eta} and {@code S = 0}. */
  @Override
  public StepRule fresh() {
    return new AdaGradNormStep(eta);
  }

  @Override
  public String describe() {
    return "AdaGradNormStep(eta=" + eta
        + ") [RECONSTRUCTED alternative: eta_t = eta / sqrt(sum_{s<=t} ||d_s||^2)]";
  }
}
