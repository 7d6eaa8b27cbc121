package org.pgbarrier.model;

import org.pgbarrier.kernel.InverseCdf;

/** {@link SequenceScorer#general}: the model's own methods, one context at a time. */
final class GeneralSequenceScorer<X> implements SequenceScorer<X> {
  private final LinearAutoregressiveModel<X> model;
  private double[] w;

  GeneralSequenceScorer(LinearAutoregressiveModel<X> model) {
    this.model = model;
  }

  @Override
  public void prepare(double[] w) {
    this.w = w;
  }

  @Override
  public Workspace<X> workspace() {
    return new Workspace<>() {
      private final double[] logits = new double[model.vocabularySize()];
      private final double[] tokenLogp = new double[model.length()];
      private X x;
      private LogitScorer scorer;

      @Override
      public void start(X x) {
        this.x = x;
        this.scorer = model.featureMap().scorer(w, x);
      }

      @Override
      public double tokenLogProbabilities(int[] y, double[] out) {
        return model.tokenLogProbabilities(w, x, y, out);
      }

      @Override
      public double addGradient(int[] y, double scale, double[] acc) {
        return model.addGradient(w, x, y, scale, acc);
      }

      @Override
      public void addWeightedGradient(int[] y, double[] tokenScale, double[] acc, double[] sums) {
        sums[0] = model.tokenLogProbabilities(w, x, y, tokenLogp);
        model.addWeightedGradient(w, x, y, tokenScale, acc);
        double weighted = 0;
        for (int i = 0; i < y.length; i++) {
          weighted += tokenScale[i] * tokenLogp[i];
        }
        sums[1] = weighted;
      }

      @Override
      public int sample(int[] y, int i, double u) {
        scorer.logits(y, i, logits);
        return InverseCdf.token(logits, logits.length, u);
      }
    };
  }
}
