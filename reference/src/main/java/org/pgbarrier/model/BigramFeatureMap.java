package org.pgbarrier.model;

import org.pgbarrier.Checks;

/**
 * The authors' bigram feature map (arXiv 2603.06957 code, {@code utils/model.py}):
 *
 * <pre>
 *   phi(x, y_<i, v) = [ vec(x e_v^T) ; vec(e_v e_{y_{i-1}}^T) ],   second block zero at i = 1,
 *   logit_i(v)      = (W1^T x)_v + W2[v][y_{i-1}]                  (W1 in R^{d x k}, W2 in R^{k x k}).
 * </pre>
 *
 * <p>Weight layout ({@code D = dk + k^2}): {@code w[j*k + v] = W1[j][v]} and {@code w[dk + p*k +
 * v] = W2[v][p]}, so that the column {@code W2[:, p]} used at every step is contiguous. The
 * scorer computes {@code a = W1^T x} once per sequence; each token step is then {@code k}
 * additions.
 */
public final class BigramFeatureMap implements FeatureMap<double[]> {
  private final int d;
  private final int k;

  public BigramFeatureMap(int d, int k) {
    this.d = Checks.positive("d", d);
    this.k = Checks.atLeast("k", k, 2);
    long dimension = (long) d * k + (long) k * k;
    if (dimension > LinearAutoregressiveModel.MAX_ARRAY) {
      throw new IllegalArgumentException("d k + k^2 = " + dimension + " for d = " + d + ", k = " + k
          + ": must be at most " + LinearAutoregressiveModel.MAX_ARRAY);
    }
  }

  public int inputDimension() {
    return d;
  }

  @Override
  public int vocabularySize() {
    return k;
  }

  @Override
  public int dimension() {
    return d * k + k * k;
  }

  /** Index of {@code W1[j][v]} in the weight vector. */
  public int w1Index(int j, int v) {
    return j * k + v;
  }

  /** Index of {@code W2[v][p]} (token v after previous token p) in the weight vector. */
  public int w2Index(int v, int p) {
    return d * k + p * k + v;
  }

  @Override
  public void features(double[] x, int[] y, int i, int v, double[] out) {
    java.util.Arrays.fill(out, 0, dimension(), 0.0);
    for (int j = 0; j < d; j++) {
      out[w1Index(j, v)] = x[j];
    }
    if (i > 0) {
      out[w2Index(v, y[i - 1])] = 1.0;
    }
  }

  @Override
  public double featureNormBound(double[] x, int length) {
    double sq = 0;
    for (double xj : x) {
      sq += xj * xj;
    }
    return Math.sqrt(sq + (length > 1 ? 1.0 : 0.0));
  }

  @Override
  public LogitScorer scorer(double[] w, double[] x) {
    double[] a = new double[k];
    for (int j = 0; j < d; j++) {
      double xj = x[j];
      int row = j * k;
      for (int v = 0; v < k; v++) {
        a[v] += xj * w[row + v];
      }
    }
    int block = d * k;
    return (y, i, out) -> {
      if (i == 0) {
        System.arraycopy(a, 0, out, 0, k);
      } else {
        int column = block + y[i - 1] * k;
        for (int v = 0; v < k; v++) {
          out[v] = a[v] + w[column + v];
        }
      }
    };
  }

  /**
   * Greedy decoding, {@code y_i = argmax_v (a_v + W2[v][y_{i-1}])} with {@code a = W1^T x} (ties
   * to the smallest token), the same tokens as {@link LinearAutoregressiveModel#greedy} bit for
   * bit (the same logits, added in the same order): since the argmax depends on the position only
   * through the previous token, the decoding is a walk on the successor map: it is followed until a
   * token recurs (at most {@code k} successors computed), and the cycle so closed is repeated.
   */
  public int[] greedy(double[] w, double[] x, int length) {
    Checks.length("w", w.length, dimension());
    Checks.length("x", x.length, d);
    Checks.positive("length", length);
    double[] a = new double[k];
    org.pgbarrier.kernel.TransposedProduct.of(w, 0, x, d, k, a);
    // first[v]: the first position of token v. The decoding is a walk on the successor map, so
    // once a token recurs the rest repeats with the period between its two occurrences.
    int[] first = new int[k];
    java.util.Arrays.fill(first, -1);
    int[] y = new int[length];
    y[0] = org.pgbarrier.kernel.LogSumExp.argmax(a, k);
    first[y[0]] = 0;
    for (int i = 1; i < length; i++) {
      int p = y[i - 1];
      int column = d * k + p * k;
      int best = 0;
      double bestLogit = a[0] + w[column];
      for (int v = 1; v < k; v++) {
        double logit = a[v] + w[column + v];
        if (logit > bestLogit) {
          best = v;
          bestLogit = logit;
        }
      }
      y[i] = best;
      if (first[best] >= 0) {
        // y[from..filled) is whole periods of the cycle: copy it after itself until y is full.
        int from = first[best] + 1;
        int filled = i + 1;
        while (filled < length) {
          int n = Math.min(filled - from, length - filled);
          System.arraycopy(y, from, y, filled, n);
          filled += n;
        }
        break;
      }
      first[best] = i;
    }
    return y;
  }

  @Override
  public void addFeatureSums(double[] x, int[] y, int n, double[] coef, double[] acc) {
    double[] total = new double[k];
    for (int i = 0; i < n; i++) {
      int row = i * k;
      for (int v = 0; v < k; v++) {
        total[v] += coef[row + v];
      }
      if (i > 0) {
        int column = d * k + y[i - 1] * k;
        for (int v = 0; v < k; v++) {
          acc[column + v] += coef[row + v];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      double xj = x[j];
      int row = j * k;
      for (int v = 0; v < k; v++) {
        acc[row + v] += xj * total[v];
      }
    }
  }

  @Override
  public void validate(double[] x, int length) {
    Checks.length("x", x.length, d);
    Checks.finite("x", x);
  }
}
