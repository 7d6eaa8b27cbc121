package org.pgbarrier.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.BaseModelBarrier;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.Params;

/**
 * BMB-01, the model identities of the linear autoregressive model, on random instances of all
 * four families with random weights. Oracles are independent of the fast paths: {@link
 * Definitional} (explicit feature vectors), exact enumeration of all {@code k^N} responses, and
 * finite differences.
 */
class ModelIdentityProperties {
  private static final int TRIES = 500;

  @Test
  void tokenProbabilitiesSumToOneAtEveryPrefix() {
    ExactProperty.of("BMB-01", "probabilities-sum-to-one")
        .over(Families.space())
        .tries(TRIES)
        // k terms each within a few ulps of their value: the sum is within k * 2^-52 of 1.
        .rule("max_{x,y,i} |sum_v p_w(v|x,y_<i) - 1| <= 1e-14 and every p_v >= 0")
        .check(probabilitiesSumToOne(ModelUnderTest.REAL))
        .mutant("softmax normaliser leaves out the last token",
            probabilitiesSumToOne(ModelUnderTest.NORMALISER_MISSES_LAST_TOKEN))
        .verify();
  }

  @Test
  void sequenceLogLikelihoodIsTheSumOfTokenTermsAndMatchesEnumeration() {
    ExactProperty.of("BMB-01", "sequence-loglik-matches-enumeration")
        .over(Families.space())
        .tries(TRIES)
        .rule("|log p(y|x) - sum_i log p(y_i|x,y_<i)| and |log p(y|x) - enumeration[y]| <= 1e-12"
            + " (1 + sum_i max_v |logit_i(v)|); |sum_y p(y|x) - 1| <= 1e-12")
        .check(sequenceLikelihood(ModelUnderTest.REAL))
        .mutant("sequence log-likelihood drops the first token",
            sequenceLikelihood(ModelUnderTest.DROPS_FIRST_TOKEN))
        .verify();
  }

  @Test
  void gradientMatchesTheDefinitionAndFiniteDifferences() {
    ExactProperty.of("BMB-01", "gradient-matches-finite-differences")
        .over(Families.space())
        .tries(TRIES)
        .rule("max_j |g_j - definitional_j| <= 1e-12 (1 + |g|_inf) and max_j |g_j - fd_j| <= 1e-7"
            + " (1 + |g|_inf) for the 5-point central difference with h = 1e-3")
        .check(gradientAgreement(ModelUnderTest.REAL))
        .mutant("gradient omits the expected-feature term",
            gradientAgreement(ModelUnderTest.GRADIENT_WITHOUT_EXPECTATION))
        .verify();
  }

  @Test
  void scoreHasMeanZeroOverTheEnumeration() {
    ExactProperty.of("BMB-01", "score-has-mean-zero")
        .over(Families.space())
        .tries(TRIES)
        .rule("|sum_y p(y|x) grad log p(y|x)|_inf <= 1e-12 (1 + max_y |grad log p(y|x)|_inf)")
        .check(scoreMeanZero(ModelUnderTest.REAL))
        .mutant("gradient omits the expected-feature term",
            scoreMeanZero(ModelUnderTest.GRADIENT_WITHOUT_EXPECTATION))
        .verify();
  }

  @Test
  void gradientNormIsAtMostTwiceTheFeatureNormTimesTheTokenErrors() {
    ExactProperty.of("BMB-01", "gradient-norm-bound")
        .over(Families.space())
        .tries(TRIES)
        .rule("||grad log p_w(y|x)|| <= 2 R sum_i (1 - p_w(y_i|x,y_<i)) (1 + 1e-12)")
        .check(gradientNormBound(2.0))
        .mutant("the bound without its factor 2", gradientNormBound(1.0))
        .verify();
  }

