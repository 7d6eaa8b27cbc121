package org.pgbarrier.io.conformance;

import org.pgbarrier.Checks;
import org.pgbarrier.io.Rules;

/**
 * The {@code pgbarrier/bigram-v1-eval} result of one {@link BigramInput} (docs/conformance.md), in
 * natural log:
 *
 * <pre>
 *   tokenLogProb[b][i] = log p(y_b,i | x_b, y_b,<i),      seqLogProb[b] = sum_i tokenLogProb[b][i],
 *   greedy[b][i]       = argmax_v p(v | x_b, greedy[b][<i])   (ties to the smallest v),
 *   gradW1[j][v]       = d/dW1[j][v] sum_b seqLogProb[b],    gradW2[v][p] = d/dW2[v][p] sum_b seqLogProb[b].
 * </pre>
 *
 * Shapes are checked ({@code B x N}, {@code B}, {@code B x N}, {@code d x k}, {@code k x k} with
 * {@code B, N, d >= 1} and {@code k >= 2}) and every number must be finite, so that the result is
 * always writable as JSON. Deeply immutable: arrays are copied in and out.
 *
 * @param tokenLogProb token log-likelihoods of the given responses, {@code B x N}
 * @param seqLogProb sequence log-likelihoods, {@code B}
 * @param greedy greedy decodes, {@code B x N}
 * @param gradW1 the gradient with respect to {@code W1}, {@code d x k}
 * @param gradW2 the gradient with respect to {@code W2}, {@code k x k}, {@code gradW2[v][p]}
 */
public record BigramEvaluation(
    double[][] tokenLogProb,
    double[] seqLogProb,
    int[][] greedy,
    double[][] gradW1,
    double[][] gradW2) {
  /** The value of the output's {@code format} key. */
  public static final String FORMAT = "pgbarrier/bigram-v1-eval";

  public BigramEvaluation {
    int batch = Checks.positive("B", seqLogProb.length);
    Checks.length("token_logprob", tokenLogProb.length, batch);
    int length = Checks.positive("N", tokenLogProb[0].length);
    int k = Checks.atLeast("k", gradW2.length, 2);
    Checks.positive("d", gradW1.length);
    tokenLogProb = finite("token_logprob", tokenLogProb, length);
    seqLogProb = finite("seq_logprob", seqLogProb);
    greedy = tokens(greedy, batch, length, k);
    gradW1 = finite("grad_W1", gradW1, k);
    gradW2 = finite("grad_W2", gradW2, k);
  }

  @Override
  public double[][] tokenLogProb() {
    return Rules.copy(tokenLogProb);
  }

  @Override
  public double[] seqLogProb() {
    return seqLogProb.clone();
  }

  @Override
  public int[][] greedy() {
    int[][] c = new int[greedy.length][];
    for (int b = 0; b < greedy.length; b++) {
      c[b] = greedy[b].clone();
    }
    return c;
  }

  @Override
  public double[][] gradW1() {
    return Rules.copy(gradW1);
  }

  @Override
  public double[][] gradW2() {
    return Rules.copy(gradW2);
  }

  private static double[][] finite(String name, double[][] a, int cols) {
    double[][] c = new double[a.length][];
    for (int r = 0; r < a.length; r++) {
      String path = name + "[" + r + "]";
      Checks.length(path, a[r].length, cols);
      c[r] = finite(path, a[r]);
    }
    return c;
  }

  private static double[] finite(String name, double[] a) {
    return Checks.finite(name, a.clone());
  }

  private static int[][] tokens(int[][] y, int rows, int cols, int k) {
    Checks.length("greedy", y.length, rows);
    int[][] c = new int[rows][];
    for (int r = 0; r < rows; r++) {
      String path = "greedy[" + r + "]";
      Checks.length(path, y[r].length, cols);
      c[r] = Checks.tokens(path, y[r].clone(), k);
    }
    return c;
  }
}
