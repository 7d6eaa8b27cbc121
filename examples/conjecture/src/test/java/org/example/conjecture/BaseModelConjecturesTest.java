package org.example.conjecture;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.ParameterSpace;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;

/**
 * Two conjectures about pgbarrier's model, checked with its testkit from a project of their own
 * (claims in {@link ExampleClaims}). Each has a mutant twin the same rule must reject.
 */
class BaseModelConjecturesTest {
  /** Draws per experiment of EXC-02. */
  private static final int DRAWS = 4000;

  @Test
  void baseLikelihoodOfTheTargetLiesBetweenTheTokenPowers() {
    ExactProperty.of("EXC-01", "alpha-between-token-powers")
        .over(new ParameterSpace().integer("k", 2, 5).integer("N", 1, 4)
            .real("baseMin", 0.05, 0.5).real("spread", 0, 0.4))
        .tries(200)
        .rule("max over contexts of log alpha - N log baseMax <= 1e-9 and N log baseMin - log"
            + " alpha <= 1e-9 (exact, no randomness in the decision)")
        .check((p, seed) -> band(p.integer("k"), p.integer("N"), p.real("baseMin"),
            p.real("spread"), seed, 0))
        .mutant("the upper end one token short: baseMax^(N+1)",
            (p, seed) -> band(p.integer("k"), p.integer("N"), p.real("baseMin"),
                p.real("spread"), seed, 1))
        .verify();
  }

  /** The worst violation of the band over the instance's contexts, in log space. */
  private static Observation band(int k, int n, double baseMin, double spread, long seed,
      int extraTokens) {
    double baseMax = Math.min(0.95, baseMin + spread);
    Instance<TabularContext> inst = TabularInstances.generate(
        new TabularInstances.Spec(k, n, 3, 0.5 / Math.sqrt(3.0 * n), baseMin, baseMax), seed);
    double worst = Double.NEGATIVE_INFINITY;
    for (Labeled<TabularContext> c : inst.contexts()) {
      double logAlpha = inst.model().logLikelihood(inst.wBase(), c.x(), c.target());
      worst = Math.max(worst, Math.max(logAlpha - (n + extraTokens) * Math.log(baseMax),
          n * Math.log(baseMin) - logAlpha));
    }
    return Observation.atMost(worst, 1e-9, String.format("k=%d N=%d baseMin=%.4g baseMax=%.4g",
        k, n, baseMin, baseMax));
  }

  @Test
  void samplingTheBaseModelHitsTheTargetAtRateAlpha() {
    StatisticalProperty property =
        StatisticalProperty.of("EXC-02", "hits-of-y-star-are-binomial");
    double a = property.alpha();
    property
        .rule("two-sided exact binomial test of #{y = y*} ~ Bin(" + DRAWS + ", alpha), each tail"
            + " at level a/2 (false alarm <= a = " + a + ")")
        .experiment(seed -> hits(seed, a, 1))
        .mutant("the sampler at temperature 1/2 (weights doubled)", seed -> hits(seed, a, 2))
        .verify();
  }

  /** Draws from the base model with its weights scaled by {@code scale}; tests against alpha. */
  private static Decision hits(long seed, double level, double scale) {
    Instance<TabularContext> inst = TabularInstances.generate(
        new TabularInstances.Spec(3, 3, 1, 0.25, 0.4, 0.4), Seeds.derive(seed, 0));
    LinearAutoregressiveModel<TabularContext> model = inst.model();
    Labeled<TabularContext> c = inst.contexts().get(0);
    double alpha = Math.exp(model.logLikelihood(inst.wBase(), c.x(), c.target()));
    double[] w = inst.wBase().clone();
    for (int i = 0; i < w.length; i++) {
      w[i] *= scale;
    }
    SplittableRandom rng = Seeds.stream(seed, 1);
    int count = 0;
    for (int r = 0; r < DRAWS; r++) {
      if (Arrays.equals(model.sample(w, c.x(), rng), c.target())) {
        count++;
      }
    }
    double p = Math.min(BinomialTail.upper(DRAWS, alpha, count),
        BinomialTail.lower(DRAWS, alpha, count));
    return new Decision(p <= level / 2, p, Comparison.ABOVE, level / 2, String.format(
        "alpha=%.4g: %d of %d draws are y* (expected %.1f), smaller tail p %.3g", alpha, count,
        DRAWS, DRAWS * alpha, p));
  }
}
