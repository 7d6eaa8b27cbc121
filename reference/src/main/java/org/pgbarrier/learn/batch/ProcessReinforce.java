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
import org.pgbarrier.reward.ProcessReward;

/**
 * (E3) Process-reward REINFORCE with per-token advantages, the authors' {@code process_reward_pg}
 * [CODE: utils/training.py::process_reward_pg; docs/theory.md §7.2]:
 *
 * <pre>
 *   w <- w_base
 *   for step in 1..T:
 *       draw (x_b, y*_b) ~ D, b = 1..B;   y_b ~ behaviour(. | w, x_b), token by token
 *       r_{b,i} = +1 if y_{b,1..i} = y*_{b,1..i} else -1   (signed cumprod of matches;
 *                                     ProcessReward.correctPrefix: N queries per response)
 *       adv_{b,i} = r_{b,i} - mean_b r_{b,i}   if baseline (per-position batch mean),  else r_{b,i}
 *       loss = -(1/(B N)) sum_b sum_i adv_{b,i} log p_w(y_{b,i} | x_b, y_{b,<i})
 *       step along d = -grad loss
 *                    = (1/(B N)) sum_{b,i} adv_{b,i} grad log p_w(y_{b,i} | x_b, y_{b,<i})
 * </pre>
 *
 * The gradient is taken at the current {@code w} with no importance weights, whatever the
 * behaviour [CODE]. The {@link StepRule} receives the mean token negative log-likelihood of the
 * sampled responses (as in {@link OutcomeReinforce}; the authors' Adagrad ignores it).
 *
 * <p>One instance is one phase: the step rule starts fresh and the buffers are reused. Per step:
 * one {@code rng.nextLong()}, the step seed; sequence {@code b} draws its context and then its
 * response from its own stream of the seed ({@code Batch}); then {@code B N} process queries in
 * order (plus any the behaviour charges). A refused query propagates as {@link
 * org.pgbarrier.reward.BudgetExhaustedException} before {@code w} is changed.
 *
 * <p>Without the baseline the advantages of a response are its own rewards, {@code +1} before
 * its first wrong token and {@code -1} from it on, so a response is sampled (two at a time, their
 * token draws in turn, {@code Batch.forEachPair}) and its weighted
 * score accumulated in one pass on the lane's {@link org.pgbarrier.model.SequenceScorer}
 * workspace (for the bigram map, its fast exact path); with the baseline the per-position means
 * need the whole batch, so the scores are accumulated in a second pass. The batch is split
 * across the {@link Workers} and reduced in a fixed order: the result does not depend on their
 * number. Not thread-safe.
 *
 * @param <X> the context type
 */
public final class ProcessReinforce<X> extends Reinforce<X, ProcessReward> {
  private static final String ALGORITHM = "E3 process REINFORCE";
  private static final String SOURCE = "[CODE: utils/training.py::process_reward_pg]";
  private final int[] correctPrefix;
  private final int[] prefixCount;
  private final double[] positionMean;

  /**
   * @param model the model class
   * @param distribution the labelled context distribution {@code D}
   * @param behaviour the sampler of the responses, of the model's vocabulary
   * @param reward the process oracle (its counter is charged)
   * @param rule the step rule (its fresh copy is used)
   * @param settings steps, batch size, baseline
   */
  public ProcessReinforce(
      LinearAutoregressiveModel<X> model,
      ContextDistribution<X> distribution,
      BehaviourPolicy<X> behaviour,
      ProcessReward reward,
      StepRule rule,
      PolicyGradientSettings settings) {
    this(model, distribution, behaviour, reward, rule, settings, Workers.SERIAL);
  }

  /**
   * @param model the model class
   * @param distribution the labelled context distribution {@code D}
   * @param behaviour the sampler of the responses, of the model's vocabulary
   * @param reward the process oracle (its counter is charged)
   * @param rule the step rule (its fresh copy is used)
   * @param settings steps, batch size, baseline
   * @param workers the threads each batch is split across
   */
  public ProcessReinforce(
      LinearAutoregressiveModel<X> model,
      ContextDistribution<X> distribution,
      BehaviourPolicy<X> behaviour,
      ProcessReward reward,
      StepRule rule,
      PolicyGradientSettings settings,
      Workers workers) {
    super(ALGORITHM, SOURCE, model, distribution, behaviour, reward, rule, settings, workers);
    int n = model.length();
    this.correctPrefix = new int[settings.batchSize()];
    this.prefixCount = new int[n + 1];
    this.positionMean = new double[n];
  }

