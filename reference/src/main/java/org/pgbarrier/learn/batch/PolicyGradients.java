package org.pgbarrier.learn.batch;

import java.util.Objects;
import java.util.SplittableRandom;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.SequenceScorer;

/**
 * What the two REINFORCE learners (E2, E3) share: the behaviour's checks, and the generation of
 * a batch of responses.
 */
final class PolicyGradients {
  private PolicyGradients() {}

  /** Requires the behaviour to emit the model's vocabulary. */
  static <X> BehaviourPolicy<X> checkVocabulary(
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
  static <X> void generate(Batch<X> batch, ContextDistribution<X> distribution,
      Sampling<X> sampling, double[] w, ResponseTask<X> task) {
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
}
