package org.pgbarrier.model;

import org.pgbarrier.Checks;

/**
 * The fast {@link SequenceScorer} of the bigram map ({@link BigramFeatureMap}), exploiting its
 * structure [RECONSTRUCTED: algebra of the authors' model, {@code utils/model.py}]. With {@code a
 * = W1^T x} and the previous token {@code p} (none at position 0):
 *
 * <pre>
 *   logit(v | p) = a_v + W2[v, p],     exp(logit(v | p)) = exp(a_v - max a) exp(W2[v, p] - m_p) exp(max a + m_p),
 * </pre>
 *
 * with {@code m_p = max_v W2[v, p]}. So {@link #prepare} computes {@code E[p][v] = exp(W2[v, p]
 * - m_p)} once per weights ({@code k^2} exponentials), {@link Workspace#start} computes {@code a}
 * and {@code e_v = exp(a_v - max a)} once per context ({@code dk} multiply-adds, {@code k}
 * exponentials), and the next-token law of previous token {@code p}, {@code P(v | p) = u_v / Z_p}
 * with {@code u_v = e_v E[p][v] <= 1}, costs {@code k} multiplications. Within one context the law
 * depends on the position only through {@code p}, so it takes at most {@code k + 1} values: each
 * is computed the first time its {@code p} occurs (its CDF, {@code Z_p} and {@code lse_p = max a
 * + m_p + log Z_p}) and reused. Should {@code Z_p} fall below {@value #TINY} (the two maxima far
 * apart), that column is recomputed with its own maximum logit, {@code k} exponentials.
 *
 * <p>The score of a sequence is accumulated by transition counts: with per-position weights
 * {@code s_i}, {@code C_p = sum_{i: y_{i-1} = p} s_i} and {@code T_{pv} = sum_{i: y_{i-1} = p, y_i
 * = v} s_i},
 *
 * <pre>
 *   sum_i s_i (e_{y_i} - P(. | y_{i-1}))[v] = sum_p c_{pv},     c_{pv} = T_{pv} (1 - P(v|p)) - (C_p - T_{pv}) P(v|p),
 *   dW2[v, p] += c_{pv} (p a token),     dW1 += x (sum_p c_{p.})^T,
 * </pre>
 *
 * so a sequence costs {@code N} table updates, {@code k} per distinct previous token and {@code
 * dk} for {@code dW1}, instead of {@code N k} exponentials. Accuracy as {@link
 * org.pgbarrier.kernel.LogSumExp#logSoftmaxAt}: when {@code P(v|p) >= 1/2}, {@code 1 - P} is the
 * sum of the other terms over {@code Z_p} and {@code log P = -log1p(sum_{t != v} u_t / u_v)};
 * otherwise {@code log P = logit - lse_p}, which carries no cancellation since {@code |log P| >=
 * log 2}. Agreement with the general model is tested ({@code BigramSequenceScorerTest}).
 */
final class BigramSequenceScorer implements SequenceScorer<double[]> {
  /** Below this {@code Z_p} a column is recomputed with its own maximum. */
  static final double TINY = 1e-200;

  private final int d;
  private final int k;
  private final int length;
  private final int block;
  private double[] w;
  private final double[] columnMax;
  private final double[] expW2;

  BigramSequenceScorer(BigramFeatureMap phi, int length) {
    this.d = phi.inputDimension();
    this.k = phi.vocabularySize();
    this.length = length;
    this.block = d * k;
    this.columnMax = new double[k];
    this.expW2 = new double[k * k];
  }

  @Override
  public void prepare(double[] w) {
    if (w.length != block + k * k) {
      throw new IllegalArgumentException(
          "w has length " + w.length + ": must have length d k + k^2 = " + (block + k * k));
    }
    this.w = w;
    for (int p = 0; p < k; p++) {
      int column = block + p * k;
      double max = Double.NEGATIVE_INFINITY;
      for (int v = 0; v < k; v++) {
        max = Math.max(max, w[column + v]);
      }
      columnMax[p] = max;
      int row = p * k;
      for (int v = 0; v < k; v++) {
        expW2[row + v] = Math.exp(w[column + v] - max);
      }
    }
  }

  @Override
  public Workspace<double[]> workspace() {
    return new BigramWorkspace();
  }

  /** One thread's caches; row {@code p} of each table is previous token {@code p}, row k none. */
  private final class BigramWorkspace implements Workspace<double[]> {
    private final double[] a = new double[k];
    private final double[] e = new double[k];
    private final double[] u = new double[(k + 1) * k];
    private final double[] cdf = new double[(k + 1) * k];
    private final double[] lse = new double[k + 1];
    private final int[] rowStamp = new int[k + 1];
    private final double[] logp = new double[(k + 1) * k];
    private final int[] logpStamp = new int[(k + 1) * k];
    private final double[] weight = new double[k + 1];
    private final double[] transition = new double[(k + 1) * k];
    private final boolean[] touched = new boolean[k + 1];
    private final int[] touchedRows = new int[k + 1];
    private final double[] g = new double[k];
    private double aMax;
    private double[] x;
    private int stamp;

    @Override
    public void start(double[] x) {
      if (x.length != d) {
        throw new IllegalArgumentException("x has length " + x.length + ": must have length d = "
            + d);
      }
      this.x = x;
      java.util.Arrays.fill(a, 0.0);
      for (int j = 0; j < d; j++) {
        double xj = x[j];
        int row = j * k;
        for (int v = 0; v < k; v++) {
          a[v] += xj * w[row + v];
        }
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int v = 0; v < k; v++) {
        max = Math.max(max, a[v]);
      }
      aMax = max;
      for (int v = 0; v < k; v++) {
        e[v] = Math.exp(a[v] - max);
      }
      stamp++;
      if (stamp == 0) {
        java.util.Arrays.fill(rowStamp, 0);
        java.util.Arrays.fill(logpStamp, 0);
        stamp = 1;
      }
    }

