package org.pgbarrier.sharpen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.AdaptiveSgd;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * SFT-sharpening [SOURCE: arXiv 2412.01951 §2.1, §4.1]: for prompts {@code x_1..x_n} draw {@code
 * N} responses each from {@code pi_base}, keep the best-of-N one ({@link BestOfN}), and fit
 * {@code pi_hat = argmax_{pi in Pi} sum_i log pi(y_i^BoN | x_i)} over a policy class: a finite
 * class of tables {@code pi[x][y]} ({@link #fitProduct}, exact), or the linear autoregressive
 * model fitted by SGD on the log-likelihood ({@link #bestOfNStream}, {@link #fitLinear}).
 */
public final class SftSharpening {
  private SftSharpening() {}

  /**
   * Best-of-N labels: {@code labels[i]} is BoN of {@code n} draws from {@code base[contexts[i]]}.
   */
  public static int[] labels(double[][] base, int[] contexts, int n, RandomGenerator rng) {
    int[] labels = new int[contexts.length];
    for (int i = 0; i < contexts.length; i++) {
      labels[i] = BestOfN.sample(base[contexts[i]], n, rng);
    }
    return labels;
  }

  /**
   * Maximum likelihood over a finite product class {@code Pi = prod_x choices[x]}, {@code |Pi| =
   * prod_x |choices[x]|}: the log-likelihood is a sum over contexts, so the maximiser takes, in
   * each context, the choice maximising {@code sum_{i : x_i = x} log pi(y_i|x)} (lowest choice
   * index among ties). Contexts without a sample get choice 0.
   *
   * @param choices {@code choices[x][c]} is the law of candidate {@code c} on context {@code x}
   * @return the chosen candidate per context
   */
  public static int[] fitProduct(double[][][] choices, int[] contexts, int[] labels) {
    Checks.length("labels", labels.length, contexts.length);
    double[][] logLik = new double[choices.length][];
    for (int x = 0; x < choices.length; x++) {
      Checks.positive("choices[" + x + "].length", choices[x].length);
      logLik[x] = new double[choices[x].length];
    }
    for (int i = 0; i < contexts.length; i++) {
      int x = contexts[i];
      for (int c = 0; c < choices[x].length; c++) {
        logLik[x][c] += Math.log(choices[x][c][labels[i]]);
      }
    }
    int[] chosen = new int[choices.length];
    for (int x = 0; x < choices.length; x++) {
      for (int c = 1; c < choices[x].length; c++) {
        if (logLik[x][c] > logLik[x][chosen[x]]) {
          chosen[x] = c;
        }
      }
    }
    return chosen;
  }

  /** {@code sum_i log pi(labels[i] | contexts[i])}. */
  public static double logLikelihood(double[][] policy, int[] contexts, int[] labels) {
    double sum = 0;
    for (int i = 0; i < contexts.length; i++) {
      sum += Math.log(policy[contexts[i]][labels[i]]);
    }
    return sum;
  }

  /**
   * Best-of-N labels from a linear autoregressive base model {@code pi_base = p_{wBase}}: for each
   * prompt, {@code n} responses {@code y ~ p_{wBase}(.|x)} ({@link
   * LinearAutoregressiveModel#sample}, one {@code nextDouble} a token, prompts in order) and the
   * one of largest self-reward {@code log p_{wBase}(y|x)} [SOURCE: §4.1 step 2], the
   * lexicographically smallest among equal likelihoods (the tie rule of {@link BestOfN}, with
   * responses numbered lexicographically).
   *
   * @return {@code (x_i, y_i^BoN)} per prompt, in order
   */
  public static <X> List<Labeled<X>> bestOfNStream(
      LinearAutoregressiveModel<X> model, double[] wBase, List<X> prompts, int n,
      RandomGenerator rng) {
    Checks.positive("n", n);
    List<Labeled<X>> stream = new ArrayList<>(prompts.size());
    for (X x : prompts) {
      int[] best = null;
      double bestLogLikelihood = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        int[] y = model.sample(wBase, x, rng);
        double logLikelihood = model.logLikelihood(wBase, x, y);
        if (best == null || logLikelihood > bestLogLikelihood
            || (logLikelihood == bestLogLikelihood && Arrays.compare(y, best) < 0)) {
          best = y;
          bestLogLikelihood = logLikelihood;
        }
      }
      stream.add(new Labeled<>(x, best));
    }
    return stream;
  }

  /**
   * The maximum-likelihood step of SFT-sharpening in the linear autoregressive class, by SGD on
   * {@code -log p_w(y_i^BoN | x_i)}: algorithm (A) ({@link AdaptiveSgd}) over {@code epochs}
   * passes of {@code labelled} in order, one step per example, from {@code wInit}. The paper
   * states the fit as an exact argmax over {@code Pi} [SOURCE: §4.1 step 3]; approximating it by
   * SGD with the foundation's step rules is this project's choice [RECONSTRUCTED], as in the
   * paper's own LoRA experiments (App. A.3).
   *
   * @param rule the step rule; its fresh copy is used
   * @param rng draws only the random iterate of (A), which is not returned
   * @return the last iterate
   */
  public static <X> double[] fitLinear(
      LinearAutoregressiveModel<X> model, double[] wInit, List<Labeled<X>> labelled,
      StepRule rule, int epochs, RandomGenerator rng) {
    Checks.positive("labelled.size()", labelled.size());
    Checks.positive("epochs", epochs);
    int size = labelled.size();
    if ((long) size * epochs > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("epochs = " + epochs + ": epochs * " + size
          + " examples must be at most " + Integer.MAX_VALUE + " steps");
    }
    return AdaptiveSgd.run(model, wInit, size * epochs, (w, t) -> labelled.get(t % size),
        rule.fresh(), rng).last();
  }
}