  private static Check probabilitiesSumToOne(ModelUnderTest impl) {
    return Families.on(new Families.OnInstance() {
      @Override
      public <X> Observation apply(Instance<X> inst, Params p, SplittableRandom rng) {
        LinearAutoregressiveModel<X> model = inst.model();
        double[] w = Families.randomWeights(model.dimension(), p.real("scale"), rng);
        Observation worst = Observation.atMost(0, 1e-14, "none");
        for (Labeled<X> c : inst.contexts()) {
          for (int[] y : responses(inst, c, w, rng)) {
            for (int i = 0; i < model.length(); i++) {
              double[] probs = impl.tokenDistribution(model, w, c.x(), y, i);
              double sum = 0;
              double min = 1;
              for (double pv : probs) {
                sum += pv;
                min = Math.min(min, pv);
              }
              double err = min < 0 ? Double.POSITIVE_INFINITY : Math.abs(sum - 1);
              worst = worst.worse(Observation.atMost(err, 1e-14,
                  "position " + i + " sum " + sum + " min " + min));
            }
          }
        }
        return worst;
      }
    });
  }

  private static Check sequenceLikelihood(ModelUnderTest impl) {
    return Families.on(new Families.OnInstance() {
      @Override
      public <X> Observation apply(Instance<X> inst, Params p, SplittableRandom rng) {
        LinearAutoregressiveModel<X> model = inst.model();
        double[] w = Families.randomWeights(model.dimension(), p.real("scale"), rng);
        Observation worst = Observation.atMost(0, 1, "none");
        for (Labeled<X> c : inst.contexts()) {
          double[] all = model.enumerateLogLikelihoods(w, c.x());
          double total = 0;
          for (double lp : all) {
            total += Math.exp(lp);
          }
          worst = worst.worse(Observation.atMost(Math.abs(total - 1) / 1e-12, 1,
              "sum over enumeration " + total));
          for (int[] y : responses(inst, c, w, rng)) {
            double got = impl.logLikelihood(model, w, c.x(), y);
            double tolerance = 1e-12 * (1 + Definitional.logitScale(model, w, c.x(), y));
            double bySum = Definitional.logLikelihood(model, w, c.x(), y);
            double byEnumeration = all[index(y, model.vocabularySize())];
            double err = Math.max(Math.abs(got - bySum), Math.abs(got - byEnumeration));
            worst = worst.worse(Observation.atMost(err / tolerance, 1,
                "log p = " + got + ", token sum " + bySum + ", enumeration " + byEnumeration));
          }
        }
        return worst;
      }
    });
  }

  private static Check gradientAgreement(ModelUnderTest impl) {
    return Families.on(new Families.OnInstance() {
      @Override
      public <X> Observation apply(Instance<X> inst, Params p, SplittableRandom rng) {
        LinearAutoregressiveModel<X> model = inst.model();
        double[] w = Families.randomWeights(model.dimension(), p.real("scale"), rng);
        Observation worst = Observation.atMost(0, 1, "none");
        for (Labeled<X> c : inst.contexts()) {
          for (int[] y : responses(inst, c, w, rng)) {
            double[] g = impl.gradient(model, w, c.x(), y);
            double[] exact = Definitional.gradient(model, w, c.x(), y);
            double scale = 1 + maxAbs(exact);
            double worstExact = 0;
            double worstFd = 0;
            for (int j = 0; j < g.length; j++) {
              worstExact = Math.max(worstExact, Math.abs(g[j] - exact[j]) / (1e-12 * scale));
              double fd = finiteDifference(model, w, c.x(), y, j);
              worstFd = Math.max(worstFd, Math.abs(g[j] - fd) / (1e-7 * scale));
            }
            worst = worst.worse(Observation.atMost(Math.max(worstExact, worstFd), 1,
                "error/tolerance vs definition " + worstExact + ", vs finite differences "
                    + worstFd));
          }
        }
        return worst;
      }
    });
  }

