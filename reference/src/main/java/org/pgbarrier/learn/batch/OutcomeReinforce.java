package org.pgbarrier.learn.batch;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.SequenceScorer;
import org.pgbarrier.parallel.Workers;
import org.pgbarrier.reward.OutcomeReward;

/**
 * (E2) Outcome-reward REINFORCE, the authors' {@code outcome_reward_pg} [CODE:
 * utils/training.py::outcome_reward_pg; docs/theory.md §7.2]:
 *
 * <pre>
 *   w <- w_base
 *   for step in 1..T:
 *       draw (x_b, y*_b) ~ D, b = 1..B
 *       y_b ~ behaviour(. | w, x_b), token by token               (default: on-policy p_w)
 *       r_b = +1 if y_b = y*_b else -1                      (OutcomeReward.signed: B queries)
 *       adv_b = r_b - mean_b r_b   if baseline,   else r_b
 *       loss = -(1/(B N)) sum_b sum_i adv_b log p_w(y_{b,i} | x_b, y_{b,<i})
 *       step along d = -grad loss = (1/(B N)) sum_b adv_b grad log p_w(y_b | x_b)
 * </pre>
 *
 * The gradient is taken at the current {@code w} with no importance weights, whatever the
 * behaviour [CODE]. The authors step with {@code torch.optim.Adagrad(lr)}, which ignores the
 * loss; the {@link StepRule} here receives the mean token negative log-likelihood of the sampled
 * responses, {@code -(1/(BN)) sum_b log p_w(y_b|x_b) >= 0} (our choice, so that loss-normalised
 * rules see a non-negative loss; the surrogate {@code loss} can be negative).
 *
 * <p>One instance is one phase: the step rule starts fresh and the buffers are reused. Per step:
 * one {@code rng.nextLong()}, the step seed; sequence {@code b} draws its context and then its
 * response (its behaviour's draws) from its own stream of the seed ({@code Batch}); then {@code
 * B} outcome queries in order (plus any the behaviour charges). A query refused by the budget
 * propagates as {@link org.pgbarrier.reward.BudgetExhaustedException} before {@code w} is
 * changed.
 *
 * <p>One pass per response: it is sampled (two responses at a time, their token draws in turn,
 * {@code Batch.forEachPair}), scored ({@code y = y*}) and its score {@code g_b =
 * grad log p_w(y_b|x_b)} accumulated at once, on the lane's {@link
 * org.pgbarrier.model.SequenceScorer} workspace, which samples the learner's own model from the
 * same per-context caches as the gradient (for the bigram map, its fast exact path). Since the
 * advantage takes two values, {@code adv_b = r_b - mean}, the direction is {@code (1/(BN)) [(1 -
 * mean) G_+ + (-1 - mean) G_-]} with {@code G_+-} the sums of {@code g_b} over the responses of
 * reward {@code +-1}, and no second pass is needed for the baseline. The batch is split across
 * the {@link Workers} and reduced in a fixed order: the result does not depend on their number.
 * Not thread-safe.
 *
 * @param <X> the context type
 */
public final class OutcomeReinforce<X> extends Reinforce<X, OutcomeReward> {
  private static final String ALGORITHM = "E2 outcome REINFORCE";
  private static final String SOURCE = "[CODE: utils/training.py::outcome_reward_pg]";
  private final double[] scratch;

  /**
   * @param model the model class
   * @param distribution the labelled context distribution {@code D}
   * @param behaviour the sampler of the responses, of the model's vocabulary
   * @param reward the outcome oracle (its counter is charged)
   * @param rule the step rule (its fresh copy is used)
   * @param settings steps, batch size, baseline
   */
  public OutcomeReinforce(
      LinearAutoregressiveModel<X> model,
      ContextDistribution<X> distribution,
      BehaviourPolicy<X> behaviour,
      OutcomeReward reward,
      StepRule rule,
      PolicyGradientSettings settings) {
    this(model, distribution, behaviour, reward, rule, settings, Workers.SERIAL);
  }

  /**
   * @param model the model class
   * @param distribution the labelled context distribution {@code D}
   * @param behaviour the sampler of the responses, of the model's vocabulary
   * @param reward the outcome oracle (its counter is charged)
   * @param rule the step rule (its fresh copy is used)
   * @param settings steps, batch size, baseline
   * @param workers the threads each batch is split across
   */
  public OutcomeReinforce(
      LinearAutoregressiveModel<X> model,
      ContextDistribution<X> distribution,
      BehaviourPolicy<X> behaviour,
      OutcomeReward reward,
      StepRule rule,
      PolicyGradientSettings settings,
      Workers workers) {
    super(ALGORITHM, SOURCE, model, distribution, behaviour, reward, rule, settings, workers);
    this.scratch = new double[model.dimension()];
  }

  /**
   * One step on {@code w}, in place.
   *
   * @return the step index, the surrogate loss, the mean reward, the accuracy and the queries
   *     charged, all at the weights before the step
   * @throws ArithmeticException naming the step if the loss or the direction is not finite, or
   *     the step rule refuses the step ({@code w} is then unchanged)
   */
  @Override
  public PolicyGradientStep advance(double[] w, RandomGenerator rng) {
    long queriesBefore = reward.counter().count();
    batch.begin(w, rng);
    batch.resetLanes();
    generate(w, (lane, workspace, context, y) -> score(lane, workspace, context, y));
    double sum = 0;
    int correct = 0;
    for (int b = 0; b < batch.size; b++) {
      double rb = reward.signed(batch.contexts[b], batch.responses[b]);
      sum += rb;
      correct += rb > 0 ? 1 : 0;
    }
    double mean = sum / batch.size;
    double plusAdvantage = settings.baseline() ? 1 - mean : 1;
    double minusAdvantage = settings.baseline() ? -1 - mean : -1;
    double inverse = 1.0 / ((double) batch.size * batch.length);
    double plusLogp = 0;
    double minusLogp = 0;
    double[] plus = batch.direction;
    double[] minus = scratch;
    Arrays.fill(minus, 0.0);
    for (Batch.Lane<X> lane : batch.lanes) {
      plusLogp += lane.plusSum;
      minusLogp += lane.minusSum;
    }
    batch.sumLanes(plus, minus);
    for (int j = 0; j < plus.length; j++) {
      // A group of advantage 0 adds nothing (as a zero scale does in the model): no -0.0.
      double sumJ = 0.0;
      if (plusAdvantage != 0) {
        sumJ += plusAdvantage * plus[j];
      }
      if (minusAdvantage != 0) {
        sumJ += minusAdvantage * minus[j];
      }
      plus[j] = sumJ * inverse;
    }
    double loss = -(plusAdvantage * plusLogp + minusAdvantage * minusLogp) * inverse;
    double nll = -(plusLogp + minusLogp) * inverse;
    int step = batch.apply(w, loss, nll);
    return new PolicyGradientStep(step, loss, mean, (double) correct / batch.size,
        reward.counter().count() - queriesBefore);
  }

  /** Adds the score of response {@code y} to the lane's sum of its reward group. */
  private static <X> void score(Batch.Lane<X> lane, SequenceScorer.Workspace<X> workspace,
      Labeled<X> context, int[] y) {
    if (context.isTarget(y)) {
      lane.plusSum += workspace.addGradient(y, 1.0, lane.plus);
    } else {
      lane.minusSum += workspace.addGradient(y, 1.0, lane.minus);
    }
  }
}
