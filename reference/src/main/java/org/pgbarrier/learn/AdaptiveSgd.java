package org.pgbarrier.learn;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * Algorithm (A), SGD with an adaptive step on a stream {@code (x_t, y*_t)} (docs/theory.md §8.1
 * [RECONSTRUCTED]; the paper's SGD of Proposition 2.2 uses the step {@code 1/(4 + 2 ||g||^2)} of
 * docs/theory.md §4.1 and §4.5 [PAPER A,B]):
 *
 * <pre>
 *   l_t = -log p_{w_t}(y*_t | x_t),   d_t = grad_w log p_{w_t}(y*_t | x_t),   w_{t+1} = w_t + eta_t d_t,
 * </pre>
 *
 * with {@code eta_t} chosen by the {@link StepRule} (the reconstruction's {@code eta /
 * max(1, l_t)} is {@link LossNormalisedStep}). The output is the last iterate and, for the
 * online-to-batch guarantee, the iterate {@code w_tau} at a uniform random {@code tau in
 * {1..n}}.
 */
public final class AdaptiveSgd<X> implements Learner<PerSampleState<X>> {
  private final LinearAutoregressiveModel<X> model;
  private final StepRule rule;

  /**
   * Algorithm (A) as a {@link Learner}: each {@link #step} is one step on the state's labelled
   * context; it reads the label, so it spends no reward query.
   */
  public AdaptiveSgd(LinearAutoregressiveModel<X> model, StepRule rule) {
    this.model = Objects.requireNonNull(model, "model");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  @Override
  public long step(PerSampleState<X> state, RandomGenerator rng) {
    double[] w = state.w();
    double[] direction = new double[w.length];
    rule.apply(w, direction, lossAndDirection(model, w, state.context(), direction));
    return 0;
  }

  @Override
  public double error(PerSampleState<X> state) {
    return state.error(model);
  }

  @Override
  public String describe() {
    return "AdaptiveSgd(step=" + rule.describe() + ") [RECONSTRUCTED, docs/theory.md §8.1]";
  }

  /**
   * The run of algorithm (A).
   *
   * @param losses {@code l_t(w_t)}, the loss of each example before its step
   * @param last the last iterate {@code w_{n+1}}
   * @param randomIterate {@code w_tau}
   * @param tau the 1-based index of {@code w_tau}
   */
  public record Run(double[] losses, double[] last, double[] randomIterate, int tau) {
    /** {@code sum_t min(1, l_t(w_t))}, the left side of the pathwise regret inequality. */
    public double clippedLossSum() {
      double s = 0;
      for (double l : losses) {
        s += Math.min(1, l);
      }
      return s;
    }
  }

  /**
   * The source of examples: example {@code t} (0-based) may depend on the current weights, so
   * that adaptive adversaries are expressible.
   */
  @FunctionalInterface
  public interface ExampleSource<X> {
    Labeled<X> next(double[] w, int t);
  }

  /**
   * Runs (A) from {@code wInit} over {@code stream} in order; {@code rng} draws only {@code tau}.
   */
  public static <X> Run run(
      LinearAutoregressiveModel<X> model,
      double[] wInit,
      List<Labeled<X>> stream,
      StepRule rule,
      RandomGenerator rng) {
    return run(model, wInit, stream.size(), (w, t) -> stream.get(t), rule, rng);
  }

  /**
   * Runs (A) from {@code wInit} for {@code n} examples drawn from {@code source}; {@code rng}
   * draws only {@code tau}.
   */
  public static <X> Run run(
      LinearAutoregressiveModel<X> model,
      double[] wInit,
      int n,
      ExampleSource<X> source,
      StepRule rule,
      RandomGenerator rng) {
    Checks.positive("n", n);
    int tau = 1 + rng.nextInt(n);
    double[] w = wInit.clone();
    double[] randomIterate = null;
    double[] losses = new double[n];
    double[] direction = new double[w.length];
    for (int t = 0; t < n; t++) {
      if (t + 1 == tau) {
        randomIterate = w.clone();
      }
      losses[t] = lossAndDirection(model, w, source.next(w, t), direction);
      try {
        rule.apply(w, direction, losses[t]);
      } catch (ArithmeticException e) {
        throw new ArithmeticException("AdaptiveSgd step " + (t + 1) + " of " + n + " (loss "
            + losses[t] + "): " + e.getMessage());
      }
    }
    return new Run(losses, w, randomIterate, tau);
  }

  /**
   * Sets {@code direction} to {@code d = grad_w log p_w(y*|x)} of {@code example}.
   *
   * @return the loss {@code l = -log p_w(y*|x)}
   */
  private static <X> double lossAndDirection(
      LinearAutoregressiveModel<X> model, double[] w, Labeled<X> example, double[] direction) {
    java.util.Arrays.fill(direction, 0.0);
    return -model.addGradient(w, example.x(), example.target(), 1.0, direction);
  }
}
