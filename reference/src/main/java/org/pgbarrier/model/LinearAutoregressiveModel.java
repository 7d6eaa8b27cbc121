package org.pgbarrier.model;

import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.kernel.InverseCdf;
import org.pgbarrier.kernel.LogSumExp;

/**
 * The linear autoregressive (log-linear next-token) model of arXiv 2603.06957 (abstract; authors'
 * {@code utils/model.py}) over responses {@code y in [k]^N}:
 *
 * <pre>
 *   p_w(y_i | x, y_<i) = softmax_v( <w, phi(x, y_<i, v)> ),      p_w(y | x) = prod_i p_w(y_i | x, y_<i),
 *   grad_w log p_w(y | x) = sum_i [ phi(x, y_<i, y_i) - E_{v ~ p_w(.|x, y_<i)} phi(x, y_<i, v) ].
 * </pre>
 *
 * Everything is computed in log space with a stable log-sum-exp, so {@code log p_w(y|x)} stays
 * finite at N = 1024 where {@code p_w(y|x)} underflows. The weights {@code w} are passed to every
 * call and never retained.
 *
 * @param <X> the context type
 */
public final class LinearAutoregressiveModel<X> {
  /** Exact enumeration is refused above this many responses. */
  public static final long MAX_ENUMERATION = 1_000_000L;

  /** The largest array length the model allocates. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final FeatureMap<X> phi;
  private final int length;
  private final int k;

  /**
   * @param phi the feature map
   * @param length the response length {@code N}
   */
  public LinearAutoregressiveModel(FeatureMap<X> phi, int length) {
    this.phi = phi;
    this.length = Checks.positive("N", length);
    this.k = phi.vocabularySize();
    if ((long) length * k > MAX_ARRAY) {
      throw new IllegalArgumentException("N * k = " + length + " * " + k
          + ": must be at most " + MAX_ARRAY + " (one array holds a sequence's token scores)");
    }
  }

  public FeatureMap<X> featureMap() {
    return phi;
  }

  /** The response length {@code N}. */
  public int length() {
    return length;
  }

  /** The vocabulary size {@code k}. */
  public int vocabularySize() {
    return k;
  }

  /** The parameter dimension {@code D}. */
  public int dimension() {
    return phi.dimension();
  }

  /**
   * Writes {@code out[i] = log p_w(y_i | x, y_<i)} for {@code i < N} and returns their sum {@code
   * log p_w(y | x)}.
   */
  public double tokenLogProbabilities(double[] w, X x, int[] y, double[] out) {
    checkResponse(y);
    LogitScorer scorer = phi.scorer(w, x);
    double[] logits = new double[k];
    double total = 0;
    for (int i = 0; i < length; i++) {
      scorer.logits(y, i, logits);
      out[i] = LogSumExp.logSoftmaxAt(logits, k, y[i]);
      total += out[i];
    }
    return total;
  }

  /** {@code log p_w(y | x)}. */
  public double logLikelihood(double[] w, X x, int[] y) {
    return tokenLogProbabilities(w, x, y, new double[length]);
  }

  /**
   * Adds {@code scale * grad_w log p_w(y | x)} to {@code acc} and returns {@code log p_w(y | x)}.
   */
  public double addGradient(double[] w, X x, int[] y, double scale, double[] acc) {
    checkResponse(y);
    Checks.length("gradient accumulator", acc.length, phi.dimension());
    return accumulate(w, x, y, 0, length, i -> scale, acc);
  }

  /**
   * Adds {@code sum_i tokenScale[i] * grad_w log p_w(y_i | x, y_<i)} to {@code acc} and returns
   * {@code log p_w(y | x)}: the per-token weighted score of process-reward REINFORCE (authors'
   * {@code process_reward_pg}), where each position carries its own advantage.
   */
  public double addWeightedGradient(double[] w, X x, int[] y, double[] tokenScale, double[] acc) {
    checkResponse(y);
    Checks.length("tokenScale", tokenScale.length, length);
    Checks.length("gradient accumulator", acc.length, phi.dimension());
    return accumulate(w, x, y, 0, length, i -> tokenScale[i], acc);
  }

  /**
   * Adds {@code scale * grad_w log p_w(v | x, y[0..i))} to {@code acc}, with
   *
   * <pre>
   *   grad_w log p_w(v | x, y_<i) = phi(x, y_<i, v) - E_{u ~ p_w(.|x, y_<i)} phi(x, y_<i, u),
   * </pre>
   *
   * and returns {@code log p_w(v | x, y_<i)}: the token-level step of process-reward PG. Only
   * {@code y[0..i)} is read.
   */
  public double addTokenGradient(
      double[] w, X x, int[] y, int i, int v, double scale, double[] acc) {
    checkResponse(y);
    Checks.inRange("i", i, 0, length - 1);
    Checks.inRange("v", v, 0, k - 1);
    Checks.length("gradient accumulator", acc.length, phi.dimension());
    int[] prefix = y.clone();
    prefix[i] = v;
    return accumulate(w, x, prefix, i, i + 1, j -> scale, acc);
  }

  /** The per-position scale of {@link #accumulate}. */
  @FunctionalInterface
  private interface PositionScale {
    double at(int i);
  }

