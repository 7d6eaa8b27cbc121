package org.pgbarrier.model;

import java.util.List;
import org.pgbarrier.Checks;

/**
 * A batch of responses evaluated under one weight vector: per response its token log-likelihoods
 * {@code log p_w(y_i | x, y_<i)} and sequence log-likelihood {@code log p_w(y | x)}, the greedy
 * decode of its context, and the summed gradient
 *
 * <pre>
 *   grad_w sum_b log p_w(y_b | x_b) = sum_b sum_i [ phi(x_b, y_b,<i, y_b,i) - E_{v ~ p_w(.|x_b, y_b,<i)} phi(x_b, y_b,<i, v) ]
 * </pre>
 *
 * (docs/theory.md §2.1). Response by response, in batch order, so the bits are those of the
 * model's own methods called in that order.
 *
 * @param tokenLogProb {@code [b][i]}: {@code log p_w(y_b,i | x_b, y_b,<i)}
 * @param seqLogProb {@code [b]}: {@code log p_w(y_b | x_b)}
 * @param greedy {@code [b]}: the greedy decode of {@code x_b}
 * @param gradient the summed gradient, in the feature map's coordinates
 */
public record SequenceEvaluation(
    double[][] tokenLogProb, double[] seqLogProb, int[][] greedy, double[] gradient) {

  /** Evaluates {@code responses.get(b)} in {@code contexts.get(b)} for every {@code b}. */
  public static <X> SequenceEvaluation of(LinearAutoregressiveModel<X> model, double[] w,
      List<X> contexts, List<int[]> responses) {
    Checks.length("responses", responses.size(), contexts.size());
    int batch = contexts.size();
    double[] gradient = new double[model.dimension()];
    double[][] tokenLogProb = new double[batch][];
    double[] seqLogProb = new double[batch];
    int[][] greedy = new int[batch][];
    for (int b = 0; b < batch; b++) {
      X x = contexts.get(b);
      int[] y = responses.get(b);
      tokenLogProb[b] = new double[y.length];
      seqLogProb[b] = model.tokenLogProbabilities(w, x, y, tokenLogProb[b]);
      model.addGradient(w, x, y, 1.0, gradient);
      greedy[b] = model.greedy(w, x);
    }
    return new SequenceEvaluation(tokenLogProb, seqLogProb, greedy, gradient);
  }
}
