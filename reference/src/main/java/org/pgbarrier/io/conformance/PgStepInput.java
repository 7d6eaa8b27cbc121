package org.pgbarrier.io.conformance;

import org.pgbarrier.io.InputException;
import org.pgbarrier.io.Rules;

/**
 * One {@code pgbarrier/pg-step-v1} input (docs/conformance.md §7): a {@code pgbarrier/bigram-v1}
 * model and batch, the advantage {@code a_{b,i}} of every token of every response ({@code
 * outcome[b]} for every {@code i}, or {@code process[b][i]}), and one step rule. Validated on
 * construction ({@link InputException} naming the field); deeply immutable.
 *
 * @param bigram the weights, contexts and responses
 * @param advantages {@code B x N}, finite
 * @param outcome true iff the advantages came from {@code rewards.outcome}
 * @param step the step rule
 */
public record PgStepInput(BigramInput bigram, double[][] advantages, boolean outcome, Step step) {
  /** The value of the input's {@code format} key. */
  public static final String FORMAT = "pgbarrier/pg-step-v1";

  /** The step rules of the format. */
  public sealed interface Step permits GradientNorm, Constant, AdagradStep {}

  /** {@code {"rule":"gradient-norm"}}: {@code eta_b = 1 / (4 + 2 ||g_b||^2)}. */
  public record GradientNorm() implements Step {}

  /** {@code {"rule":"constant","eta":ETA}}, {@code ETA > 0} finite. */
  public record Constant(double eta) implements Step {
    public Constant {
      positive("step.eta", eta);
    }
  }

  /**
   * {@code {"rule":"adagrad","lr":LR,"eps":EPS,"state_W1":..,"state_W2":..}}: one torch Adagrad
   * step from the accumulator state given ({@code d x k} and {@code k x k}, entries {@code >= 0}).
   */
  public record AdagradStep(double lr, double eps, double[][] stateW1, double[][] stateW2)
      implements Step {
    public AdagradStep {
      positive("step.lr", lr);
      positive("step.eps", eps);
      stateW1 = nonNegative("step.state_W1", stateW1);
      stateW2 = nonNegative("step.state_W2", stateW2);
    }

    @Override
    public double[][] stateW1() {
      return Rules.copy(stateW1);
    }

    @Override
    public double[][] stateW2() {
      return Rules.copy(stateW2);
    }
  }

  public PgStepInput {
    int batch = bigram.batchSize();
    if (advantages.length != batch) {
      throw Rules.rowCount("advantages", advantages.length, "B (the rows of x)", batch);
    }
    double[][] c = new double[batch][];
    for (int b = 0; b < batch; b++) {
      String path = "advantages[" + b + "]";
      if (advantages[b].length != bigram.length()) {
        throw Rules.rowLength(path, advantages[b].length, "N", bigram.length());
      }
      for (int i = 0; i < bigram.length(); i++) {
        if (!Double.isFinite(advantages[b][i])) {
          throw Rules.notFinite(path + "[" + i + "]", Double.toString(advantages[b][i]));
        }
      }
      c[b] = advantages[b].clone();
    }
    advantages = c;
    if (step instanceof AdagradStep a) {
      if (a.stateW1.length != bigram.d() || a.stateW2.length != bigram.k()) {
        throw new InputException("step.state_W1 has " + a.stateW1.length + " rows and"
            + " step.state_W2 " + a.stateW2.length + ": must have d = " + bigram.d()
            + " and k = " + bigram.k() + " rows");
      }
      for (double[][] m : new double[][][] {a.stateW1, a.stateW2}) {
        for (double[] row : m) {
          if (row.length != bigram.k()) {
            throw new InputException("a step.state row has " + row.length
                + " entries: must have k = " + bigram.k() + " entries");
          }
        }
      }
    }
  }

  @Override
  public double[][] advantages() {
    return Rules.copy(advantages);
  }

  static double positive(String path, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new InputException(path + " = " + v + ": must be a finite number > 0");
    }
    return v;
  }

  private static double[][] nonNegative(String path, double[][] m) {
    double[][] c = Rules.copy(m);
    for (int r = 0; r < c.length; r++) {
      for (int j = 0; j < c[r].length; j++) {
        if (!(c[r][j] >= 0) || !Double.isFinite(c[r][j])) {
          throw new InputException(path + "[" + r + "][" + j + "] = " + c[r][j]
              + ": must be a finite number >= 0 (an accumulator of squared gradients)");
        }
      }
    }
    return c;
  }
}