  /**
   * Adds {@code sum_{from <= i < n} scale(i) grad log p_w(y_i | x, y_<i)} to {@code acc}; returns
   * {@code sum_{from <= i < n} log p_w(y_i | x, y_<i)}. Positions of scale 0 contribute their
   * log-probability only.
   */
  private double accumulate(
      double[] w, X x, int[] y, int from, int n, PositionScale scale, double[] acc) {
    LogitScorer scorer = phi.scorer(w, x);
    double[] logits = new double[k];
    double[] coef = new double[n * k];
    double total = 0;
    for (int i = from; i < n; i++) {
      scorer.logits(y, i, logits);
      total += LogSumExp.logSoftmaxAt(logits, k, y[i]);
      double s = scale.at(i);
      if (s == 0) {
        continue;
      }
      double lse = LogSumExp.of(logits, k);
      int row = i * k;
      double rest = 0;
      for (int v = 0; v < k; v++) {
        if (v != y[i]) {
          double p = Math.exp(logits[v] - lse);
          coef[row + v] = -s * p;
          rest += p;
        }
      }
      // 1 - p_y summed from the other tokens: no cancellation when p_y is near 1.
      coef[row + y[i]] = s * rest;
    }
    phi.addFeatureSums(x, y, n, coef, acc);
    return total;
  }

  /** {@code grad_w log p_w(y | x)} in a new array. */
  public double[] gradient(double[] w, X x, int[] y) {
    double[] g = new double[phi.dimension()];
    addGradient(w, x, y, 1.0, g);
    return g;
  }

  /** The next-token distribution {@code p_w(. | x, y[0..i))}. */
  public double[] tokenDistribution(double[] w, X x, int[] y, int i) {
    Checks.inRange("i", i, 0, length - 1);
    double[] logits = new double[k];
    phi.scorer(w, x).logits(y, i, logits);
    double[] p = new double[k];
    LogSumExp.softmax(logits, k, p);
    return p;
  }

  /**
   * Draws {@code y ~ p_w(. | x)} token by token with one {@code rng.nextDouble()} per token
   * (inverse-CDF sampling in token order).
   */
  public int[] sample(double[] w, X x, RandomGenerator rng) {
    LogitScorer scorer = phi.scorer(w, x);
    double[] logits = new double[k];
    int[] y = new int[length];
    for (int i = 0; i < length; i++) {
      scorer.logits(y, i, logits);
      y[i] = sampleToken(logits, rng.nextDouble());
    }
    return y;
  }

  /** The token of {@code softmax(logits)} at uniform {@code u}: {@link InverseCdf#token}. */
  int sampleToken(double[] logits, double u) {
    return InverseCdf.token(logits, k, u);
  }

  /** Greedy decoding: {@code y_i = argmax_v p_w(v | x, y_<i)}, ties to the smallest token id. */
  public int[] greedy(double[] w, X x) {
    LogitScorer scorer = phi.scorer(w, x);
    double[] logits = new double[k];
    int[] y = new int[length];
    for (int i = 0; i < length; i++) {
      scorer.logits(y, i, logits);
      y[i] = LogSumExp.argmax(logits, k);
    }
    return y;
  }

  /**
   * {@code log p_w(y | x)} for all {@code k^N} responses by depth-first enumeration of the prefix
   * tree, indexed by {@code sum_i y_i k^(N-1-i)} (y_1 most significant). Refused above {@value
   * #MAX_ENUMERATION} responses.
   */
  public double[] enumerateLogLikelihoods(double[] w, X x) {
    long count = responseCount();
    if (count > MAX_ENUMERATION) {
      throw new IllegalArgumentException(
          "k^N = " + k + "^" + length + ": exact enumeration needs at most " + MAX_ENUMERATION
              + " responses");
    }
    double[] out = new double[(int) count];
    double[][] logits = new double[length][k];
    enumerate(phi.scorer(w, x), new int[length], 0, 0.0, 0, logits, out);
    return out;
  }

  /** {@code k^N}, or {@code Long.MAX_VALUE} when it overflows. */
  public long responseCount() {
    long count = 1;
    for (int i = 0; i < length; i++) {
      if (count > Long.MAX_VALUE / k) {
        return Long.MAX_VALUE;
      }
      count *= k;
    }
    return count;
  }

  /** The response with enumeration index {@code index}. */
  public int[] response(long index) {
    int[] y = new int[length];
    for (int i = length - 1; i >= 0; i--) {
      y[i] = (int) (index % k);
      index /= k;
    }
    return y;
  }

  private void enumerate(
      LogitScorer scorer, int[] y, int i, double prefix, int index, double[][] logits, double[] out) {
    scorer.logits(y, i, logits[i]);
    double lse = LogSumExp.of(logits[i], k);
    for (int v = 0; v < k; v++) {
      y[i] = v;
      double logp = prefix + logits[i][v] - lse;
      int next = index * k + v;
      if (i + 1 == length) {
        out[next] = logp;
      } else {
        enumerate(scorer, y, i + 1, logp, next, logits, out);
      }
    }
  }

  private void checkResponse(int[] y) {
    Checks.length("y", y.length, length);
    Checks.tokens("y", y, k);
  }
}
