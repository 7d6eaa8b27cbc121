package org.pgbarrier.learn.batch;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.SequenceScorer;
import org.pgbarrier.parallel.Workers;

/**
 * (E1) Supervised pre-training with the token-averaged cross-entropy, the authors' {@code
 * supervised_train} [CODE: utils/training.py::supervised_train; docs/theory.md §7.2]:
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
 * per step: one {@code rng.nextLong()}, the step seed; context {@code b} is drawn from its own
 * stream of it (see {@code Batch}). The batch is split across the {@link Workers} and reduced in
 * a fixed order, so the result does not depend on their number. The per-sequence work runs on
 * {@link SequenceScorer#of} (for the bigram map, its fast exact path). Not thread-safe; parallel
 * replicates use one instance each.
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
    this(model, distribution, rule, settings, Workers.SERIAL);
  }

  /**
   * @param model the model class
   * @param distribution the labelled context distribution {@code D}
   * @param rule the step rule (its fresh copy is used)
   * @param settings steps and batch size
   * @param workers the threads each batch is split across
   */
  public SupervisedCrossEntropy(
      LinearAutoregressiveModel<X> model,
      ContextDistribution<X> distribution,
      StepRule rule,
      SupervisedSettings settings,
      Workers workers) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(workers, "workers");
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.batch = new Batch<>("E1 supervised cross-entropy", model, settings.batchSize(),
        Objects.requireNonNull(rule, "rule"), false, null, workers);
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
  public SupervisedStep advance(double[] w, RandomGenerator rng) {
    batch.begin(w, rng);
    batch.resetLanes();
    batch.forEachSequence((lane, b) -> {
      Labeled<X> context = batch.draw(b, distribution, batch.stream(b));
      lane.workspace.start(context.x());
      lane.plusSum += lane.workspace.addGradient(context.target(), 1.0, lane.plus);
    });
    double inverse = 1.0 / ((double) batch.size * batch.length);
    double logLikelihood = 0;
    for (Batch.Lane<X> lane : batch.lanes) {
      logLikelihood += lane.plusSum;
    }
    batch.sumLanes(batch.direction, null);
    for (int j = 0; j < batch.direction.length; j++) {
      batch.direction[j] *= inverse;
    }
    double loss = -logLikelihood * inverse;
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
