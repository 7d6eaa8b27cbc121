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
 * computed branch-free over a row as {@code c_{pv} = T_{pv} - C_p P(v|p)}, except the row's
 * dominant entry ({@code P(v|p) >= 1/2}, when it occurs), computed as written with {@code 1 - P}
 * below. So a sequence costs {@code N} table updates, {@code k} per distinct previous token and
 * {@code dk} for {@code dW1}, instead of {@code N k} exponentials. {@code log p(y|x) = sum_{p,v}
 * T_{pv} log P(v|p)} (with {@code T} the plain counts) and {@code sum_i s_i log p_i = sum_{p,v}
 * S_{pv} log P(v|p)} (with {@code S} the scaled ones) are summed row by row from the counts too,
 * no per-token lookup. Sampling is the exact inverse CDF: the
 * dominant token's CDF interval is tested first, then a branch-free binary search. Accuracy as {@link
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
  private final int words;
  private double[] w;
  private final double[] columnMax;
  private final double[] expW2;

  BigramSequenceScorer(BigramFeatureMap phi, int length) {
    this.d = phi.inputDimension();
    this.k = phi.vocabularySize();
    this.length = length;
    this.block = d * k;
    this.words = (k + 63) >>> 6;
    this.columnMax = new double[k];
    this.expW2 = new double[k * k];
  }

  @Override
  public void prepare(double[] w) {
    Checks.equal("w.length", w.length, "d k + k^2", block + k * k);
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
    return new BigramWorkspace(null);
  }

  /** Workspaces sharing one {@link DeferredFirstBlock}: their {@code dW1} terms are held. */
  @Override
  public java.util.List<Workspace<double[]>> workspaces(int count) {
    Checks.positive("count", count);
    DeferredFirstBlock deferred = new DeferredFirstBlock(d, k);
    java.util.List<Workspace<double[]>> group = new java.util.ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      group.add(new BigramWorkspace(deferred));
    }
    return java.util.List.copyOf(group);
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
    /** {@code S_pv}: the scaled transition counts ({@code T_pv} under one uniform scale). */
    private final double[] transition = new double[(k + 1) * k];
    /** {@code T_pv} of {@link #addWeightedGradient}. */
    private final double[] count = new double[(k + 1) * k];
    private double weightedTotal;
    /** Bit {@code v} of row {@code p}'s words: whether {@code T_pv != 0} ({@link #addGradient}). */
    private final long[] seen = new long[(k + 1) * words];
    private final boolean[] touched = new boolean[k + 1];
    private final int[] touchedRows = new int[k + 1];
    private final double[] g = new double[k];
    private final double[] coefficient = new double[k];
    private final int[] dominant = new int[k + 1];
    /** {@code Z_p}, and the CDF interval {@code [low, high)} of row p's dominant token. */
    private final double[] total = new double[k + 1];
    private final double[] dominantLow = new double[k + 1];
    private final double[] dominantHigh = new double[k + 1];
    private double aMax;
    private double[] x;
    private int stamp;
    /** The group's held {@code dW1} terms, or null: applied at once. */
    private final DeferredFirstBlock deferred;

    BigramWorkspace(DeferredFirstBlock deferred) {
      this.deferred = deferred;
    }

    @Override
    public void flush() {
      if (deferred != null) {
        deferred.flush();
      }
    }

    @Override
    public void start(double[] x) {
      Checks.equal("x.length", x.length, "d", d);
      this.x = x;
      org.pgbarrier.kernel.TransposedProduct.of(w, 0, x, d, k, a);
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
      int top = -1;
      for (int v = 0; v < k; v++) {
        top = 2 * u[base + v] >= z ? v : top;
      }
      dominant[p] = top;
      total[p] = z;
      // No dominant token: an empty interval, so the test in sample() fails at once.
      dominantLow[p] = top > 0 ? cdf[base + top - 1] : top == 0 ? 0.0 : Double.POSITIVE_INFINITY;
      dominantHigh[p] = top >= 0 ? cdf[base + top] : Double.NEGATIVE_INFINITY;
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

    /**
     * One uniform scale: the transitions are counted first ({@code S = T}, {@code C_p} the count
     * of {@code p}), then each row gives at once its share of {@code log p} ({@code sum_v T_pv
     * log P(v|p)}, each {@code log P} as {@link #logProbability}) and its coefficients {@code
     * scale (T_pv - C_p P(v|p))}.
     */
    @Override
    public double addGradient(int[] y, double scale, double[] acc) {
      check(y);
      int rows = 0;
      for (int i = 0; i < length; i++) {
        int p = i == 0 ? k : y[i - 1];
        if (!touched[p]) {
          touched[p] = true;
          touchedRows[rows++] = p;
        }
        weight[p] += 1;
        transition[p * k + y[i]] += 1;
        seen[p * words + (y[i] >>> 6)] |= 1L << y[i];
      }
      return scoreRows(rows, transition, scale, scale != 0, acc);
    }

    /**
     * Per-token scales: the counting pass keeps {@code T_pv} (every token) and {@code S_pv},
     * {@code C_p} (the scales), then each row gives its shares of {@code log p} and of {@code
     * sum_i s_i log p_i} ({@code sum_v S_pv log P(v|p)}) and its coefficients {@code S_pv - C_p
     * P(v|p)} (zero scales add zeros: no branch per token).
     */
    @Override
    public void addWeightedGradient(int[] y, double[] tokenScale, double[] acc, double[] sums) {
      check(y);
      Checks.length("tokenScale", tokenScale.length, length);
      int rows = 0;
      for (int i = 0; i < length; i++) {
        int p = i == 0 ? k : y[i - 1];
        int at = p * k + y[i];
        if (!touched[p]) {
          touched[p] = true;
          touchedRows[rows++] = p;
        }
        double s = tokenScale[i];
        count[at] += 1;
        weight[p] += s;
        transition[at] += s;
        seen[p * words + (y[i] >>> 6)] |= 1L << y[i];
      }
      sums[0] = scoreRows(rows, count, 1.0, true, acc);
      sums[1] = weightedTotal;
    }

    /**
     * The row pass shared by both scores: for each touched row {@code p}, {@code sum_v T_pv log
     * P(v|p)} (returned) and {@code sum_v S_pv log P(v|p)} (into {@link #weightedTotal}) over the
     * {@code v} seen, in the order of {@code v}; when {@code gradient}, the coefficients {@code
     * scale (S_pv - C_p P(v|p))}, branch-free over the row but for the dominant entry, computed
     * as {@code S (1 - P) - (C - S) P} with {@code 1 - P} the sum of the others. Clears the
     * tables it reads.
     */
    private double scoreRows(int rows, double[] counts, double scale, boolean gradient,
        double[] acc) {
      boolean uniform = counts == transition;
      if (gradient) {
        java.util.Arrays.fill(g, 0.0);
      }
      double total = 0;
      double weightedSum = 0;
      for (int r = 0; r < rows; r++) {
        int p = touchedRows[r];
        int base = row(p);
        double z = cdf[base + k - 1];
        double inverse = 1.0 / z;
        double c = weight[p];
        double shift = lse[p];
        int top = dominant[p];
        double topCount = top >= 0 ? counts[base + top] : 0;
        double topScaled = top >= 0 ? transition[base + top] : 0;
        double topRest = topCount != 0 ? rest(base, top) : 0;
        double rowTotal = 0;
        double rowWeighted = 0;
        for (int word = 0; word < words; word++) {
          long bits = seen[p * words + word];
          seen[p * words + word] = 0;
          while (bits != 0) {
            int v = (word << 6) + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            double logP = v == top
                ? -Math.log1p(topRest / u[base + top])
                : logit(p, v) - shift;
            rowTotal += counts[base + v] * logP;
            rowWeighted += transition[base + v] * logP;
          }
        }
        total += rowTotal;
        weightedSum += rowWeighted;
        if (gradient) {
          for (int v = 0; v < k; v++) {
            coefficient[v] = scale * (transition[base + v] - c * (u[base + v] * inverse));
          }
          if (topScaled != 0) {
            coefficient[top] = scale * (topScaled * (topRest * inverse)
                - (c - topScaled) * (u[base + top] * inverse));
          }
          addRow(p, acc);
        }
        java.util.Arrays.fill(transition, base, base + k, 0.0);
        if (!uniform) {
          java.util.Arrays.fill(count, base, base + k, 0.0);
        }
        weight[p] = 0;
        touched[p] = false;
      }
      if (gradient) {
        addFirstBlock(acc);
      }
      weightedTotal = weightedSum;
      return total;
    }

    /** Adds {@code coefficient} to {@code g} and, for a token {@code p}, to column p of dW2. */
    private void addRow(int p, double[] acc) {
      for (int v = 0; v < k; v++) {
        g[v] += coefficient[v];
      }
      if (p < k) {
        int column = block + p * k;
        for (int v = 0; v < k; v++) {
          acc[column + v] += coefficient[v];
        }
      }
    }

    /** {@code dW1 += x g^T}, now or held by the group. */
    private void addFirstBlock(double[] acc) {
      if (deferred != null) {
        deferred.add(x, g, acc);
      } else {
        org.pgbarrier.kernel.RankOneUpdate.addInPlace(x, g, d, k, acc, 0);
      }
    }

    /**
     * The inverse CDF: the first {@code v} with {@code cdf[v] > uniform Z_p}. The dominant token's
     * interval {@code [cdf[top - 1], cdf[top])} is tested first: it holds the target with
     * probability {@code P(top | p) >= 1/2} (near 1 for a trained model), the branch is then
     * predictable and the next draw need not wait for a search. Otherwise the binary search; both
     * give the same token.
     */
    @Override
    public int sample(int[] y, int i, double uniform) {
      int p = i == 0 ? k : y[i - 1];
      int base = row(p);
      double target = uniform * total[p];
      if (target < dominantHigh[p] && target >= dominantLow[p]) {
        return dominant[p];
      }
      int last = base + k - 1;
      if (!(cdf[last] > target)) {
        int v = k - 1;
        while (v > 0 && !(u[base + v] > 0)) {
          v--;
        }
        return v;
      }
      // Branch-free binary search for the first v with cdf[v] > target: pos counts the entries
      // known to be <= target; cdf[k - 1] > target, so it ends below k and starts below k / 2.
      int pos = 0;
      for (int step = Integer.highestOneBit(k - 1); step > 0; step >>= 1) {
        int next = pos + step;
        pos = next < k && cdf[base + next - 1] <= target ? next : pos;
      }
      return pos;
    }
  }
}
