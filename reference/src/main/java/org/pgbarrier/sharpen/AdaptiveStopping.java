package org.pgbarrier.sharpen;

import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;

/**
 * The adaptive best-of-N stopping rule of adaptive SFT-sharpening [SOURCE: arXiv 2412.01951 App.
 * D]:
 *
 * <pre>
 *   N_mu(x) = inf{ k : 1 / max_{j <= k} pi_base(y_j|x) <= k / mu },
 * </pre>
 *
 * drawing {@code y_1, y_2, ... ~ pi_base(.|x)} and returning the maximum-likelihood response among
 * the first {@code N_mu(x)} (ties as in {@link BestOfN}). Lemma I.1 bounds {@code E[N_mu] <= (mu
 * + 1/|y*|)/P*} and {@code P[miss y*] <= e^(-|y*| mu)}.
 */
public final class AdaptiveStopping {
  private AdaptiveStopping() {}

  /**
   * One run of the rule.
   *
   * @param stoppingTime {@code N_mu(x)}, the number of responses drawn
   * @param selected the maximum-likelihood response among them
   */
  public record Run(int stoppingTime, int selected) {}

  /** Runs the rule with parameter {@code mu > 0} on the base law (one {@code nextDouble} a draw). */
  public static Run run(double[] base, double mu, RandomGenerator rng) {
    Laws.check("base", base);
    Checks.positive("mu", mu);
    int best = -1;
    for (int k = 1; ; k++) {
      int y = Laws.draw(base, rng);
      if (best < 0 || base[y] > base[best] || (base[y] == base[best] && y < best)) {
        best = y;
      }
      if (k * base[best] >= mu) {
        return new Run(k, best);
      }
    }
  }
}
