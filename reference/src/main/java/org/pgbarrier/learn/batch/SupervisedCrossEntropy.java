package org.pgbarrier.learn.batch;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * (E1) Supervised pre-training with the token-averaged cross-entropy, the authors' {@code
 * supervised_train} [CODE: utils/training.py::supervised_train; {@code shared/theory}
 * base-model-barrier.md §4.1]:
 *
 * <pre>
 *   w <- w0 (0, the uniform policy, for pre-training)
 *   for step in 1..S:
 *       draw (x_b, y*_b) ~ D i.i.d., b = 1..B               # fresh samples every step
 *       loss = (1/(B N)) sum_b sum_i CE(logits_i(x_b, y*_{b,<i}), y*_{b,i})
 *            = -(1/(B N)) sum_b log p_w(y*_b | x_b)
 *       step along d = -grad loss = (1/(B N)) sum_b grad log p_w(y*_b | x_b)
 * </pre>
 *
 * The authors step with {@code torch.optim.Adagrad(lr)} ({@link org.pgbarrier.learn.Adagrad}).
 * One instance is one training phase: its step rule starts from {@link StepRule#fresh()} (the
 * authors build a new optimiser per phase) and its buffers are reused across steps. Random draws
 * per step: {@code B} context draws, in order. Not thread-safe; parallel replicates use one
 * instance each.
 *
 * @param <X> the context type
 */
public final class SupervisedCrossEntropy<X> implements BatchAlgorithm<SupervisedStep> {
  private final ContextDistribution<X> distribution;
  private final SupervisedSettings settings;
  private final Batch<X> batch;

  /**
   * @param model the model class
   * @param distribution the labelled context distribution {@code D}
   * @param rule the step rule (its fresh copy is used)
   * @param settings steps and batch size
   */
  public SupervisedCrossEntropy(
      LinearAutoregressiveModel<X> model,
      ContextDistribution<X> distribution,
      StepRule rule,
      SupervisedSettings settings) {
    Objects.requireNonNull(model, "model");
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.batch = new Batch<>("E1 supervised cross-entropy", model, settings.batchSize(),
        Objects.requireNonNull(rule, "rule"), false);
  }

  public SupervisedSettings settings() {
    return settings;
  }

  /** The number of steps applied so far. */
  public int stepsTaken() {
    return batch.stepsTaken();
  }

  /**
   * One step on {@code w}, in place. The step rule receives the mean token cross-entropy as its
   * loss.
   *
   * @return the step index and the loss before the step
   * @throws ArithmeticException naming the step if the loss or the direction is not finite, or
   *     the step rule refuses the step ({@code w} is then unchanged)
   */
  @Override
  public SupervisedStep step(double[] w, RandomGenerator rng) {
    batch.begin(w, distribution, rng);
    double inverse = 1.0 / ((double) batch.size * batch.length);
    double loss = 0;
    for (int b = 0; b < batch.size; b++) {
      Labeled<X> context = batch.contexts.get(b);
      double logp =
          batch.model.addGradient(w, context.x(), batch.targets[b], inverse, batch.direction);
      loss -= logp * inverse;
    }
    int step = batch.apply(w, loss, loss);
    return new SupervisedStep(step, loss);
  }

  @Override
  public int steps() {
    return settings.steps();
  }

  @Override
  public String describe() {
    return batch.algorithm + " " + settings + ", " + batch.describeRule()
        + " [CODE: utils/training.py::supervised_train]";
  }
}
