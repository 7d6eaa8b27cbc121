package org.pgbarrier.model;

import java.util.Objects;

/**
 * The sequence computations of a {@link LinearAutoregressiveModel} under weights fixed for a
 * while (one learner step, one evaluation): log-likelihoods, the weighted score {@code sum_i s_i
 * grad log p_w(y_i | x, y_<i)} and inverse-CDF token draws. {@link #of} picks the fastest exact
 * implementation for the model's feature map: {@link BigramSequenceScorer} for {@link
 * BigramFeatureMap}, otherwise {@link #general} (the model's own methods, the reference).
 *
 * <p>Use: {@link #prepare} the weights on one thread (per-weight tables are built there), then
 * give every thread its own {@link #workspace()}; a workspace reads the weights last prepared,
 * which must not change while it is used. Prepare happens-before the workspaces' use when the
 * threads are started (or tasks submitted) after it.
 *
 * @param <X> the context type
 */
public interface SequenceScorer<X> {
  /** The fast scorer for {@code model}'s feature map, or {@link #general} if there is none. */
  @SuppressWarnings("unchecked")
  static <X> SequenceScorer<X> of(LinearAutoregressiveModel<X> model) {
    Objects.requireNonNull(model, "model");
    if (model.featureMap() instanceof BigramFeatureMap phi) {
      return (SequenceScorer<X>) new BigramSequenceScorer(phi, model.length());
    }
    return general(model);
  }

  /** The reference: every call delegates to {@code model}'s general methods. */
  static <X> SequenceScorer<X> general(LinearAutoregressiveModel<X> model) {
    return new GeneralSequenceScorer<>(Objects.requireNonNull(model, "model"));
  }

  /** Fixes the weights {@code w} (not copied) for the workspaces until the next call. */
  void prepare(double[] w);

  /** A new workspace, for one thread. */
  Workspace<X> workspace();

  /**
   * {@code count} new workspaces for one thread that may share work held between calls: the
   * bigram scorer holds the dense first-block terms of their gradients ({@code dW1 += x g^T}) and
   * applies them, each accumulator's in the order of the calls, at {@link Workspace#flush()} of
   * any of them, so an accumulator is complete only after that flush. The default shares
   * nothing: {@code count} calls of {@link #workspace()}.
   */
  default java.util.List<Workspace<X>> workspaces(int count) {
    org.pgbarrier.Checks.positive("count", count);
    java.util.List<Workspace<X>> group = new java.util.ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      group.add(workspace());
    }
    return java.util.List.copyOf(group);
  }

  /** One thread's buffers: one context at a time under the prepared weights. */
  interface Workspace<X> {
    /** Starts context {@code x} under the prepared weights. */
    void start(X x);

    /**
     * Writes {@code out[i] = log p_w(y_i | x, y_<i)} and returns {@code log p_w(y | x)}, as
     * {@link LinearAutoregressiveModel#tokenLogProbabilities}.
     */
    double tokenLogProbabilities(int[] y, double[] out);

    /**
     * Adds {@code scale * grad_w log p_w(y | x)} to {@code acc} and returns {@code log p_w(y |
     * x)}, as {@link LinearAutoregressiveModel#addGradient}.
     */
    double addGradient(int[] y, double scale, double[] acc);

    /**
     * Adds {@code sum_i tokenScale[i] grad_w log p_w(y_i | x, y_<i)} to {@code acc}, as {@link
     * LinearAutoregressiveModel#addWeightedGradient}, and writes the two sums a weighted score
     * reports: {@code sums[0] = log p_w(y | x)} and {@code sums[1] = sum_i tokenScale[i] log
     * p_w(y_i | x, y_<i)} (each equal, up to the order of the additions, to the sums of {@link
     * LinearAutoregressiveModel#tokenLogProbabilities}).
     */
    void addWeightedGradient(int[] y, double[] tokenScale, double[] acc, double[] sums);

    /**
     * The token of {@code p_w(. | x, y[0..i))} at uniform {@code u in [0, 1)} by inverse CDF in
     * token order ({@link org.pgbarrier.kernel.InverseCdf}: the token whose CDF interval contains
     * {@code u}; a {@code u} above the computed total goes to the last token of positive mass).
     */
    int sample(int[] y, int i, double u);

    /**
     * Completes the accumulators of the earlier gradient calls of this workspace's group ({@link
     * #workspaces}); a no-op for a workspace that holds nothing.
     */
    default void flush() {}
  }
}