  private static Check scoreMeanZero(ModelUnderTest impl) {
    return Families.on(new Families.OnInstance() {
      @Override
      public <X> Observation apply(Instance<X> inst, Params p, SplittableRandom rng) {
        LinearAutoregressiveModel<X> model = inst.model();
        double[] w = Families.randomWeights(model.dimension(), p.real("scale"), rng);
        Observation worst = Observation.atMost(0, 1, "none");
        for (Labeled<X> c : inst.contexts()) {
          double[] all = model.enumerateLogLikelihoods(w, c.x());
          double[] mean = new double[model.dimension()];
          double scale = 1;
          for (int r = 0; r < all.length; r++) {
            double[] g = impl.gradient(model, w, c.x(), model.response(r));
            scale = Math.max(scale, 1 + maxAbs(g));
            double pr = Math.exp(all[r]);
            for (int j = 0; j < g.length; j++) {
              mean[j] += pr * g[j];
            }
          }
          worst = worst.worse(Observation.atMost(maxAbs(mean) / (1e-12 * scale), 1,
              "|E grad log p|_inf = " + maxAbs(mean) + " over " + all.length + " responses"));
        }
        return worst;
      }
    });
  }

  private static Check gradientNormBound(double factor) {
    return Families.on(new Families.OnInstance() {
      @Override
      public <X> Observation apply(Instance<X> inst, Params p, SplittableRandom rng) {
        LinearAutoregressiveModel<X> model = inst.model();
        double[] w = Families.randomWeights(model.dimension(), p.real("scale"), rng);
        Observation worst = Observation.atMost(0, 1, "none");
        for (Labeled<X> c : inst.contexts()) {
          double r = model.featureMap().featureNormBound(c.x(), model.length());
          for (int[] y : responses(inst, c, w, rng)) {
            double[] tokenProbs = new double[model.length()];
            model.tokenLogProbabilities(w, c.x(), y, tokenProbs);
            for (int i = 0; i < tokenProbs.length; i++) {
              tokenProbs[i] = Math.exp(tokenProbs[i]);
            }
            double norm = norm(model.gradient(w, c.x(), y));
            double bound = factor / 2 * BaseModelBarrier.gradientNormBound(tokenProbs, r);
            worst = worst.worse(Observation.atMost(norm, bound * (1 + 1e-12) + 1e-300,
                "||grad|| = " + norm + ", bound " + bound + ", R = " + r));
          }
        }
        return worst;
      }
    });
  }

  /** y*, two uniform responses and one sample from p_w. */
  private static <X> List<int[]> responses(
      Instance<X> inst, Labeled<X> c, double[] w, SplittableRandom rng) {
    LinearAutoregressiveModel<X> model = inst.model();
    List<int[]> ys = new ArrayList<>();
    ys.add(c.target());
    for (int r = 0; r < 2; r++) {
      int[] y = new int[model.length()];
      for (int i = 0; i < y.length; i++) {
        y[i] = rng.nextInt(model.vocabularySize());
      }
      ys.add(y);
    }
    ys.add(model.sample(w, c.x(), rng));
    return ys;
  }

  /**
   * Fourth-order central difference {@code [8(f(+h) - f(-h)) - (f(+2h) - f(-2h))] / 12h} of
   * {@code log p_w(y|x)} in coordinate {@code j}, {@code h = 1e-3}: truncation error {@code
   * O(h^4)} and rounding error about {@code 1e-16 |f| / h}, both far below the 1e-7 tolerance
   * (finite differences cannot reach 1e-12; the definitional oracle holds the gradient to that).
   */
  private static <X> double finiteDifference(
      LinearAutoregressiveModel<X> model, double[] w, X x, int[] y, int j) {
    double h = 1e-3;
    double[] v = w.clone();
    double[] f = new double[4];
    double[] offsets = {h, -h, 2 * h, -2 * h};
    for (int s = 0; s < 4; s++) {
      v[j] = w[j] + offsets[s];
      f[s] = model.logLikelihood(v, x, y);
    }
    return (8 * (f[0] - f[1]) - (f[2] - f[3])) / (12 * h);
  }

  private static int index(int[] y, int k) {
    int index = 0;
    for (int token : y) {
      index = index * k + token;
    }
    return index;
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double ai : a) {
      m = Math.max(m, Math.abs(ai));
    }
    return m;
  }

  private static double norm(double[] a) {
    double s = 0;
    for (double ai : a) {
      s += ai * ai;
    }
    return Math.sqrt(s);
  }
}
