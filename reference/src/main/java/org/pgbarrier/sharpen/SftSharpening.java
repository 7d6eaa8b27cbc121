package org.pgbarrier.sharpen;

import java.util.List;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;

/**
 * SFT-sharpening [SOURCE: arXiv 2412.01951 §2.1, §4.1]: for prompts {@code x_1..x_n} draw {@code
 * N} responses each from {@code pi_base}, keep the best-of-N one ({@link BestOfN}), and fit
 * {@code pi_hat = argmax_{pi in Pi} sum_i log pi(y_i^BoN | x_i)} over a finite policy class.
 * A policy is a table {@code pi[x][y]}; the maximiser is the lowest class index among ties.
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

  /** The index in {@code policyClass} maximising {@code sum_i log pi(labels[i] | contexts[i])}. */
  public static int fit(List<double[][]> policyClass, int[] contexts, int[] labels) {
    Checks.positive("policyClass.size", policyClass.size());
    Checks.length("labels", labels.length, contexts.length);
    int best = -1;
    double bestLogLik = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < policyClass.size(); c++) {
      double logLik = logLikelihood(policyClass.get(c), contexts, labels);
      if (best < 0 || logLik > bestLogLik) {
        best = c;
        bestLogLik = logLik;
      }
    }
    return best;
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
