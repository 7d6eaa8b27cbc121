package org.pgbarrier.learn.batch;

import java.util.Objects;
import java.util.SplittableRandom;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.SequenceScorer;
import org.pgbarrier.parallel.Workers;

/**
 * What the two REINFORCE learners, {@link OutcomeReinforce} (E2) and {@link ProcessReinforce}
 * (E3), share: one phase's context distribution, behaviour, reward oracle, settings, sampling and
 * batch buffers, checked and built once; the generation of a batch of responses; the accessors
 * and the description. Each learner adds its own buffers and its step ({@link #advance}).
 *
 * @param <X> the context type
 * @param <R> the reward oracle's type
 */
abstract class Reinforce<X, R> implements BatchAlgorithm<PolicyGradientStep> {
  final R reward;
  final PolicyGradientSettings settings;
  final Batch<X> batch;
  private final ContextDistribution<X> distribution;
  private final BehaviourPolicy<X> behaviour;
  private final Sampling<X> sampling;
  private final String source;

  /**
   * Checks {@code model} to {@code workers} in parameter order (a null one: a {@link
   * NullPointerException} naming it), then builds the sampling and the batch buffers.
   *
   * @param algorithm the learner's name, for messages and provenance
   * @param source the learner's provenance tag, which ends {@link #describe()}
   * @param model the model class
   * @param distribution the labelled context distribution {@code D}
   * @param behaviour the sampler of the responses, of the model's vocabulary
   * @param reward the reward oracle (its counter is charged)
   * @param rule the step rule (its fresh copy is used)
   * @param settings steps, batch size, baseline
   * @param workers the threads each batch is split across
   */
  Reinforce(
      String algorithm,
      String source,
      LinearAutoregressiveModel<X> model,
      ContextDistribution<X> distribution,
      BehaviourPolicy<X> behaviour,
      R reward,
      StepRule rule,
      PolicyGradientSettings settings,
      Workers workers) {
    Objects.requireNonNull(model, "model");
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    this.behaviour = checkVocabulary(behaviour, model);
    this.reward = Objects.requireNonNull(reward, "reward");
    Objects.requireNonNull(rule, "rule");
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(workers, "workers");
    this.sampling = Sampling.of(behaviour, model);
    this.batch = new Batch<>(algorithm, model, settings.batchSize(), rule, true, sampling, workers);
    this.source = source;
  }

  /** Requires the behaviour to emit the model's vocabulary. */
  private static <X> BehaviourPolicy<X> checkVocabulary(
      BehaviourPolicy<X> behaviour, LinearAutoregressiveModel<X> model) {
    Objects.requireNonNull(behaviour, "behaviour");
    if (behaviour.vocabularySize() != model.vocabularySize()) {
      throw new IllegalArgumentException("behaviour vocabulary size = "
          + behaviour.vocabularySize() + ": must equal the model's k = "
          + model.vocabularySize());
    }
    return behaviour;
  }

  /** What a learner does with one generated response. */
  @FunctionalInterface
  interface ResponseTask<X> {
    /**
     * @param lane the lane the response was generated on
     * @param workspace the lane's workspace started on {@code context}
     * @param context the drawn context
     * @param y the response
     */
    void run(Batch.Lane<X> lane, SequenceScorer.Workspace<X> workspace, Labeled<X> context,
        int[] y);
  }

  /**
   * Draws the batch's contexts and generates their responses at {@code w} ({@code
   * batch.responses}), two at a time ({@link Batch#forEachPair}): each sequence {@code b} draws
   * its context and its tokens from its own stream {@code batch.stream(b)}; then {@code task}
   * sees each response, {@code b} before its partner.
   */
  final void generate(double[] w, ResponseTask<X> task) {
    batch.forEachPair((lane, b, c) -> {
      SplittableRandom stream = batch.stream(b);
      Labeled<X> context = batch.draw(b, distribution, stream);
      lane.workspace.start(context.x());
      int[] y = batch.responses[b];
      if (c < 0) {
        sampling.generate(lane, w, context, stream, y);
        task.run(lane, lane.workspace, context, y);
        return;
      }
      SplittableRandom partnerStream = batch.stream(c);
      Labeled<X> partner = batch.draw(c, distribution, partnerStream);
      lane.partner.start(partner.x());
      int[] partnerY = batch.responses[c];
      sampling.generatePair(lane, w, context, stream, y, partner, partnerStream, partnerY);
      task.run(lane, lane.workspace, context, y);
      task.run(lane, lane.partner, partner, partnerY);
    });
  }

  public final PolicyGradientSettings settings() {
    return settings;
  }

  /** The number of steps applied so far. */
  public final int stepsTaken() {
    return batch.stepsTaken();
  }

  @Override
  public final int steps() {
    return settings.steps();
  }

  @Override
  public final String describe() {
    return batch.algorithm + " " + settings + ", behaviour " + behaviour.describe() + ", "
        + batch.describeRule() + " " + source;
  }
}
