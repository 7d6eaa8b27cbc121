package org.pgbarrier.testkit.stats;

import java.util.Locale;
import org.pgbarrier.Checks;

/**
 * A test that laws {@code G_0, ..., G_(L-1)} (CDFs of one real quantity at successive
 * checkpoints) increase in the usual stochastic order, {@code G_c'(t) <= G_c(t)} for every
 * {@code t} and {@code c < c'}, from {@code n} independent draws of each law seen through its
 * quantile curve: order statistics at known 0-based sorted positions {@code m_0 <= m_1 <= ...}.
 *
 * <p><b>Bands.</b> By the Dvoretzky-Kiefer-Wolfowitz inequality with Massart's constant (P.
 * Massart, "The tight constant in the Dvoretzky-Kiefer-Wolfowitz inequality", Ann. Probab. 18,
 * 1990), the empirical CDF {@code Ghat_c} of {@code n} draws satisfies {@code P[sup_t |Ghat_c(t)
 * - G_c(t)| > h] <= 2 exp(-2 n h^2)}. With {@code h = sqrt(ln(2 L / a) / (2 n))} every one of the
 * {@code L} bands holds at once with probability at least {@code 1 - a} (Boole), whatever the
 * dependence between the laws' draws.
 *
 * <p><b>Evidence against the order.</b> If the later curve at position {@code m_i} lies strictly
 * below the earlier curve at {@code m_j}, {@code x = X'_(m_i) < X_(m_j)}, then at least {@code
 * m_i + 1} of the later draws are {@code <= x} and at most {@code m_j} of the earlier ones, so
 * {@code Ghat_c'(x) - Ghat_c(x) >= (m_i + 1 - m_j) / n}. Within the bands the order gives {@code
 * Ghat_c'(x) - Ghat_c(x) <= G_c'(x) - G_c(x) + 2h <= 2h}. The statistic is the largest such
 * {@code (m_i + 1 - m_j) / n} over all pairs of checkpoints and positions (the worst reversal,
 * 0 when there is none), and the rule rejects iff it exceeds {@code 2h}: under the order a
 * rejection needs a band to fail, so the false-alarm probability is at most {@code a}. Reversals
 * of less than {@code 2h} in probability are not detectable at this {@code n}.
 *
 * @param laws the number of laws {@code L}
 * @param n draws per law
 * @param level the false-alarm probability {@code a}
 */
public record StochasticOrderRule(int laws, int n, double level) {
  public StochasticOrderRule {
    Checks.atLeast("laws", laws, 2);
    Checks.positive("n", n);
    Checks.openUnit("level", level);
  }

  /** The band half-width {@code h = sqrt(ln(2 L / a) / (2 n))}. */
  public double halfWidth() {
    return Math.sqrt(Math.log(2.0 * laws / level) / (2.0 * n));
  }

  /** The rejection threshold {@code 2h} on the worst reversal. */
  public double threshold() {
    return 2 * halfWidth();
  }

  /** Whether a worst reversal of {@code size} rejects the order. */
  public boolean rejects(double size) {
    return size > threshold();
  }

  /**
   * The largest reversal of the curves: over checkpoints {@code c < c'} and grid points {@code i,
   * j} with {@code curves[c'][i] < curves[c][j]}, the largest {@code (positions[i] + 1 -
   * positions[j]) / n}.
   *
   * @param curves {@code curves[c][i]}: the {@code positions[i]}-th smallest of law {@code c}'s
   *     draws (non-decreasing in {@code i})
   * @param positions the 0-based sorted positions, non-decreasing, in {@code [0, n)}
   */
  public Reversal worstReversal(double[][] curves, int[] positions) {
    Checks.equal("curves.length", curves.length, "laws", laws);
    for (int i = 0; i < positions.length; i++) {
      Checks.inRange("positions[" + i + "]", positions[i], 0, n - 1);
      if (i > 0 && positions[i] < positions[i - 1]) {
        throw new IllegalArgumentException("positions[" + i + "] = " + positions[i]
            + ": must be at least positions[" + (i - 1) + "] = " + positions[i - 1]);
      }
    }
    Reversal worst = new Reversal(0.0, -1, -1, -1, -1);
    for (int c = 0; c < laws; c++) {
      Checks.equal("curves[" + c + "].length", curves[c].length, "positions.length",
          positions.length);
      for (int later = c + 1; later < laws; later++) {
        for (int i = 0; i < positions.length; i++) {
          // the first earlier position whose value exceeds the later curve's value at i: the
          // smallest m_j, hence the largest m_i + 1 - m_j for this i
          for (int j = 0; j < positions.length; j++) {
            if (curves[later][i] < curves[c][j]) {
              double size = (double) (positions[i] + 1 - positions[j]) / n;
              if (size > worst.size()) {
                worst = new Reversal(size, c, later, i, j);
              }
              break;
            }
          }
        }
      }
    }
    return worst;
  }

  /** One line: the band, the threshold and the level. */
  public String describe() {
    return String.format(Locale.ROOT, "DKW-Massart bands of half-width h = sqrt(ln(2 L/a)/(2n))"
        + " = %.4g for L = %d laws of n = %d draws at a = %.3g; reject iff the worst reversal >"
        + " 2h = %.4g", halfWidth(), laws, n, level, threshold());
  }

  /**
   * A reversal of the order.
   *
   * @param size {@code (m_i + 1 - m_j) / n}, 0 when there is none
   * @param earlier the earlier checkpoint {@code c} (-1 when none)
   * @param later the later checkpoint {@code c'}
   * @param at the later curve's grid index {@code i}
   * @param against the earlier curve's grid index {@code j}
   */
  public record Reversal(double size, int earlier, int later, int at, int against) {}
}
