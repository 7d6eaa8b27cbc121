package org.pgbarrier.experiment;

import java.util.Arrays;
import org.pgbarrier.Checks;

/**
 * A histogram with equal-width bins: {@code counts[b]} values in {@code [edges[b], edges[b+1])},
 * the last bin closed on the right. Immutable.
 *
 * @param edges the {@code B + 1} bin edges, increasing
 * @param counts the {@code B} counts
 */
public record Histogram(double[] edges, long[] counts) {
  public Histogram {
    Checks.positive("bins", counts.length);
    Checks.length("edges", edges.length, counts.length + 1);
    edges = edges.clone();
    counts = counts.clone();
  }

  /**
   * The histogram of {@code values} with {@code max(10, bins)} equal-width bins over {@code
   * [min, max]} of the values ({@code [v - 0.5, v + 0.5]} when they are all equal to {@code v}),
   * the bin of each value chosen as {@code numpy.histogram} does: the authors draw the
   * base-likelihood histogram with {@code matplotlib.pyplot.hist(likelihoods, bins=max(10,
   * bins))} [CODE: utils/plotting.py::plot_likelihood_histogram].
   *
   * @param values finite values, at least one
   * @param bins {@code base_likelihood_histogram_bins}, at least 1
   */
  public static Histogram authors(double[] values, int bins) {
    Checks.positive("values", values.length);
    Checks.finite("values", values);
    int b = Math.max(10, Checks.positive("bins", bins));
    double lo = Arrays.stream(values).min().orElseThrow();
    double hi = Arrays.stream(values).max().orElseThrow();
    if (lo == hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    double[] edges = new double[b + 1];
    for (int i = 0; i <= b; i++) {
      edges[i] = i == b ? hi : lo + i * (hi - lo) / b;
    }
    long[] counts = new long[b];
    double norm = b / (hi - lo);
    for (double v : values) {
      int bin = Math.min((int) ((v - lo) * norm), b - 1);
      if (v < edges[bin]) {
        bin--;
      } else if (bin < b - 1 && v >= edges[bin + 1]) {
        bin++;
      }
      counts[bin]++;
    }
    return new Histogram(edges, counts);
  }

  @Override
  public double[] edges() {
    return edges.clone();
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }
}
