package org.pgbarrier.io.conformance;

import org.pgbarrier.io.InputException;
import org.pgbarrier.io.Rules;
import org.pgbarrier.model.BigramFeatureMap;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * One {@code pgbarrier/bigram-v1} input: bigram-model weights, {@code B} contexts and {@code B}
 * responses (docs/conformance.md). The model is the authors' bigram map ({@link BigramFeatureMap},
 * arXiv 2603.06957 code, {@code utils/model.py}):
 *
 * <pre>
 *   logit_1(v) = sum_j x_j W1[j][v],     logit_i(v) = sum_j x_j W1[j][v] + W2[v][y_{i-1}]  (i >= 2),
 *   p(y_i = v | x, y_<i) = exp(logit_i(v)) / sum_u exp(logit_i(u)).
 * </pre>
 *
 * <p>Validated on construction (sizes, shapes, finiteness, token ids; every failure an {@link
 * InputException} naming the field and index) and deeply immutable: arrays are copied in and out.
 *
 * @param d the input dimension
 * @param k the vocabulary size
 * @param length the response length {@code N}
 * @param w1 {@code W1}, {@code d x k}
 * @param w2 {@code W2}, {@code k x k}: {@code W2[v][p]} is added to the logit of token {@code v}
 *     after token {@code p}
 * @param x the contexts, {@code B x d}
 * @param y the responses, {@code B x N} token ids in {@code [0, k)}
 */
public record BigramInput(
    int d, int k, int length, double[][] w1, double[][] w2, double[][] x, int[][] y) {
  /** The value of the input's {@code format} key. */
  public static final String FORMAT = "pgbarrier/bigram-v1";

  public BigramInput {
    Rules.sizes(d, k, length, x.length);
    w1 = finiteMatrix("W1", w1, "d", d, "k", k);
    w2 = finiteMatrix("W2", w2, "k", k, "k", k);
    x = finiteMatrix("x", x, "B", x.length, "d", d);
    y = tokenMatrix(y, x.length, length, k);
  }

  /** The number of sequences {@code B}. */
  public int batchSize() {
    return x.length;
  }

  /** The bigram feature map of these sizes. */
  public BigramFeatureMap featureMap() {
    return new BigramFeatureMap(d, k);
  }

  /** The linear autoregressive model of these sizes. */
  public LinearAutoregressiveModel<double[]> model() {
    return new LinearAutoregressiveModel<>(featureMap(), length);
  }

  /** {@code W1} and {@code W2} as one weight vector in {@link BigramFeatureMap}'s layout. */
  public double[] weights() {
    BigramFeatureMap phi = featureMap();
    double[] w = new double[phi.dimension()];
    for (int j = 0; j < d; j++) {
      for (int v = 0; v < k; v++) {
        w[phi.w1Index(j, v)] = w1[j][v];
      }
    }
    for (int v = 0; v < k; v++) {
      for (int p = 0; p < k; p++) {
        w[phi.w2Index(v, p)] = w2[v][p];
      }
    }
    return w;
  }

  /** A copy of context {@code x[b]}. */
  public double[] context(int b) {
    return x[b].clone();
  }

  /** A copy of response {@code y[b]}. */
  public int[] response(int b) {
    return y[b].clone();
  }

  @Override
  public double[][] w1() {
    return Rules.copy(w1);
  }

  @Override
  public double[][] w2() {
    return Rules.copy(w2);
  }

  @Override
  public double[][] x() {
    return Rules.copy(x);
  }

  @Override
  public int[][] y() {
    int[][] c = new int[y.length][];
    for (int b = 0; b < y.length; b++) {
      c[b] = y[b].clone();
    }
    return c;
  }

  private static double[][] finiteMatrix(
      String name, double[][] a, String rowsName, int rows, String colsName, int cols) {
    if (a.length != rows) {
      throw Rules.rowCount(name, a.length, rowsName, rows);
    }
    double[][] c = new double[rows][];
    for (int r = 0; r < rows; r++) {
      String path = name + "[" + r + "]";
      if (a[r].length != cols) {
        throw Rules.rowLength(path, a[r].length, colsName, cols);
      }
      for (int col = 0; col < cols; col++) {
        if (!Double.isFinite(a[r][col])) {
          throw Rules.notFinite(path + "[" + col + "]", Double.toString(a[r][col]));
        }
      }
      c[r] = a[r].clone();
    }
    return c;
  }

  private static int[][] tokenMatrix(int[][] y, int batch, int length, int k) {
    if (y.length != batch) {
      throw Rules.rowCount("y", y.length, "B", batch);
    }
    int[][] c = new int[batch][];
    for (int b = 0; b < batch; b++) {
      String path = "y[" + b + "]";
      if (y[b].length != length) {
        throw Rules.rowLength(path, y[b].length, "N", length);
      }
      for (int i = 0; i < length; i++) {
        if (y[b][i] < 0 || y[b][i] >= k) {
          throw Rules.token(path + "[" + i + "]", Integer.toString(y[b][i]), k);
        }
      }
      c[b] = y[b].clone();
    }
    return c;
  }
}
