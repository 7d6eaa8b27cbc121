package org.pgbarrier.properties;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.BaseModelBarrier;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.MarginCertificate;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.LogitScorer;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.Params;

/** BMB-02 (margin certificates) and BMB-03 (the margin odds lemma). */
class MarginProperties {
  private static final int TRIES = 500;

  @Test
  void everyGeneratedInstanceMeetsItsMarginAndGreedyDecodingReturnsTheTarget() {
    ExactProperty.of("BMB-02", "margin-certificate")
        .over(Families.space())
        .tries(TRIES)
        .rule("realised normalised margin >= requested gamma (1 - 1e-12), > 0, and greedy(w*) ="
            + " y* on every context")
        .check(certificate(1.0))
        .mutant("the request inflated by 5% (G1 and G4 margins are exact, so it must fail)",
            certificate(1.05))
        .verify();
  }

  @Test
  void steppingAlongTheTeacherShrinksTheErrorOddsGeometrically() {
    ExactProperty.of("BMB-03", "margin-odds-lemma")
        .over(Families.space().real("c", 0.0, 8.0))
        .tries(TRIES)
        .rule("odds_u <= exp(-c g_i) odds_w (1 + 1e-10) at every correct-prefix position, u = w +"
            + " c w*, g_i the gap of w* at position i")
        .check(oddsLemma(1.0))
        .mutant("the rate exp(-1.05 c g) (G1 has equal gaps, so the lemma is tight there)",
            oddsLemma(1.05))
        .verify();
  }

  private static Check certificate(double inflation) {
    return Families.on(new Families.OnInstance() {
      @Override
      public <X> Observation apply(Instance<X> inst, Params p, SplittableRandom rng) {
        MarginCertificate cert = inst.certify();
        double requested = Double.isNaN(cert.requested()) ? 0 : cert.requested() * inflation;
        String detail = inst.family() + " realised " + cert.realised() + " requested "
            + cert.requested() + " greedy=" + cert.greedyReproducesTarget() + " witness (context "
            + cert.witnessContext() + ", position " + cert.witnessPosition() + ")";
        boolean holds = cert.greedyReproducesTarget() && cert.realised() > 0
            && cert.realised() >= requested * (1 - MarginCertificate.RELATIVE_TOLERANCE);
        double severity = requested > 0 ? requested / cert.realised() : 0;
        return new Observation(holds, cert.realised(), Comparison.AT_LEAST, requested,
            holds ? severity : Double.POSITIVE_INFINITY, detail);
      }
    });
  }

  private static Check oddsLemma(double rateFactor) {
    return Families.on(new Families.OnInstance() {
      @Override
      public <X> Observation apply(Instance<X> inst, Params p, SplittableRandom rng) {
        LinearAutoregressiveModel<X> model = inst.model();
        int k = model.vocabularySize();
        double[] wStar = inst.wStar();
        double[] w = Families.randomWeights(model.dimension(), p.real("scale"), rng);
        double c = p.real("c");
        double[] u = w.clone();
        for (int j = 0; j < u.length; j++) {
          u[j] += c * wStar[j];
        }
        Observation worst = Observation.atMost(0, 1, "none");
        double[] lw = new double[k];
        double[] lu = new double[k];
        double[] ls = new double[k];
        for (Labeled<X> ctx : inst.contexts()) {
          int[] y = ctx.target();
          LogitScorer sw = model.featureMap().scorer(w, ctx.x());
          LogitScorer su = model.featureMap().scorer(u, ctx.x());
          LogitScorer ss = model.featureMap().scorer(wStar, ctx.x());
          for (int i = 0; i < model.length(); i++) {
            sw.logits(y, i, lw);
            su.logits(y, i, lu);
            ss.logits(y, i, ls);
            double gap = Double.POSITIVE_INFINITY;
            for (int v = 0; v < k; v++) {
              if (v != y[i]) {
                gap = Math.min(gap, ls[y[i]] - ls[v]);
              }
            }
            double oddsW = odds(lw, y[i]);
            double oddsU = odds(lu, y[i]);
            double bound = BaseModelBarrier.marginOddsBound(oddsW, rateFactor * c, gap);
            worst = worst.worse(Observation.atMost(oddsU, bound * (1 + 1e-10),
                "position " + i + " odds_w " + oddsW + " odds_u " + oddsU + " gap " + gap));
          }
        }
        return worst;
      }
    });
  }

  /** {@code (1 - p_y)/p_y = sum_{v != y} exp(l_v - l_y)}, accurate when {@code p_y} is near 1. */
  private static double odds(double[] logits, int y) {
    double s = 0;
    for (int v = 0; v < logits.length; v++) {
      if (v != y) {
        s += Math.exp(logits[v] - logits[y]);
      }
    }
    return s;
  }
}
