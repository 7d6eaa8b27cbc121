package org.pgbarrier.learn;

import java.util.random.RandomGenerator;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.reward.OutcomeReward;

/**
 * Algorithm (B), outcome-reward policy gradient that updates only on success (docs/theory.md §8.1
 * [RECONSTRUCTED]; the paper's "variant of PG" reaching likelihood {@code 1 - eps} in {@code
 * O~((1/alpha + 1/eps)/gamma^2)} queries is [SOURCE: abstract], its exact algorithm is not):
 *
 * <pre>
 *   sample y ~ proposal(. | x);  r = 1{y = y*(x)}  (one query);
 *   if r = 1:  w <- w + eta_t d,   d = grad_w log p_w(y|x) (times 1/p_w(y|x) if importance-weighted),
 *              eta_t from the StepRule at loss l = -log p_w(y|x);
 * </pre>
 *
 * otherwise {@code w} is unchanged, so before the first success the policy is frozen. Variants:
 * (B) on-policy, plain; (B') importance-weighted; (B'') plain with {@link ConstantStep}; (B'''')
 * the mixture proposal {@code (q + p_w)/2}, which samples the whole response from the base model
 * {@code q} with probability 1/2 and from {@code p_w} otherwise, so that every context succeeds
 * with probability at least {@code alpha/2}.
 */
public final class ReconstructedOutcomePg<X> implements Learner<PerSampleState<X>> {
  /** How the success update is weighted. */
  public enum Weighting {
    /** {@code d = grad log p_w(y|x)}. */
    PLAIN,
    /** {@code d = grad log p_w(y|x) / p_w(y|x)}: the unbiased log-loss gradient (B'). */
    IMPORTANCE_WEIGHTED
  }

  /** Which policy samples the response. */
  public enum Proposal {
    /** {@code y ~ p_w}. */
    ON_POLICY,
    /** {@code y ~ (q + p_w)/2} with {@code q} the base model (B''''). */
    MIXTURE_WITH_BASE
  }

  private final LinearAutoregressiveModel<X> model;
  private final StepRule rule;
  private final Weighting weighting;
  private final Proposal proposal;
  private final double[] wBase;
  private final OutcomeReward reward;

  /**
   * @param model the model class
   * @param rule the step rule (the reconstruction's is {@link LossNormalisedStep})
   * @param weighting plain or importance-weighted
   * @param proposal on-policy or the mixture with the base model
   * @param wBase the base model's weights (used by the mixture proposal)
   * @param reward the outcome oracle that counts queries
   */
  public ReconstructedOutcomePg(
      LinearAutoregressiveModel<X> model,
      StepRule rule,
      Weighting weighting,
      Proposal proposal,
      double[] wBase,
      OutcomeReward reward) {
    this.model = model;
    this.rule = rule;
    this.weighting = weighting;
    this.proposal = proposal;
    this.wBase = wBase.clone();
    this.reward = reward;
  }

  /**
   * One query on {@code context}: sample, ask the reward, update {@code w} in place on success.
   *
   * @return whether the sampled response was correct
   */
  public boolean step(double[] w, Labeled<X> context, RandomGenerator rng) {
    double[] sampler = proposal == Proposal.MIXTURE_WITH_BASE && rng.nextBoolean() ? wBase : w;
    int[] y = model.sample(sampler, context.x(), rng);
    if (reward.indicator(context, y) == 0) {
      return false;
    }
    double[] direction = new double[w.length];
    double logp = model.addGradient(w, context.x(), y, 1.0, direction);
    if (weighting == Weighting.IMPORTANCE_WEIGHTED) {
      double inverse = Math.exp(-logp);
      for (int j = 0; j < direction.length; j++) {
        direction[j] *= inverse;
      }
    }
    rule.apply(w, direction, -logp);
    return true;
  }

  /** One query on the state's context ({@link #step(double[], Labeled, RandomGenerator)}). */
  @Override
  public long step(PerSampleState<X> state, RandomGenerator rng) {
    step(state.w(), state.context(), rng);
    return 1;
  }

  @Override
  public double error(PerSampleState<X> state) {
    return state.error(model);
  }

  @Override
  public String describe() {
    return "ReconstructedOutcomePg(weighting=" + weighting + ", proposal=" + proposal + ", step="
        + rule.describe() + ") [RECONSTRUCTED, docs/theory.md §8.1]";
  }

  /**
   * The per-sample run: queries on one context from {@code w0} until {@code p_w(y*|x) >= 1 - eps}
   * or {@code maxQueries} are spent.
   *
   * @param queries queries spent (at most {@code maxQueries})
   * @param firstSuccess the query index (1-based) of the first success, 0 if none
   * @param reached whether {@code p_w(y*|x) >= 1 - eps} was reached
   * @param weights the final weights
   */
  public record PerSampleRun(long queries, long firstSuccess, boolean reached, double[] weights) {}

  /** Runs {@link #step} on {@code context} until the error is at most {@code eps}. */
  public PerSampleRun runUntil(
      double[] w0, Labeled<X> context, double eps, long maxQueries, RandomGenerator rng) {
    double[] w = w0.clone();
    double threshold = Math.log1p(-eps);
    long firstSuccess = 0;
    long queries = 0;
    boolean reached = model.logLikelihood(w, context.x(), context.target()) >= threshold;
    while (!reached && queries < maxQueries) {
      queries++;
      if (step(w, context, rng)) {
        if (firstSuccess == 0) {
          firstSuccess = queries;
        }
        reached = model.logLikelihood(w, context.x(), context.target()) >= threshold;
      }
    }
    return new PerSampleRun(queries, firstSuccess, reached, w);
  }
}