  /**
   * One step on {@code w}, in place.
   *
   * @return the step index, the surrogate loss, the mean per-token reward, the accuracy and the
   *     queries charged, all at the weights before the step
   * @throws ArithmeticException naming the step if the loss or the direction is not finite, or
   *     the step rule refuses the step ({@code w} is then unchanged)
   */
  @Override
  public PolicyGradientStep advance(double[] w, RandomGenerator rng) {
    long queriesBefore = reward.counter().count();
    batch.begin(w, rng);
    batch.resetLanes();
    boolean baseline = settings.baseline();
    generate(w, (lane, workspace, context, y) -> {
      if (!baseline) {
        ownRewards(lane, context, y);
        accumulate(lane, workspace, y);
      }
    });
    int n = batch.length;
    // r_{b,i} = +1 for i < m_b (the correct prefix), -1 after: sum_b r_{b,i} = 2 #{b: m_b > i} - B,
    // the same integer (exact in double) as summing the rewards one by one.
    Arrays.fill(prefixCount, 0);
    for (int b = 0; b < batch.size; b++) {
      correctPrefix[b] = reward.correctPrefix(batch.contexts[b], batch.responses[b]);
      prefixCount[correctPrefix[b]]++;
    }
    int correct = prefixCount[n];
    int alive = batch.size;
    double total = 0;
    for (int i = 0; i < n; i++) {
      alive -= prefixCount[i];
      double sum = 2.0 * alive - batch.size;
      total += sum;
      positionMean[i] = sum / batch.size;
    }
    if (baseline) {
      batch.forEachSequence((lane, b) -> {
        lane.workspace.start(batch.contexts[b].x());
        int m = correctPrefix[b];
        for (int i = 0; i < n; i++) {
          lane.tokenScale[i] = (i < m ? 1.0 : -1.0) - positionMean[i];
        }
        accumulate(lane, lane.workspace, batch.responses[b]);
      });
    }
    double inverse = 1.0 / ((double) batch.size * n);
    double weighted = 0;
    double logLikelihood = 0;
    for (Batch.Lane<X> lane : batch.lanes) {
      logLikelihood += lane.plusSum;
      weighted += lane.minusSum;
    }
    batch.sumLanes(batch.direction, null);
    for (int j = 0; j < batch.direction.length; j++) {
      batch.direction[j] *= inverse;
    }
    double loss = -weighted * inverse;
    double nll = -logLikelihood * inverse;
    int step = batch.apply(w, loss, nll);
    return new PolicyGradientStep(step, loss, total * inverse, (double) correct / batch.size,
        reward.counter().count() - queriesBefore);
  }

  /** The response's own signed prefix rewards into {@code lane.tokenScale} (no baseline). */
  private static <X> void ownRewards(Batch.Lane<X> lane, Labeled<X> context, int[] y) {
    int correct = context.correctPrefix(y);
    Arrays.fill(lane.tokenScale, 0, correct, 1.0);
    Arrays.fill(lane.tokenScale, correct, y.length, -1.0);
  }

  /**
   * Adds the score of response {@code y} ({@code workspace} started on its context) weighted by
   * {@code lane.tokenScale} to {@code lane.plus}; sums its log-likelihood into {@code lane.plusSum}
   * and {@code sum_i s_i log p_i} into {@code lane.minusSum}.
   */
  private static <X> void accumulate(Batch.Lane<X> lane, SequenceScorer.Workspace<X> workspace,
      int[] y) {
    workspace.addWeightedGradient(y, lane.tokenScale, lane.plus, lane.sums);
    lane.plusSum += lane.sums[0];
    lane.minusSum += lane.sums[1];
  }
}