    /** The row of previous token {@code p} ({@code k}: none), computed on first use. */
    private int row(int p) {
      int base = p * k;
      if (rowStamp[p] != stamp) {
        fill(p, base);
        rowStamp[p] = stamp;
      }
      return base;
    }

    private void fill(int p, int base) {
      double z = 0;
      double shift = aMax;
      if (p == k) {
        for (int v = 0; v < k; v++) {
          u[base + v] = e[v];
          z += e[v];
          cdf[base + v] = z;
        }
      } else {
        int table = p * k;
        for (int v = 0; v < k; v++) {
          double uv = e[v] * expW2[table + v];
          u[base + v] = uv;
          z += uv;
          cdf[base + v] = z;
        }
        shift += columnMax[p];
        if (!(z >= TINY)) {
          int column = block + p * k;
          double max = Double.NEGATIVE_INFINITY;
          for (int v = 0; v < k; v++) {
            max = Math.max(max, a[v] + w[column + v]);
          }
          z = 0;
          for (int v = 0; v < k; v++) {
            double uv = Math.exp(a[v] + w[column + v] - max);
            u[base + v] = uv;
            z += uv;
            cdf[base + v] = z;
          }
          shift = max;
        }
      }
      lse[p] = shift + Math.log(z);
    }

    private double logit(int p, int v) {
      return p == k ? a[v] : a[v] + w[block + p * k + v];
    }

    /** {@code log P(v | p)}, computed on first use. */
    private double logProbability(int p, int v) {
      int base = row(p);
      int at = base + v;
      if (logpStamp[at] == stamp) {
        return logp[at];
      }
      double z = cdf[base + k - 1];
      double value;
      if (2 * u[at] >= z) {
        value = -Math.log1p(rest(base, v) / u[at]);
      } else {
        value = logit(p, v) - lse[p];
      }
      logp[at] = value;
      logpStamp[at] = stamp;
      return value;
    }

    /** {@code sum_{t != v} u_t} of row {@code base}. */
    private double rest(int base, int v) {
      double sum = 0;
      for (int t = 0; t < k; t++) {
        if (t != v) {
          sum += u[base + t];
        }
      }
      return sum;
    }

    private void check(int[] y) {
      Checks.length("y", y.length, length);
      Checks.tokens("y", y, k);
    }

    @Override
    public double tokenLogProbabilities(int[] y, double[] out) {
      check(y);
      double total = 0;
      for (int i = 0; i < length; i++) {
        double l = logProbability(i == 0 ? k : y[i - 1], y[i]);
        out[i] = l;
        total += l;
      }
      return total;
    }

    @Override
    public double addGradient(int[] y, double scale, double[] acc) {
      return accumulate(y, null, scale, acc, null);
    }

    @Override
    public double addWeightedGradient(
        int[] y, double[] tokenScale, double[] acc, double[] tokenLogp) {
      return accumulate(y, tokenScale, 0.0, acc, tokenLogp);
    }

    private double accumulate(
        int[] y, double[] tokenScale, double scale, double[] acc, double[] tokenLogp) {
      check(y);
      int rows = 0;
      double total = 0;
      for (int i = 0; i < length; i++) {
        int p = i == 0 ? k : y[i - 1];
        int v = y[i];
        double l = logProbability(p, v);
        if (tokenLogp != null) {
          tokenLogp[i] = l;
        }
        total += l;
        double s = tokenScale == null ? scale : tokenScale[i];
        if (s != 0) {
          if (!touched[p]) {
            touched[p] = true;
            touchedRows[rows++] = p;
          }
          weight[p] += s;
          transition[p * k + v] += s;
        }
      }
      if (rows == 0) {
        return total;
      }
      java.util.Arrays.fill(g, 0.0);
      for (int r = 0; r < rows; r++) {
        int p = touchedRows[r];
        int base = p * k;
        double z = cdf[base + k - 1];
        double inverse = 1.0 / z;
        double c = weight[p];
        int column = block + p * k;
        for (int v = 0; v < k; v++) {
          double prob = u[base + v] * inverse;
          double t = transition[base + v];
          double coef;
          if (t == 0) {
            coef = -c * prob;
          } else {
            double complement = 2 * u[base + v] >= z ? rest(base, v) * inverse : 1 - prob;
            coef = t * complement - (c - t) * prob;
            transition[base + v] = 0;
          }
          g[v] += coef;
          if (p < k) {
            acc[column + v] += coef;
          }
        }
        weight[p] = 0;
        touched[p] = false;
      }
      for (int j = 0; j < d; j++) {
        double xj = x[j];
        int row = j * k;
        for (int v = 0; v < k; v++) {
          acc[row + v] += xj * g[v];
        }
      }
      return total;
    }

    @Override
    public int sample(int[] y, int i, double uniform) {
      int p = i == 0 ? k : y[i - 1];
      int base = row(p);
      double target = uniform * cdf[base + k - 1];
      int last = base + k - 1;
      if (!(cdf[last] > target)) {
        int v = k - 1;
        while (v > 0 && !(u[base + v] > 0)) {
          v--;
        }
        return v;
      }
      // Branch-free binary search for the first v with cdf[v] > target: pos counts the entries
      // known to be <= target.
      int pos = 0;
      for (int step = Integer.highestOneBit(k); step > 0; step >>= 1) {
        int next = pos + step;
        pos = next <= k && cdf[base + next - 1] <= target ? next : pos;
      }
      return pos;
    }
  }
}
