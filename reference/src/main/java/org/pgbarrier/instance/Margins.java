package org.pgbarrier.instance;

import java.util.Arrays;
import java.util.List;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.LogitScorer;

/** Computes {@link MarginCertificate}s. */
public final class Margins {
  private Margins() {}

  /** The certificate of {@code wStar} on {@code contexts}, against {@code requested}. */
  public static <X> MarginCertificate certify(
      LinearAutoregressiveModel<X> model,
      double[] wStar,
      List<Labeled<X>> contexts,
      double requested) {
    int k = model.vocabularySize();
    int n = model.length();
    double norm = 0;
    for (double wi : wStar) {
      norm += wi * wi;
    }
    norm = Math.sqrt(norm);
    double featureNorm = 0;
    double minGap = Double.POSITIVE_INFINITY;
    int witnessContext = -1;
    int witnessPosition = -1;
    boolean greedyOk = true;
    double[] logits = new double[k];
    for (int c = 0; c < contexts.size(); c++) {
      Labeled<X> labeled = contexts.get(c);
      int[] target = labeled.target();
      featureNorm = Math.max(featureNorm, model.featureMap().featureNormBound(labeled.x(), n));
      LogitScorer scorer = model.featureMap().scorer(wStar, labeled.x());
      for (int i = 0; i < n; i++) {
        scorer.logits(target, i, logits);
        double best = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < k; v++) {
          if (v != target[i]) {
            best = Math.max(best, logits[v]);
          }
        }
        double gap = logits[target[i]] - best;
        if (gap < minGap) {
          minGap = gap;
          witnessContext = c;
          witnessPosition = i;
        }
      }
      greedyOk = greedyOk && Arrays.equals(model.greedy(wStar, labeled.x()), target);
    }
    double realised = minGap / (norm * featureNorm);
    return new MarginCertificate(
        requested,
        realised,
        minGap,
        norm,
        featureNorm,
        contexts.size(),
        witnessContext,
        witnessPosition,
        greedyOk);
  }
}
