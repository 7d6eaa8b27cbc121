package org.pgbarrier.io.conformance;

import java.io.IOException;
import java.io.Writer;
import org.pgbarrier.io.JsonText;
import org.pgbarrier.learn.ConstantStep;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.model.BigramFeatureMap;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * Applies the step of a {@code pgbarrier/pg-step-v1} input and writes the {@code
 * pgbarrier/pg-step-v1-eval} output (docs/conformance.md §7), with {@link
 * LinearAutoregressiveModel#addWeightedGradient} on the {@link BigramFeatureMap}:
 *
 * <ul>
 *   <li>{@code gradient-norm} and {@code constant}, the paper's update once per response, in
 *       order, each at the current weights (docs/theory.md §4.1-§4.2, §4.6) [PAPER A,B]: {@code w
 *       <- w + eta_b g_b}, {@code g_b = sum_i a_{b,i} grad_w log p_w(y_{b,i} | x_b, y_{b,<i})},
 *       {@code eta_b = 1 / (4 + 2 ||g_b||^2)} ({@link GradientNormStep}) or {@code ETA} ({@link
 *       ConstantStep});
 *   <li>{@code adagrad}, one torch Adagrad step [CODE: utils/training.py, torch.optim.Adagrad with
 *       the given {@code eps}, no weight or learning-rate decay] on the authors' loss {@code L =
 *       -(1/(B N)) sum_b sum_i a_{b,i} log p_w(y_{b,i} | ...)} at the input weights: {@code G =
 *       grad L}, {@code s <- s + G^2}, {@code w <- w - lr (G / (sqrt(s) + eps))}. The same formula
 *       as {@link org.pgbarrier.learn.Adagrad}, with the format's {@code eps} and initial state.
 * </ul>
 */
public final class PgStepEvaluator {
  /** The value of the output's {@code format} key. */
  public static final String OUTPUT_FORMAT = "pgbarrier/pg-step-v1-eval";

  /** The weights after the step, and the Adagrad state after it (null for the paper rules). */
  public record Result(double[][] w1, double[][] w2, double[][] stateW1, double[][] stateW2) {}

  private PgStepEvaluator() {}

  /**
   * Applies the step.
   *
   * @throws ArithmeticException if a weight or state becomes non-finite
   */
  public static Result evaluate(PgStepInput input) {
    BigramInput in = input.bigram();
    BigramFeatureMap phi = in.featureMap();
    LinearAutoregressiveModel<double[]> model = in.model();
    double[] w = in.weights();
    double[][] a = input.advantages();
    int batch = in.batchSize();
    if (input.step() instanceof PgStepInput.AdagradStep step) {
      double[] direction = new double[w.length];
      for (int b = 0; b < batch; b++) {
        model.addWeightedGradient(w, in.context(b), in.response(b), a[b], direction);
      }
      double scale = 1.0 / ((double) batch * in.length());
      double[] state = pack(phi, step.stateW1(), step.stateW2());
      for (int j = 0; j < w.length; j++) {
        double g = -(direction[j] * scale);
        state[j] += g * g;
        w[j] -= step.lr() * (g / (Math.sqrt(state[j]) + step.eps()));
      }
      double[][][] s = unpack(phi, in, state, "state_");
      double[][][] weights = unpack(phi, in, w, "");
      return new Result(weights[0], weights[1], s[0], s[1]);
    }
    StepRule rule = input.step() instanceof PgStepInput.Constant c
        ? new ConstantStep(c.eta()) : GradientNormStep.INSTANCE;
    for (int b = 0; b < batch; b++) {
      double[] g = new double[w.length];
      model.addWeightedGradient(w, in.context(b), in.response(b), a[b], g);
      for (int j = 0; j < g.length; j++) {
        if (!Double.isFinite(g[j])) {
          throw new ArithmeticException("the gradient of response " + b + " is not finite at"
              + " coordinate " + j + ": the logits overflow the double range");
        }
      }
      rule.apply(w, g, 0);
    }
    double[][][] weights = unpack(phi, in, w, "");
    return new Result(weights[0], weights[1], null, null);
  }

  /** Writes the output: {@code format, W1, W2} and, for adagrad, {@code state_W1, state_W2}. */
  public static void write(Result result, Writer out) throws IOException {
    JsonText json = new JsonText().string("format", OUTPUT_FORMAT)
        .matrix("W1", result.w1()).matrix("W2", result.w2());
    if (result.stateW1() != null) {
      json.matrix("state_W1", result.stateW1()).matrix("state_W2", result.stateW2());
    }
    out.write(json.close());
    out.flush();
  }

  private static double[] pack(BigramFeatureMap phi, double[][] m1, double[][] m2) {
    double[] v = new double[phi.dimension()];
    for (int j = 0; j < m1.length; j++) {
      for (int u = 0; u < m1[j].length; u++) {
        v[phi.w1Index(j, u)] = m1[j][u];
      }
    }
    for (int u = 0; u < m2.length; u++) {
      for (int p = 0; p < m2[u].length; p++) {
        v[phi.w2Index(u, p)] = m2[u][p];
      }
    }
    return v;
  }

  private static double[][][] unpack(BigramFeatureMap phi, BigramInput in, double[] v,
      String prefix) {
    double[][] m1 = new double[in.d()][in.k()];
    double[][] m2 = new double[in.k()][in.k()];
    for (int j = 0; j < in.d(); j++) {
      for (int u = 0; u < in.k(); u++) {
        m1[j][u] = finite(prefix + "W1", j, u,
            v[phi.w1Index(j, u)]);
      }
    }
    for (int u = 0; u < in.k(); u++) {
      for (int p = 0; p < in.k(); p++) {
        m2[u][p] = finite(prefix + "W2", u, p, v[phi.w2Index(u, p)]);
      }
    }
    return new double[][][] {m1, m2};
  }

  private static double finite(String name, int r, int c, double value) {
    if (!Double.isFinite(value)) {
      throw new ArithmeticException(name + "[" + r + "][" + c + "] = " + value
          + ": not finite; the step overflows the double range");
    }
    return value;
  }
}
