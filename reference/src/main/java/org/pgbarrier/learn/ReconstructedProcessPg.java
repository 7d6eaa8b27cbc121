package org.pgbarrier.learn;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.random.Draws;
import org.pgbarrier.reward.ProcessReward;

/**
 * Algorithm (C), process-reward policy gradient by token-level rejection along the correct prefix
 * (docs/theory.md §8.1 and §8.13 [RECONSTRUCTED]; that PG with a
 * process reward model avoids the exponential dependence on {@code N} is [SOURCE: abstract, arXiv
 * 2603.06957], the algorithm is not). One pass on a context {@code x}:
 *
 * <pre>
 *   for i = 0 .. N-1:                                   (the prefix y*_<i is already revealed)
 *     repeat:  sample v ~ p_w(. | x, y*_<i);  r = PRM(x, (y*_<i, v))      (one query)
 *     until r = 1, or m queries at this position  (then the pass is aborted);
 *     l_i = -log p_w(v | x, y*_<i),   w <- w + eta_i grad_w log p_w(v | x, y*_<i),
 *     eta_i from the StepRule at loss l_i          (the token-level step; v = y*_i)
 * </pre>
 *
 * The learner never reads {@code y*}: it learns each correct token only from the process reward.
 * The {@linkplain #reveal frozen pass} makes no step; with {@code q_i = p_w(y*_i | x, y*_<i)} its
 * query count is a sum of independent {@code Geometric(q_i)}, of mean {@code sum_i 1/q_i <= N /
 * min_i q_i} (§8.2 P6), against {@code 1 / prod_i q_i} for outcome rewards.
 *
 * <p>Queries: each sampled token is scored once, by {@link ProcessReward#indicator} on the prefix
 * {@code (y*_<i, v)} of length {@code i + 1}, so the oracle's {@link
 * org.pgbarrier.reward.QueryCounter} is charged exactly the queries a pass reports; a budget
 * exhausted on that counter propagates as {@link org.pgbarrier.reward.BudgetExhaustedException}.
 * Randomness: one {@code rng.nextDouble()} per sampled token (inverse-CDF sampling).
 *
 * @param <X> the context type
 */
public final class ReconstructedProcessPg<X> implements Learner<PerSampleState<X>> {
  private final LinearAutoregressiveModel<X> model;
  private final AcceptedSampleStep<X> acceptedStep;
  private final ProcessReward reward;
  private final long tokenBudget;

  /**
   * The result of one pass along the prefix.
   *
   * @param queries the process-reward queries spent
   * @param revealed how many leading tokens of {@code y*} were found ({@code N} if complete)
   * @param complete whether the whole of {@code y*} was found
   */
  public record Pass(long queries, int revealed, boolean complete) {}

  /**
   * The per-sample run of {@link #runUntil}.
   *
   * @param queries the queries spent (at most {@code maxQueries})
   * @param passes the passes started (the last may have been cut short by {@code maxQueries})
   * @param firstReveal the query index (1-based) at which {@code y*} was first completely found, 0
   *     if never
   * @param reached whether {@code p_w(y*|x) >= 1 - eps} was reached
   * @param weights the final weights
   */
  public record Run(
      long queries, long passes, long firstReveal, boolean reached, double[] weights) {}

  /**
   * @param model the model class
   * @param rule the token-level step rule (the reconstruction's is {@link LossNormalisedStep})
   * @param reward the process oracle that counts queries
   * @param tokenBudget {@code m}, the most queries spent at one position before the pass is
   *     aborted, at least 1 ({@code Long.MAX_VALUE} for no cap)
   */
  public ReconstructedProcessPg(
      LinearAutoregressiveModel<X> model, StepRule rule, ProcessReward reward, long tokenBudget) {
    this.model = Objects.requireNonNull(model, "model");
    this.acceptedStep = new AcceptedSampleStep<>(model, rule);
    this.reward = Objects.requireNonNull(reward, "reward");
    this.tokenBudget = Checks.positive("tokenBudget", tokenBudget);
  }

  /** {@code m}, the per-position query budget. */
  public long tokenBudget() {
    return tokenBudget;
  }

  /**
   * One learning pass on {@code context}: walks the correct prefix, taking the token-level step in
   * place on {@code w} at every position whose correct token is found, before sampling the next
   * position from the updated weights.
   *
   * @param w the weights, updated in place
   * @throws ArithmeticException if a step would make a weight non-finite ({@code w} keeps the steps
   *     of the earlier positions)
   */
  public Pass pass(double[] w, Labeled<X> context, RandomGenerator rng) {
    Checks.length("w", w.length, model.dimension());
    return walk(w, context, rng, true, Long.MAX_VALUE);
  }

  /** One learning pass on the state's context ({@link #pass}); returns its queries. */
  @Override
  public long step(PerSampleState<X> state, RandomGenerator rng) {
    return pass(state.w(), state.context(), rng).queries();
  }

  @Override
  public double error(PerSampleState<X> state) {
    return state.error(model);
  }

  @Override
  public String describe() {
    return "ReconstructedProcessPg(m=" + tokenBudget + ", step=" + acceptedStep.describeRule()
        + ") [RECONSTRUCTED, docs/theory.md §8.1, §8.13]";
  }

  /**
   * The frozen pass: the same walk with no step, so every position samples from {@code w} as
   * given, which is not modified. Reveals {@code y*} in {@code sum_i Geometric(q_i)} queries
   * unless the per-position budget aborts it.
   */
  public Pass reveal(double[] w, Labeled<X> context, RandomGenerator rng) {
    Checks.length("w", w.length, model.dimension());
    return walk(w, context, rng, false, Long.MAX_VALUE);
  }

  /**
   * The per-sample run: learning passes on one context from {@code w0} until {@code p_w(y*|x) >=
   * 1 - eps}, checked after every pass (complete or aborted; never in the middle of a pass), or
   * until {@code maxQueries} are spent, which may cut the last pass short.
   *
   * @param w0 the initial weights (not modified)
   * @param eps the target error, in (0, 1)
   * @param maxQueries the query cap, at least 0
   */
  public Run runUntil(
      double[] w0, Labeled<X> context, double eps, long maxQueries, RandomGenerator rng) {
    RunUntilTarget.Tally tally = RunUntilTarget.run(model, w0, context, eps, maxQueries,
        (w, cap) -> {
          Pass pass = walk(w, context, rng, true, cap);
          return new RunUntilTarget.Spent(pass.queries(), pass.complete(), pass.revealed() > 0);
        });
    return new Run(tally.queries(), tally.attempts(), tally.firstFound(), tally.reached(),
        tally.weights());
  }

  /**
   * The walk along the correct prefix, stopping early after {@code cap} queries; {@code update}
   * selects the learning pass or the frozen one.
   */
  private Pass walk(
      double[] w, Labeled<X> context, RandomGenerator rng, boolean update, long cap) {
    int n = model.length();
    int[] prefix = new int[n];
    long queries = 0;
    for (int i = 0; i < n; i++) {
      long tries = 0;
      while (true) {
        if (tries == tokenBudget || queries == cap) {
          return new Pass(queries, i, false);
        }
        double[] p = model.tokenDistribution(w, context.x(), prefix, i);
        prefix[i] = Draws.index(p, rng.nextDouble());
        tries++;
        queries++;
        if (reward.indicator(context, prefix, i + 1) == 1.0) {
          break;
        }
      }
      if (update) {
        int position = i;
        acceptedStep.onToken(w, context.x(), prefix, i,
            () -> "ReconstructedProcessPg step at position " + position);
      }
    }
    return new Pass(queries, n, true);
  }
}
