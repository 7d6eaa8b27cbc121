package org.pgbarrier.learn.paper;

import java.util.List;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.kernel.InverseCdf;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * A learner's state on any {@link LinearAutoregressiveModel} with a finite labelled context
 * distribution: the reference path. Every quantity is recomputed from the definition (the model's
 * logits, log-likelihoods and gradients; {@code err(w)} by a pass over all contexts), so it is
 * slow ({@code O(M N k D)} per iteration) and independent of {@link ClusterLearnerState}, which
 * the tests compare with it. Not thread-safe.
 *
 * @param <X> the context type
 */
public final class ModelLearnerState<X> extends AbstractLearnerState {
  private final LinearAutoregressiveModel<X> model;
  private final List<Labeled<X>> contexts;
  private final double[] wBase;
  private final double[] logits;
  private final double[] contextSum;

  /**
   * @param model the model
   * @param contexts the labelled contexts {@code (x_c, y*_c)}
   * @param masses {@code mu_c}
   * @param wBase the base weights {@code w0} (of {@code q0})
   * @param w1 the initial weights (a copy is kept)
   */
  public ModelLearnerState(
      LinearAutoregressiveModel<X> model,
      List<Labeled<X>> contexts,
      double[] masses,
      double[] wBase,
      double[] w1) {
    super(model.vocabularySize(), model.length(), masses.clone(), w1);
    this.model = model;
    this.contexts = List.copyOf(contexts);
    Checks.positive("contexts", contexts.size());
    Checks.length("masses", masses.length, contexts.size());
    Checks.length("wBase", wBase.length, model.dimension());
    Checks.length("w1", w1.length, model.dimension());
    for (Labeled<X> l : contexts) {
      Checks.length("target", l.length(), model.length());
    }
    this.wBase = wBase.clone();
    this.logits = new double[k];
    this.contextSum = new double[contexts.size()];
  }

  @Override
  public int targetToken(int c, int i) {
    return contexts.get(c).target()[i];
  }

  @Override
  public String describe() {
    return "general model D=" + model.dimension() + " k=" + k + " N=" + length + " M="
        + contexts.size();
  }

  private int token(double[] weights, int c, int i, double u) {
    Labeled<X> l = contexts.get(c);
    model.featureMap().scorer(weights, l.x()).logits(l.target(), i, logits);
    return InverseCdf.token(logits, k, u);
  }

  @Override
  public int sampleCurrentToken(int c, int i, double u) {
    return token(w, c, i, u);
  }

  @Override
  public int sampleBaseToken(int c, int i, double u) {
    return token(wBase, c, i, u);
  }

  @Override
  public double targetLogLikelihood(int c) {
    Labeled<X> l = contexts.get(c);
    return model.logLikelihood(w, l.x(), l.target());
  }

  @Override
  public double baseTargetLogLikelihood(int c) {
    Labeled<X> l = contexts.get(c);
    return model.logLikelihood(wBase, l.x(), l.target());
  }

  @Override
  public double targetTokenLogProbability(int c, int i) {
    return tokenLogProbability(w, c, i);
  }

  @Override
  public double baseTargetTokenLogProbability(int c, int i) {
    return tokenLogProbability(wBase, c, i);
  }

  private double tokenLogProbability(double[] weights, int c, int i) {
    Labeled<X> l = contexts.get(c);
    double[] out = new double[length];
    model.tokenLogProbabilities(weights, l.x(), l.target(), out);
    return out[i];
  }

  @Override
  public double reinforce(int c, int n, StepRule rule, double factor) {
    Checks.inRange("n", n, 1, length);
    Labeled<X> l = contexts.get(c);
    double[] scale = new double[length];
    java.util.Arrays.fill(scale, 0, n, 1.0);
    double[] g = new double[w.length];
    model.addWeightedGradient(w, l.x(), l.target(), scale, g);
    double normSquared = 0;
    for (double gj : g) {
      normSquared += gj * gj;
    }
    return takeStep(rule, factor, normSquared, g, 0, g.length);
  }

  @Override
  public double error() {
    double s = 0;
    for (int c = 0; c < contexts.size(); c++) {
      s += masses[c] * -Math.expm1(targetLogLikelihood(c));
    }
    return s;
  }

  @Override
  public void resetIterates() {
    super.resetIterates();
    java.util.Arrays.fill(contextSum, 0.0);
  }

  @Override
  public void recordIterate() {
    addIterateError(error());
    for (int c = 0; c < contexts.size(); c++) {
      contextSum[c] += -Math.expm1(targetLogLikelihood(c));
    }
  }

  @Override
  public double[] contextRandomIterateErrors() {
    long recorded = recordedIterates();
    double[] out = new double[contexts.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = recorded == 0 ? Double.NaN : contextSum[c] / recorded;
    }
    return out;
  }
}
