package org.pgbarrier.sharpen;

import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;

/**
 * SFT-sharpening [SOURCE: arXiv 2412.01951 §2.1, §4.1]: for prompts {@code x_1..x_n} draw {@code
 * N} responses each from {@code pi_base}, keep the best-of-N one ({@link BestOfN}), and fit
 * {@code pi_hat = argmax_{pi in Pi} sum_i log pi(y_i^BoN | x_i)} over a finite policy class.
 * A policy is a table {@code pi[x][y]}.
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
}
