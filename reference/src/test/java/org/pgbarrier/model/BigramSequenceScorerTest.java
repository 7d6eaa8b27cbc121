package org.pgbarrier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.kernel.InverseCdf;
import org.pgbarrier.random.Seeds;

/**
 * The fast bigram path ({@link SequenceScorer#of} on a {@link BigramFeatureMap}) agrees with the
 * general model on random instances: {@code W ~ N(0, scale^2)} with scale 1 (the authors'
 * {@code W*}), 8 (peaked laws, tokens of probability near 1: the {@code log1p} branch) and 60 (logit ranges near 1000: the column maxima of {@code W2} and {@code a} far
 * apart, the recomputed columns), Gaussian contexts, responses sampled from the model itself and
 * uniform ones.
 *
 * <p>Tolerances: each token log-probability to {@code 1e-12} relative (both are {@code logit -
 * lse} or {@code -log1p(odds)} from logits rounded alike, a few ulps times the logit range
 * apart); the log-likelihood, a sum of same-sign terms, the same. The gradient to {@code 1e-12}
 * of its largest entry: the fast path sums the same per-position terms grouped by previous token
 * instead of in position order, so an entry that cancels to near 0 can differ in its low digits
 * relative to itself, never relative to the gradient's scale.
 */
class BigramSequenceScorerTest {
  private static final double TOLERANCE = 1e-12;

  private record Case(int d, int k, int n, double scale) {}

  private static final Case[] CASES = {
    new Case(5, 7, 9, 1.0), new Case(32, 32, 128, 1.0), new Case(6, 4, 20, 8.0),
    new Case(4, 9, 30, 60.0), new Case(3, 2, 1, 1.0)
  };

  @Test
  void tokenLogProbabilitiesAgreeWithTheGeneralModelToOnePartInTenToTheTwelve() {
    for (Case c : CASES) {
      for (int trial = 0; trial < 20; trial++) {
        Instance in = instance(c, trial);
        double[] fast = new double[c.n];
        double[] general = new double[c.n];
        double fastTotal = in.workspace.tokenLogProbabilities(in.y, fast);
        double generalTotal = in.model.tokenLogProbabilities(in.w, in.x, in.y, general);
        for (int i = 0; i < c.n; i++) {
          assertThat(fast[i]).as(c + " token " + i)
              .isCloseTo(general[i], org.assertj.core.api.Assertions.within(
                  TOLERANCE * Math.max(Math.abs(general[i]), Double.MIN_NORMAL)));
        }
        assertThat(Math.abs(fastTotal - generalTotal))
            .isLessThanOrEqualTo(TOLERANCE * Math.abs(generalTotal));
      }
    }
  }

  @Test
  void weightedGradientsAgreeWithTheGeneralModelRelativeToTheirLargestEntry() {
    for (Case c : CASES) {
      for (int trial = 0; trial < 20; trial++) {
        Instance in = instance(c, trial);
        SplittableRandom rng = Seeds.stream(77, trial);
        double[] scales = new double[c.n];
        for (int i = 0; i < c.n; i++) {
          scales[i] = i % 5 == 3 ? 0.0 : rng.nextDouble(-1, 1);
        }
        double[] fast = new double[in.model.dimension()];
        double[] general = new double[in.model.dimension()];
        double[] sums = new double[2];
        in.workspace.addWeightedGradient(in.y, scales, fast, sums);
        double generalLogp = in.model.addWeightedGradient(in.w, in.x, in.y, scales, general);
        double[] tokens = new double[c.n];
        in.model.tokenLogProbabilities(in.w, in.x, in.y, tokens);
        double generalWeighted = 0;
        double scaleMass = 0;
        for (int i = 0; i < c.n; i++) {
          generalWeighted += scales[i] * tokens[i];
          scaleMass += Math.abs(scales[i] * tokens[i]);
        }
        assertClose(c + " weighted", fast, general);
        assertThat(Math.abs(sums[0] - generalLogp))
            .isLessThanOrEqualTo(TOLERANCE * Math.abs(generalLogp));
        // Summed in another order: relative to sum_i |s_i log p_i|, which cancellation can exceed.
        assertThat(Math.abs(sums[1] - generalWeighted)).as(c + " weighted sum")
            .isLessThanOrEqualTo(TOLERANCE * scaleMass);

        double[] fastPlain = new double[in.model.dimension()];
        double[] generalPlain = new double[in.model.dimension()];
        in.workspace.addGradient(in.y, 0.25, fastPlain);
        in.model.addGradient(in.w, in.x, in.y, 0.25, generalPlain);
        assertClose(c + " plain", fastPlain, generalPlain);
      }
    }
  }

