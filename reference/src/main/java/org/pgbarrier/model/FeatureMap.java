package org.pgbarrier.model;

/**
 * A joint feature map {@code phi(x, y_<i, v) in R^D} of a linear autoregressive model over a
 * vocabulary {@code [k] = {0, ..., k-1}}.
 *
 * <p>The model is {@code p_w(v | x, y_<i) = softmax_v <w, phi(x, y_<i, v)>} (arXiv 2603.06957,
 * abstract; the authors' {@code utils/model.py}). Positions are 0-based in code: position {@code
 * i} predicts {@code y[i]} from the prefix {@code y[0..i)}.
 *
 * <p>{@link #features} is the definition, used by the oracles in tests; {@link #scorer} and {@link
 * #addFeatureSums} are the fast paths the model runs on and must agree with it exactly (up to
 * floating-point summation order).
 *
 * @param <X> the context type
 */
public interface FeatureMap<X> {

  /** The vocabulary size {@code k}. */
  int vocabularySize();

  /** The parameter dimension {@code D}. */
  int dimension();

  /** Writes {@code phi(x, y[0..i), v)} into {@code out[0..D)}. */
  void features(X x, int[] y, int i, int v, double[] out);

  /**
   * {@code R(x) = max ||phi(x, y_<i, v)||} over positions {@code i < length}, all prefixes and all
   * tokens.
   */
  double featureNormBound(X x, int length);

  /** A scorer of logits {@code <w, phi(x, y_<i, .)>} for one context and fixed weights. */
  LogitScorer scorer(double[] w, X x);

  /**
   * Adds {@code sum_{i < n} sum_v coef[i*k + v] * phi(x, y[0..i), v)} to {@code acc[0..D)}: the
   * gradient accumulation of a whole sequence in one call.
   */
  void addFeatureSums(X x, int[] y, int n, double[] coef, double[] acc);

  /** Checks that {@code x} is a valid context for this map, naming the problem if not. */
  void validate(X x, int length);
}
