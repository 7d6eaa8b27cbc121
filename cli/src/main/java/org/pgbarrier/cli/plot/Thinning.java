package org.pgbarrier.cli.plot;

import java.util.Arrays;
import org.pgbarrier.Checks;

/**
 * Thins a polyline to what can be seen: of the consecutive points that fall into one column of
 * width {@code column} (in device units), only the first, the lowest, the highest and the last are
 * kept, in their original order (the M4 reduction of Jugel et al., VLDB 2014). A line drawn through
 * the kept points covers the same pixels column by column as the full line: each column's vertical
 * extent and its joins to the neighbouring columns are unchanged.
 */
final class Thinning {
  private Thinning() {}

  /**
   * The points of the polyline {@code (x[i], y[i])} that are kept, {@code x} in drawing order (not
   * necessarily increasing; a column is a maximal run of consecutive points in one column).
   *
   * @return the indices of the kept points, increasing
   */
  static int[] kept(double[] x, double[] y, double column) {
    Checks.equal("y.length", y.length, "x.length", x.length);
    Checks.positive("column", column);
    int[] keptAt = new int[x.length];
    int kept = 0;
    int start = 0;
    while (start < x.length) {
      long col = (long) Math.floor(x[start] / column);
      int end = start + 1;
      while (end < x.length && (long) Math.floor(x[end] / column) == col) {
        end++;
      }
      int lowest = start;
      int highest = start;
      for (int i = start + 1; i < end; i++) {
        if (y[i] < y[lowest]) {
          lowest = i;
        }
        if (y[i] > y[highest]) {
          highest = i;
        }
      }
      int[] keep = {start, Math.min(lowest, highest), Math.max(lowest, highest), end - 1};
      int previous = -1;
      for (int i : keep) {
        if (i != previous) {
          keptAt[kept++] = i;
          previous = i;
        }
      }
      start = end;
    }
    return Arrays.copyOf(keptAt, kept);
  }
}