  /**
   * A group of workspaces ({@link SequenceScorer#workspaces}) holds the {@code dW1} terms and
   * applies them at flush: the accumulators are then the same bits as those of workspaces that
   * apply every term at once, over 300 calls that alternate between the two workspaces, mix plain
   * and weighted scores, and spread over more accumulators than the group holds at once ({@value
   * DeferredFirstBlock#SLOTS}) with more terms each than a slot holds ({@value
   * DeferredFirstBlock#CAPACITY}).
   */
  @Test
  void aGroupOfWorkspacesGivesTheBitsOfSingleWorkspacesAfterFlush() {
    Case c = CASES[1];
    Instance in = instance(c, 0);
    SequenceScorer<double[]> scorer = SequenceScorer.of(in.model);
    scorer.prepare(in.w);
    java.util.List<SequenceScorer.Workspace<double[]>> group = scorer.workspaces(2);
    java.util.List<SequenceScorer.Workspace<double[]>> singles =
        java.util.List.of(scorer.workspace(), scorer.workspace());
    int targets = DeferredFirstBlock.SLOTS + 2;
    double[][] held = new double[targets][in.model.dimension()];
    double[][] direct = new double[targets][in.model.dimension()];
    SplittableRandom rng = Seeds.stream(123, 0);
    double[] sums = new double[2];
    for (int call = 0; call < 300; call++) {
      double[] x = new double[c.d];
      for (int j = 0; j < c.d; j++) {
        x[j] = rng.nextGaussian();
      }
      int[] y = in.model.sample(in.w, x, rng);
      double[] scales = new double[c.n];
      for (int i = 0; i < c.n; i++) {
        scales[i] = rng.nextDouble(-1, 1);
      }
      double scale = rng.nextDouble(-2, 2);
      boolean weighted = rng.nextBoolean();
      // Mostly two accumulators, as a lane; now and then the others, to overflow the slots.
      int target = rng.nextInt(10) < 8 ? call % 2 : 2 + rng.nextInt(targets - 2);
      SequenceScorer.Workspace<double[]> h = group.get(call % 2);
      SequenceScorer.Workspace<double[]> s = singles.get(call % 2);
      h.start(x);
      s.start(x);
      if (weighted) {
        h.addWeightedGradient(y, scales, held[target], sums);
        s.addWeightedGradient(y, scales, direct[target], sums);
      } else {
        h.addGradient(y, scale, held[target]);
        s.addGradient(y, scale, direct[target]);
      }
    }
    group.get(1).flush();
    for (int t = 0; t < targets; t++) {
      for (int j = 0; j < held[t].length; j++) {
        assertThat(Double.doubleToRawLongBits(held[t][j])).as("accumulator %d, entry %d", t, j)
            .isEqualTo(Double.doubleToRawLongBits(direct[t][j]));
      }
    }
  }

  @Test
  void aDrawIsTheInverseCdfTokenOfTheGeneralModel() {
    for (Case c : CASES) {
      for (int trial = 0; trial < 20; trial++) {
        Instance in = instance(c, trial);
        SplittableRandom rng = Seeds.stream(91, trial);
        LogitScorer scorer = in.model.featureMap().scorer(in.w, in.x);
        double[] logits = new double[c.k];
        for (int i = 0; i < c.n; i++) {
          scorer.logits(in.y, i, logits);
          for (double u : new double[] {0.0, rng.nextDouble(), rng.nextDouble(), 0.9999999}) {
            assertThat(in.workspace.sample(in.y, i, u)).as(c + " position " + i + " u " + u)
                .isEqualTo(InverseCdf.token(logits, c.k, u));
          }
        }
      }
    }
  }

  @Test
  void greedyDecodingGivesTheGeneralModelsTokens() {
    for (Case c : CASES) {
      for (int trial = 0; trial < 20; trial++) {
        Instance in = instance(c, trial);
        BigramFeatureMap phi = (BigramFeatureMap) in.model.featureMap();
        assertThat(phi.greedy(in.w, in.x, c.n)).isEqualTo(in.model.greedy(in.w, in.x));
      }
    }
  }

  @Test
  void theGeneralScorerIsTheModelItself() {
    Instance in = instance(CASES[0], 0);
    SequenceScorer<double[]> general = SequenceScorer.general(in.model);
    general.prepare(in.w);
    SequenceScorer.Workspace<double[]> workspace = general.workspace();
    workspace.start(in.x);
    assertThat(workspace.tokenLogProbabilities(in.y, new double[CASES[0].n]))
        .isEqualTo(in.model.logLikelihood(in.w, in.x, in.y));
  }

  private static void assertClose(String what, double[] fast, double[] general) {
    double scale = 0;
    for (double g : general) {
      scale = Math.max(scale, Math.abs(g));
    }
    assertThat(scale).as(what + ": a non-trivial gradient").isPositive();
    for (int j = 0; j < general.length; j++) {
      assertThat(Math.abs(fast[j] - general[j])).as(what + " entry " + j)
          .isLessThanOrEqualTo(TOLERANCE * scale);
    }
  }

  private record Instance(LinearAutoregressiveModel<double[]> model, double[] w, double[] x,
      int[] y, SequenceScorer.Workspace<double[]> workspace) {}

  /** Trial t of case c: odd trials a uniform response, even ones one sampled from the model. */
  private static Instance instance(Case c, int trial) {
    SplittableRandom rng = Seeds.stream(Seeds.derive(c.d * 1000L + c.k, c.n), trial);
    LinearAutoregressiveModel<double[]> model =
        new LinearAutoregressiveModel<>(new BigramFeatureMap(c.d, c.k), c.n);
    double[] w = new double[model.dimension()];
    for (int j = 0; j < w.length; j++) {
      w[j] = c.scale * rng.nextGaussian();
    }
    double[] x = new double[c.d];
    for (int j = 0; j < c.d; j++) {
      x[j] = rng.nextGaussian();
    }
    int[] y = trial % 2 == 0 ? model.sample(w, x, rng) : new int[c.n];
    if (trial % 2 == 1) {
      for (int i = 0; i < c.n; i++) {
        y[i] = rng.nextInt(c.k);
      }
    }
    SequenceScorer<double[]> scorer = SequenceScorer.of(model);
    assertThat(scorer).isInstanceOf(BigramSequenceScorer.class);
    scorer.prepare(w);
    SequenceScorer.Workspace<double[]> workspace = scorer.workspace();
    workspace.start(x);
    return new Instance(model, w, x, y, workspace);
  }
}
