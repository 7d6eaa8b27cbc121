package org.pgbarrier.properties;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.LossNormalisedStep;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.reward.ProcessReward;

/**
 * The mutant twin of the barrier claims (BMB-10, BMB-11): a learner that gets token-level
 * (process-reward) feedback, a small version of algorithm (C) of docs/theory.md §8.1
 * [RECONSTRUCTED]. It is not the reference's process-reward learner; it exists only to be rejected
 * by the outcome-reward rules.
 *
 * <p>Per context it keeps the prefix {@code y*[0..r)} it has verified. One query: pick the
 * position {@code i} (the next unverified one, {@code i = r}, unless some verified position has
 * {@code log p_w(y*_i | x, y*_<i) < log(1 - eps) / N}, then the least likely verified one), draw
 * {@code v ~ p_w(. | x, y*_<i)}, ask the PRM whether {@code y*_<i v} is a correct prefix (one
 * query), and on "correct" take the token step {@code w += eta / max(1, l_i) grad log p_w(v | x,
 * y*_<i)} (and extend the verified prefix if {@code i = r}). Revealing {@code y*} costs about
 * {@code sum_i 1/q_i} queries instead of {@code 1/prod_i q_i}.
 */
final class TokenRejectionLearner<X> {
  private final LinearAutoregressiveModel<X> model;
  private final LossNormalisedStep rule;
  private final ProcessReward prm;
  private final double tokenThreshold;
  private final Map<Labeled<X>, int[]> verified = new IdentityHashMap<>();

  /**
   * @param eps the per-sample target error; each token aims at {@code (1 - eps)^(1/N)}
   */
  TokenRejectionLearner(
      LinearAutoregressiveModel<X> model, double eta, double eps, ProcessReward prm) {
    this.model = model;
    this.rule = new LossNormalisedStep(eta);
    this.prm = prm;
    this.tokenThreshold = Math.log1p(-eps) / model.length();
  }

  /** One PRM query on {@code context}; updates {@code w} in place on a verified token. */
  void step(double[] w, Labeled<X> context, RandomGenerator rng) {
    int n = model.length();
    // verified[context] = the verified tokens, then their count in the last slot.
    int[] known = verified.computeIfAbsent(context, c -> new int[n + 1]);
    int r = known[n];
    int[] y = java.util.Arrays.copyOf(known, n);
    double[] tokens = new double[n];
    model.tokenLogProbabilities(w, context.x(), y, tokens);
    int weakest = -1;
    for (int i = 0; i < r; i++) {
      if (weakest < 0 || tokens[i] < tokens[weakest]) {
        weakest = i;
      }
    }
    boolean weak = weakest >= 0 && tokens[weakest] < tokenThreshold;
    int i = r < n && !weak ? r : weakest;
    double[] p = model.tokenDistribution(w, context.x(), y, i);
    double u = rng.nextDouble();
    int v = 0;
    double cumulative = p[0];
    while (v < p.length - 1 && u >= cumulative) {
      v++;
      cumulative += p[v];
    }
    y[i] = v;
    if (prm.indicator(context, y, i + 1) == 0) {
      return;
    }
    double[] direction = new double[w.length];
    double logp = model.addTokenGradient(w, context.x(), y, i, v, 1.0, direction);
    rule.apply(w, direction, -logp);
    if (i == r) {
      known[r] = v;
      known[n] = r + 1;
    }
  }

  /** Queries on {@code context} from {@code w0} until {@code p_w(y*|x) >= 1 - eps}; the count. */
  long queriesUntil(double[] w0, Labeled<X> context, double eps, long max, RandomGenerator rng) {
    double[] w = w0.clone();
    double threshold = Math.log1p(-eps);
    long queries = 0;
    while (model.logLikelihood(w, context.x(), context.target()) < threshold && queries < max) {
      step(w, context, rng);
      queries++;
    }
    return queries;
  }
}
