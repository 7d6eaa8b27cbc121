package org.pgbarrier.io.conformance;

import java.util.ArrayList;
import java.util.List;
import org.pgbarrier.model.BigramFeatureMap;
import org.pgbarrier.model.SequenceEvaluation;

/**
 * Evaluates a {@code pgbarrier/bigram-v1} input: the model's work ({@link SequenceEvaluation} on the
 * {@link BigramFeatureMap}: token and sequence log-likelihoods of the given responses, greedy
 * decodes, the summed gradient of the log-likelihoods) and the format's: the gradient split back
 * into {@code W1} ({@code d x k}) and {@code W2} ({@code k x k}, {@code [v][p]})
 * through {@link BigramFeatureMap#w1Index} and {@link BigramFeatureMap#w2Index}.
 */
public final class BigramEvaluator {
  private BigramEvaluator() {}

  /**
   * Evaluates every sequence of {@code input}.
   *
   * @throws ArithmeticException if a result is not finite (the logits overflow the double range),
   *     naming the first such entry
   */
  public static BigramEvaluation evaluate(BigramInput input) {
    BigramFeatureMap phi = input.featureMap();
    int batch = input.batchSize();
    List<double[]> contexts = new ArrayList<>(batch);
    List<int[]> responses = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      contexts.add(input.context(b));
      responses.add(input.response(b));
    }
    SequenceEvaluation evaluation =
        SequenceEvaluation.of(input.model(), input.weights(), contexts, responses);
    double[][] tokenLogProb = evaluation.tokenLogProb();
    double[] seqLogProb = evaluation.seqLogProb();
    int[][] greedy = evaluation.greedy();
    double[] gradient = evaluation.gradient();
    int d = input.d();
    int k = input.k();
    double[][] gradW1 = new double[d][k];
    double[][] gradW2 = new double[k][k];
    for (int j = 0; j < d; j++) {
      for (int v = 0; v < k; v++) {
        gradW1[j][v] = gradient[phi.w1Index(j, v)];
      }
    }
    for (int v = 0; v < k; v++) {
      for (int p = 0; p < k; p++) {
        gradW2[v][p] = gradient[phi.w2Index(v, p)];
      }
    }
    requireFinite("token_logprob", tokenLogProb);
    requireFinite("seq_logprob", seqLogProb);
    requireFinite("grad_W1", gradW1);
    requireFinite("grad_W2", gradW2);
    return new BigramEvaluation(tokenLogProb, seqLogProb, greedy, gradW1, gradW2);
  }

  /**
   * Estimated peak heap bytes of reading and evaluating an input of these sizes: the parsed input
   * arrays and their validated copy ({@code 2 x input}), the weight and gradient vectors ({@code 2
   * x 8D}, {@code D = dk + k^2}), the model's per-sequence gradient workspace ({@code 8Nk}) and the
   * result with one copy ({@code 2 x output}). Array headers (16 bytes) and references (8 bytes)
   * are counted; {@code double} arithmetic, so the estimate never overflows.
   */
  public static double requiredBytes(int d, int k, int length, int batch) {
    double input = matrix(d, k, 8) + matrix(k, k, 8) + matrix(batch, d, 8)
        + matrix(batch, length, 4);
    double output = matrix(batch, length, 8) + array(batch, 8) + matrix(batch, length, 4)
        + matrix(d, k, 8) + matrix(k, k, 8);
    double dimension = (double) d * k + (double) k * k;
    return 2 * input + 2 * 8 * dimension + 8.0 * length * k + 2 * output;
  }

  private static double array(double length, int bytesPerEntry) {
    return 16 + length * bytesPerEntry;
  }

  private static double matrix(double rows, double cols, int bytesPerEntry) {
    return array(rows, 8) + rows * array(cols, bytesPerEntry);
  }

  private static void requireFinite(String name, double[][] a) {
    for (int r = 0; r < a.length; r++) {
      requireFinite(name + "[" + r + "]", a[r]);
    }
  }

  private static void requireFinite(String name, double[] a) {
    for (int c = 0; c < a.length; c++) {
      if (!Double.isFinite(a[c])) {
        throw new ArithmeticException(name + "[" + c + "] = " + a[c]
            + ": not finite; the evaluation overflows the double range (weights or contexts too"
            + " large)");
      }
    }
  }
}
