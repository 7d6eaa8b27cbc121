package org.pgbarrier.learn.batch;

import java.util.random.RandomGenerator;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.learn.behaviour.EpsilonMixtureBehaviour;
import org.pgbarrier.learn.behaviour.FrozenBehaviour;
import org.pgbarrier.learn.behaviour.OnPolicyBehaviour;
import org.pgbarrier.learn.behaviour.TokenSampler;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.SequenceScorer;

/**
 * How a learner draws its responses: through the lane's {@link SequenceScorer} workspace when the
 * behaviour samples the learner's model (on-policy, frozen, or an epsilon-mixture of either,
 * nested), so that sampling shares the per-context caches of the gradient; otherwise through the
 * behaviour itself ({@link BehaviourPolicy#generate}). Either way the draws are those the
 * behaviour documents (on-policy and frozen: one {@code nextDouble} per token, inverse CDF;
 * the mixture: its coin, then {@code nextInt(k)} or the wrapped behaviour's draws).
 */
final class Sampling<X> {
  private final BehaviourPolicy<X> behaviour;
  private final Source<X> source;
  private final SequenceScorer<X> frozen;

  /** The per-response sampler over workspaces (own, frozen) started on the context. */
  @FunctionalInterface
  private interface Source<X> {
    TokenSampler start(SequenceScorer.Workspace<X> own, SequenceScorer.Workspace<X> frozen);
  }

  private Sampling(BehaviourPolicy<X> behaviour, LinearAutoregressiveModel<X> model) {
    this.behaviour = behaviour;
    SequenceScorer<X>[] frozenHolder = newHolder();
    this.source = resolve(behaviour, model, frozenHolder);
    this.frozen = frozenHolder[0];
  }

  static <X> Sampling<X> of(BehaviourPolicy<X> behaviour, LinearAutoregressiveModel<X> model) {
    return new Sampling<>(behaviour, model);
  }

  @SuppressWarnings("unchecked")
  private static <X> SequenceScorer<X>[] newHolder() {
    return (SequenceScorer<X>[]) new SequenceScorer<?>[1];
  }

  private static <X> Source<X> resolve(BehaviourPolicy<X> behaviour,
      LinearAutoregressiveModel<X> model, SequenceScorer<X>[] frozen) {
    if (behaviour instanceof OnPolicyBehaviour<X> on && on.model() == model) {
      return (own, ignored) -> (y, i, rng) -> own.sample(y, i, rng.nextDouble());
    }
    if (behaviour instanceof FrozenBehaviour<X> f && f.model() == model && frozen[0] == null) {
      frozen[0] = SequenceScorer.of(model);
      frozen[0].prepare(f.weights());
      return (ignored, f0) -> (y, i, rng) -> f0.sample(y, i, rng.nextDouble());
    }
    if (behaviour instanceof EpsilonMixtureBehaviour<X> mixture) {
      double epsilon = mixture.epsilon();
      int k = mixture.vocabularySize();
      if (epsilon == 1.0) {
        return (own, f0) -> (y, i, rng) -> rng.nextInt(k);
      }
      Source<X> inner = resolve(mixture.wrapped(), model, frozen);
      if (inner == null || epsilon == 0.0) {
        return inner;
      }
      return (own, f0) -> {
        TokenSampler wrapped = inner.start(own, f0);
        return (y, i, rng) -> rng.nextDouble() < epsilon ? rng.nextInt(k) : wrapped.next(y, i, rng);
      };
    }
    return null;
  }

  /** A workspace of the frozen behaviour's weights for a new lane, or null if there is none. */
  SequenceScorer.Workspace<X> frozenWorkspace() {
    return frozen == null ? null : frozen.workspace();
  }

  /**
   * Generates the response of {@code context} into {@code out}; {@code lane.workspace} must be
   * started on {@code context} under {@code w}.
   */
  void generate(Batch.Lane<X> lane, double[] w, Labeled<X> context, RandomGenerator rng,
      int[] out) {
    if (source == null) {
      behaviour.generate(w, context, rng, out);
      return;
    }
    TokenSampler sampler = start(lane.workspace, lane.frozen, context);
    for (int i = 0; i < out.length; i++) {
      out[i] = sampler.next(out, i, rng);
    }
  }

  /**
   * Generates the responses of two contexts, {@code first} into {@code out} from {@code rng} and
   * {@code second} into {@code secondOut} from {@code secondRng}, token by token in turn: the
   * two chains of dependent draws are independent, so the processor overlaps them. The draws of
   * each are those of {@link #generate}, from its own stream. {@code lane.workspace} must be
   * started on {@code first} and {@code lane.partner} on {@code second}, under {@code w}.
   */
  void generatePair(Batch.Lane<X> lane, double[] w, Labeled<X> first, RandomGenerator rng,
      int[] out, Labeled<X> second, RandomGenerator secondRng, int[] secondOut) {
    if (source == null) {
      behaviour.generate(w, first, rng, out);
      behaviour.generate(w, second, secondRng, secondOut);
      return;
    }
    TokenSampler sampler = start(lane.workspace, lane.frozen, first);
    TokenSampler secondSampler = start(lane.partner, lane.partnerFrozen, second);
    for (int i = 0; i < out.length; i++) {
      out[i] = sampler.next(out, i, rng);
      secondOut[i] = secondSampler.next(secondOut, i, secondRng);
    }
  }

  private TokenSampler start(SequenceScorer.Workspace<X> own, SequenceScorer.Workspace<X> frozen,
      Labeled<X> context) {
    if (frozen != null) {
      frozen.start(context.x());
    }
    return source.start(own, frozen);
  }
}
