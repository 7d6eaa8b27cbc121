package org.pgbarrier.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Exact: the visual extent of each column (its lowest and highest point) and the points where the
 * line enters and leaves it are compared with a direct scan of the full polyline.
 */
class ThinningTest {
  @Test
  void everyColumnKeepsItsLowestHighestFirstAndLastPointInOrder() {
    SplittableRandom random = new SplittableRandom(18);
    int n = 100_000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 1000.0 / n;
      y[i] = (i == 0 ? 0 : y[i - 1]) + random.nextGaussian();
    }
    double[][] kept = thin(x, y, 1.0);

    assertThat(kept[0].length).isLessThanOrEqualTo(4 * 1000);
    int at = 0;
    for (int col = 0; col < 1000; col++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      double first = Double.NaN;
      double last = Double.NaN;
      for (int i = 0; i < n; i++) {
        if ((int) Math.floor(x[i]) == col) {
          lo = Math.min(lo, y[i]);
          hi = Math.max(hi, y[i]);
          first = Double.isNaN(first) ? y[i] : first;
          last = y[i];
        }
      }
      double keptLo = Double.POSITIVE_INFINITY;
      double keptHi = Double.NEGATIVE_INFINITY;
      int start = at;
      while (at < kept[0].length && (int) Math.floor(kept[0][at]) == col) {
        keptLo = Math.min(keptLo, kept[1][at]);
        keptHi = Math.max(keptHi, kept[1][at]);
        at++;
      }
      assertThat(keptLo).as("column %d lowest", col).isEqualTo(lo);
      assertThat(keptHi).as("column %d highest", col).isEqualTo(hi);
      assertThat(kept[1][start]).as("column %d first", col).isEqualTo(first);
      assertThat(kept[1][at - 1]).as("column %d last", col).isEqualTo(last);
    }
    assertThat(at).isEqualTo(kept[0].length);
    for (int i = 1; i < kept[0].length; i++) {
      assertThat(kept[0][i]).isGreaterThan(kept[0][i - 1]); // original order
    }
  }

  @Test
  void aSparseLineIsKeptWhole() {
    double[] x = {0, 3.5, 7, 12};
    double[] y = {1, -2, 5, 0};
    double[][] kept = thin(x, y, 1.0);
    assertThat(kept[0]).containsExactly(x);
    assertThat(kept[1]).containsExactly(y);
  }

  /** The kept points, {@code {x, y}}. */
  private static double[][] thin(double[] x, double[] y, double column) {
    int[] kept = Thinning.kept(x, y, column);
    double[][] out = new double[2][kept.length];
    for (int i = 0; i < kept.length; i++) {
      out[0][i] = x[kept[i]];
      out[1][i] = y[kept[i]];
    }
    return out;
  }
}
