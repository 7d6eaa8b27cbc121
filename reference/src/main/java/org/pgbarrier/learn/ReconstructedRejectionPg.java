package org.pgbarrier.learn;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.ReconstructedOutcomePg.PerSampleRun;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.reward.OutcomeReward;

/**
 * Variant (B'''), rejection-sampling outcome policy gradient (docs/theory.md §8.1 [RECONSTRUCTED];
 * the paper's "variant of PG" with outcome rewards is [SOURCE: abstract, arXiv 2603.06957], its
 * exact algorithm is not). One round on a context {@code x}:
 *
 * <pre>
 *   repeat:  sample y ~ p_w(. | x)   (on-policy, w fixed during the round);
 *            r = 1{y = y*(x)}        (one query)
 *   until r = 1 or m queries have been spent in this round;
 *   if r = 1 (y* found):  l = -log p_w(y*|x),   w <- w + eta_t grad_w log p_w(y*|x),
 *                         eta_t from the StepRule at loss l   (one step of algorithm (A) on y*)
 * </pre>
 *
 * and {@code w} is unchanged by a round that does not find {@code y*}. Queries: every sampled
 * response is scored once through the {@link OutcomeReward}, so its {@link
 * org.pgbarrier.reward.QueryCounter} is charged exactly the queries a round reports; a budget
 * exhausted on that counter propagates as {@link org.pgbarrier.reward.BudgetExhaustedException}.
 * In the per-sample regime (one fixed context) a round with {@code m} unlimited is a run of
 * algorithm (B) up to its first success, so the query law is that of (B) with the plain weighting;
 * the variant differs in the distributional regime, where {@code m} caps the effort per context.
 *
 * @param <X> the context type
 */
public final class ReconstructedRejectionPg<X> implements Learner<PerSampleState<X>> {
  private final LinearAutoregressiveModel<X> model;
  private final AcceptedSampleStep<X> acceptedStep;
  private final OutcomeReward reward;
  private final long roundBudget;

  /**
   * The result of one round.
   *
   * @param found whether {@code y*} was sampled (and the step taken)
   * @param queries the queries spent in the round, at most the round budget
   */
  public record Round(boolean found, long queries) {}

  /**
   * @param model the model class
   * @param rule the step rule of the (A)-step (the reconstruction's is {@link LossNormalisedStep})
   * @param reward the outcome oracle that counts queries
   * @param roundBudget {@code m}, the most queries one round may spend, at least 1 ({@code
   *     Long.MAX_VALUE} for no cap)
   */
  public ReconstructedRejectionPg(
      LinearAutoregressiveModel<X> model, StepRule rule, OutcomeReward reward, long roundBudget) {
    this.model = Objects.requireNonNull(model, "model");
    this.acceptedStep = new AcceptedSampleStep<>(model, rule);
    this.reward = Objects.requireNonNull(reward, "reward");
    this.roundBudget = Checks.positive("roundBudget", roundBudget);
  }

  /** {@code m}, the per-round query budget. */
  public long roundBudget() {
    return roundBudget;
  }

  /**
   * One round on {@code context}: samples on-policy from {@code w} until {@code y*} is found or
   * {@code m} queries are spent, then on success takes one step in place on {@code w}.
   *
   * @param w the weights, updated in place on success
   * @throws ArithmeticException if the step would make a weight non-finite ({@code w} unchanged)
   */
  public Round round(double[] w, Labeled<X> context, RandomGenerator rng) {
    Checks.length("w", w.length, model.dimension());
    return round(w, context, rng, roundBudget);
  }

  private Round round(double[] w, Labeled<X> context, RandomGenerator rng, long limit) {
    for (long q = 1; q <= limit; q++) {
      int[] y = model.sample(w, context.x(), rng);
      if (reward.indicator(context, y) == 1.0) {
        long query = q;
        acceptedStep.onResponse(w, context.x(), y,
            () -> "ReconstructedRejectionPg step after query " + query + " of a round");
        return new Round(true, q);
      }
    }
    return new Round(false, limit);
  }

  /** One round on the state's context ({@link #round}); returns its queries. */
  @Override
  public long step(PerSampleState<X> state, RandomGenerator rng) {
    return round(state.w(), state.context(), rng).queries();
  }

  @Override
  public double error(PerSampleState<X> state) {
    return state.error(model);
  }

  @Override
  public String describe() {
    return "ReconstructedRejectionPg(m=" + roundBudget + ", step=" + acceptedStep.describeRule()
        + ") [RECONSTRUCTED, docs/theory.md §8.1]";
  }

  /**
   * The per-sample run: rounds on one context from {@code w0} until {@code p_w(y*|x) >= 1 - eps}
   * (checked after every successful round, the only rounds that change {@code w}) or {@code
   * maxQueries} are spent; the last round is cut short to stay within {@code maxQueries}.
   *
   * @param w0 the initial weights (not modified)
   * @param eps the target error, in (0, 1)
   * @param maxQueries the query cap, at least 0
   * @return the queries spent, the query index of the first success (0 if none), whether the
   *     target was reached, and the final weights
   */
  public PerSampleRun runUntil(
      double[] w0, Labeled<X> context, double eps, long maxQueries, RandomGenerator rng) {
    RunUntilTarget.Tally tally = RunUntilTarget.run(model, w0, context, eps, maxQueries,
        (w, cap) -> {
          Round round = round(w, context, rng, Math.min(roundBudget, cap));
          return new RunUntilTarget.Spent(round.queries(), round.found(), round.found());
        });
    return new PerSampleRun(tally.queries(), tally.firstFound(), tally.reached(), tally.weights());
  }
}
