package org.pgbarrier.metric;

import java.util.Arrays;
import java.util.List;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.FiniteDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.kernel.LogSumExp;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.SequenceScorer;

/**
 * The likelihoods a model {@code q = p_w} gives the correct responses of a weighted set of
 * contexts, in log space, computed once so that the metrics ({@link SequenceError}, {@link
 * LikelihoodCdf}, {@link LikelihoodQuantile}, {@link Coverage}) do not run the model again. Per
 * context {@code x_c} with weight {@code w_c} it keeps the three {@link LikelihoodStatistic}s:
 *
 * <pre>
 *   SEQUENCE:    log q(y*|x)        = sum_i log q_i
 *   TOKEN_MIN:   log alpha_tok(x)   = min_i log q_i
 *   TOKEN_MEAN:  log((1/N) sum_i q_i) = lse_i(log q_i) - log N
 * </pre>
 *
 * with {@code q_i = q(y*_i | x, y*_<i)} (docs/theory.md §3.1, §3.4; the
 * sequence likelihood is the authors' {@code compute_sequence_likelihood} [CODE: utils/metrics.py],
 * kept as a log because {@code q(y*|x)} underflows at {@code k^-N}). Per-token values are reduced
 * as they are computed, so memory is {@code O(contexts)}, not {@code O(contexts * N)}.
 *
 * <p>Weights: the probabilities of a {@link FiniteDistribution} (exact expectations), or equal
 * weights for a sample (empirical ones). When all weights are equal the metrics count atoms
 * instead of adding weights, so empirical CDF values are exactly {@code m / n}.
 */
public final class TargetLikelihoods {
  private final int length;
  private final double[] weights;
  private final double totalWeight;
  private final boolean equalWeights;
  private final double[] sequence;
  private final double[] tokenMin;
  private final double[] tokenMean;

  private TargetLikelihoods(int contexts, int length, double[] weights) {
    this.length = length;
    this.weights = weights.clone();
    this.sequence = new double[contexts];
    this.tokenMin = new double[contexts];
    this.tokenMean = new double[contexts];
    double total = 0;
    boolean equal = true;
    for (int c = 0; c < contexts; c++) {
      Checks.nonNegative("weights[" + c + "]", weights[c]);
      total += weights[c];
      equal = equal && weights[c] == weights[0];
    }
    Checks.positive("sum of weights", total);
    this.totalWeight = total;
    this.equalWeights = equal;
  }

  /** Exact: the contexts of {@code distribution.support()} weighted by their probabilities. */
  public static <X> TargetLikelihoods of(
      LinearAutoregressiveModel<X> model, double[] w, FiniteDistribution<X> distribution) {
    List<Labeled<X>> support = distribution.support();
    double[] weights = new double[support.size()];
    for (int c = 0; c < weights.length; c++) {
      weights[c] = distribution.probability(c);
    }
    return compute(model, w, support, weights);
  }

  /** Empirical: the contexts of {@code sample}, with equal weights. */
  public static <X> TargetLikelihoods ofSample(
      LinearAutoregressiveModel<X> model, double[] w, List<Labeled<X>> sample) {
    Checks.positive("sample size", sample.size());
    double[] weights = new double[sample.size()];
    Arrays.fill(weights, 1.0);
    return compute(model, w, sample, weights);
  }

  /**
   * From given token log-likelihoods {@code tokenLogLikelihoods[c][i] = log q_i(x_c)}, each in
   * {@code [-inf, 0]}, all rows of one length {@code N >= 1}, with weights (finite, {@code >= 0},
   * positive sum; they need not sum to 1).
   */
  public static TargetLikelihoods fromTokenLogLikelihoods(
      double[][] tokenLogLikelihoods, double[] weights) {
    Checks.positive("contexts", tokenLogLikelihoods.length);
    Checks.length("weights", weights.length, tokenLogLikelihoods.length);
    int n = Checks.positive("N", tokenLogLikelihoods[0].length);
    TargetLikelihoods t = new TargetLikelihoods(tokenLogLikelihoods.length, n, weights);
    for (int c = 0; c < tokenLogLikelihoods.length; c++) {
      Checks.length("tokenLogLikelihoods[" + c + "]", tokenLogLikelihoods[c].length, n);
      t.put(c, tokenLogLikelihoods[c]);
    }
    return t;
  }

  /** {@link #fromTokenLogLikelihoods(double[][], double[])} with equal weights: a sample. */
  public static TargetLikelihoods fromTokenLogLikelihoods(double[][] tokenLogLikelihoods) {
    double[] weights = new double[tokenLogLikelihoods.length];
    Arrays.fill(weights, 1.0);
    return fromTokenLogLikelihoods(tokenLogLikelihoods, weights);
  }

  private static <X> TargetLikelihoods compute(
      LinearAutoregressiveModel<X> model, double[] w, List<Labeled<X>> contexts, double[] weights) {
    Checks.length("w", w.length, model.dimension());
    TargetLikelihoods t = new TargetLikelihoods(contexts.size(), model.length(), weights);
    double[] tokens = new double[model.length()];
    SequenceScorer<X> scorer = SequenceScorer.of(model);
    scorer.prepare(w);
    SequenceScorer.Workspace<X> workspace = scorer.workspace();
    for (int c = 0; c < contexts.size(); c++) {
      Labeled<X> context = contexts.get(c);
      workspace.start(context.x());
      workspace.tokenLogProbabilities(context.target(), tokens);
      t.put(c, tokens);
    }
    return t;
  }

  private void put(int c, double[] tokens) {
    double sum = 0;
    double min = 0;
    for (int i = 0; i < length; i++) {
      double l = tokens[i];
      Checks.logProbability("log q[" + c + "][" + i + "]", l);
      sum += l;
      min = Math.min(min, l);
    }
    sequence[c] = sum;
    tokenMin[c] = min;
    tokenMean[c] = LogSumExp.of(tokens, length) - Math.log(length);
  }

  /** The number of contexts. */
  public int size() {
    return sequence.length;
  }

  /** The response length {@code N}. */
  public int length() {
    return length;
  }

  /** The weight of context {@code c} (a probability, or 1 in a sample). */
  public double weight(int c) {
    return weights[c];
  }

  /** The sum of the weights. */
  public double totalWeight() {
    return totalWeight;
  }

  /** True iff all weights are equal (a sample, or a uniform distribution). */
  public boolean equalWeights() {
    return equalWeights;
  }

  /** {@code log q(y*|x_c)}. */
  public double logLikelihood(int c) {
    return sequence[c];
  }

  /** The log of {@code statistic} at context {@code c}. */
  public double logValue(LikelihoodStatistic statistic, int c) {
    return values(statistic)[c];
  }

  /** The per-context logs of {@code statistic}, not copied: callers must not modify it. */
  double[] values(LikelihoodStatistic statistic) {
    return switch (statistic) {
      case SEQUENCE -> sequence;
      case TOKEN_MIN -> tokenMin;
      case TOKEN_MEAN -> tokenMean;
    };
  }
}
