package org.pgbarrier.instance.cluster;

import java.util.Arrays;
import org.pgbarrier.Checks;
import org.pgbarrier.model.FeatureMap;
import org.pgbarrier.model.LogitScorer;

/**
 * The feature map of the cluster families as a general {@link FeatureMap} ({@code docs/theory.md
 * §6.2-6.5}), so that {@code LinearAutoregressiveModel}, {@code Margins.certify} and exact
 * enumeration serve as the independent oracle of the fast path:
 *
 * <pre>
 *   shared:       phi(x_c, y_<i, v) = e_c     (x) e_{(v - s i) mod k}   in R^{M k}     (s = 1: F1-shared, s = 0: F3)
 *   independent:  phi(x_c, y_<i, v) = e_{c,i} (x) e_v                   in R^{M N k}   (F1-indep)
 * </pre>
 *
 * {@code ||phi|| = 1}; the prefix is never read. Weight index of {@code (c, i, v)}: {@code
 * block(c, i) * k + relative(i, v)}.
 */
public final class ClusterFeatureMap implements FeatureMap<ClusterContext> {
  private final int clusters;
  private final int k;
  private final int length;
  private final boolean independent;
  private final int shift;

  /**
   * @param clusters {@code M}
   * @param k the vocabulary size
   * @param length {@code N}
   * @param independent one block per (cluster, position) instead of one per cluster
   * @param shift {@code s in {0, 1}}, the relative-token shift per position (0 when independent)
   */
  public ClusterFeatureMap(int clusters, int k, int length, boolean independent, int shift) {
    this.clusters = Checks.positive("M", clusters);
    this.k = Checks.atLeast("k", k, 2);
    this.length = Checks.positive("N", length);
    this.independent = independent;
    this.shift = Checks.inRange("shift", shift, 0, independent ? 0 : 1);
    if ((long) clusters * (independent ? length : 1) * k > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("M * k" + (independent ? " * N" : "") + " = "
          + (long) clusters * (independent ? length : 1) * k + ": must fit in one array");
    }
  }

  /** Weight blocks per cluster: {@code N} when independent, else 1. */
  public int blocksPerCluster() {
    return independent ? length : 1;
  }

  /** The block of position {@code i} of cluster {@code c}. */
  public int block(int c, int i) {
    return independent ? c * length + i : c;
  }

  /** The relative token of token {@code v} at position {@code i}: {@code (v - s i) mod k}. */
  public int relative(int i, int v) {
    return Math.floorMod(v - shift * i, k);
  }

  /** The token of relative token {@code r} at position {@code i}: {@code (r + s i) mod k}. */
  public int token(int i, int r) {
    return Math.floorMod(r + shift * i, k);
  }

  public boolean independent() {
    return independent;
  }

  public int shift() {
    return shift;
  }

  public int clusterCount() {
    return clusters;
  }

  public int length() {
    return length;
  }

  @Override
  public int vocabularySize() {
    return k;
  }

  @Override
  public int dimension() {
    return clusters * blocksPerCluster() * k;
  }

  @Override
  public void features(ClusterContext x, int[] y, int i, int v, double[] out) {
    Arrays.fill(out, 0, dimension(), 0.0);
    out[block(x.cluster(), i) * k + relative(i, v)] = 1.0;
  }

  @Override
  public double featureNormBound(ClusterContext x, int length) {
    return 1.0;
  }

  @Override
  public LogitScorer scorer(double[] w, ClusterContext x) {
    int c = x.cluster();
    return (y, i, out) -> {
      int base = block(c, i) * k;
      for (int v = 0; v < k; v++) {
        out[v] = w[base + relative(i, v)];
      }
    };
  }

  @Override
  public void addFeatureSums(ClusterContext x, int[] y, int n, double[] coef, double[] acc) {
    int c = x.cluster();
    for (int i = 0; i < n; i++) {
      int base = block(c, i) * k;
      for (int v = 0; v < k; v++) {
        acc[base + relative(i, v)] += coef[i * k + v];
      }
    }
  }

  @Override
  public void validate(ClusterContext x, int length) {
    Checks.inRange("cluster", x.cluster(), 0, clusters - 1);
    Checks.inRange("N", length, this.length, this.length);
  }
}
