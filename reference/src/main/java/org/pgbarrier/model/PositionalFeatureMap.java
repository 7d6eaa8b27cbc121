package org.pgbarrier.model;

import org.pgbarrier.Checks;

/**
 * The positional state map of instance family G2 (planted Gaussian, docs/theory.md §6.1
 * [RECONSTRUCTED test design]):
 *
 * <pre>
 *   phi(x, y_<i, v) = z_i(x) (x) e_v,   logit_i(v) = sum_j z_i[j] w[j*k + v],
 * </pre>
 *
 * with {@code D = m k}. Features do not depend on the prefix.
 */
public final class PositionalFeatureMap implements FeatureMap<PositionalContext> {
  private final int m;
  private final int k;

  public PositionalFeatureMap(int m, int k) {
    this.m = Checks.positive("m", m);
    this.k = Checks.atLeast("k", k, 2);
  }

  /** The state dimension {@code m}. */
  public int stateDimension() {
    return m;
  }

  @Override
  public int vocabularySize() {
    return k;
  }

  @Override
  public int dimension() {
    return m * k;
  }

  @Override
  public void features(PositionalContext x, int[] y, int i, int v, double[] out) {
    java.util.Arrays.fill(out, 0, dimension(), 0.0);
    double[] z = x.row(i);
    for (int j = 0; j < m; j++) {
      out[j * k + v] = z[j];
    }
  }

  @Override
  public double featureNormBound(PositionalContext x, int length) {
    double max = 0;
    for (int i = 0; i < length; i++) {
      double sq = 0;
      for (double zj : x.row(i)) {
        sq += zj * zj;
      }
      max = Math.max(max, Math.sqrt(sq));
    }
    return max;
  }

  @Override
  public LogitScorer scorer(double[] w, PositionalContext x) {
    return (y, i, out) -> {
      java.util.Arrays.fill(out, 0, k, 0.0);
      double[] z = x.row(i);
      for (int j = 0; j < m; j++) {
        double zj = z[j];
        int row = j * k;
        for (int v = 0; v < k; v++) {
          out[v] += zj * w[row + v];
        }
      }
    };
  }

  @Override
  public void addFeatureSums(PositionalContext x, int[] y, int n, double[] coef, double[] acc) {
    for (int i = 0; i < n; i++) {
      double[] z = x.row(i);
      for (int j = 0; j < m; j++) {
        double zj = z[j];
        int row = j * k;
        for (int v = 0; v < k; v++) {
          acc[row + v] += zj * coef[i * k + v];
        }
      }
    }
  }

  @Override
  public void validate(PositionalContext x, int length) {
    Checks.length("z", x.length(), length);
    for (int i = 0; i < length; i++) {
      Checks.length("z[" + i + "]", x.row(i).length, m);
      Checks.finite("z[" + i + "]", x.row(i));
    }
  }
}
