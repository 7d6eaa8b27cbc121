package org.pgbarrier.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.FiniteDistribution;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.Adagrad;
import org.pgbarrier.learn.ConstantStep;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.learn.batch.SupervisedCrossEntropy;
import org.pgbarrier.learn.batch.SupervisedSettings;
import org.pgbarrier.metric.LikelihoodQuantile;
import org.pgbarrier.metric.TargetLikelihoods;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.ParameterSpace;
import org.pgbarrier.testkit.engine.Params;

/**
 * BMB-14 [CONJECTURE, ours; docs/theory.md §8.14]: along supervised pre-training (E1) the
 * likelihood quantile {@code lq(eps) = Q_q(eps)} of the target ({@link LikelihoodQuantile}) is
 * non-decreasing from one checkpoint to the next, for every level {@code eps}.
 *
 * <p>Exactness: every case has a finite context set {@code D} (G1, G2 and G4 are finite; on G3 the
 * training distribution is the uniform distribution on the instance's sample), so the LQ curve of
 * a checkpoint is exact ({@link TargetLikelihoods#of}). Both curves are step functions of {@code
 * eps}, constant between consecutive levels of either CDF, so comparing them at the midpoint of
 * every such interval compares them at every {@code eps in (0, 1]}. Pre-training starts at {@code
 * w = 0} (the uniform model, the authors' first checkpoint) and checkpoints are taken every
 * {@code every} steps, {@value #CHECKPOINTS} of them.
 *
 * <p>Three checks, each on every case drawn:
 *
 * <ol>
 *   <li>{@code lq-monotone-along-e1}, the statement as registered: E1 ({@link
 *       SupervisedCrossEntropy}, batches of {@code B} fresh draws, torch Adagrad) on all four
 *       families.
 *   <li>{@code lq-monotone-under-population-flow}: the same without sampling noise: full-batch
 *       ascent on the population cross-entropy with a small constant step ({@value #FLOW_STEP},
 *       {@value #FLOW_STEPS_PER_CHECKPOINT} steps between checkpoints), a discretised gradient
 *       flow; it separates the SGD noise from the geometry.
 *   <li>{@code lq-monotone-without-shared-features}: E1 as in (1) on the families whose feature
 *       map is tabular (G1, G4), where each (context, position) state owns its coordinates. There
 *       the statement is a theorem: a batch moves the coordinates of a state only through the
 *       gradient of {@code log p(y*_i|s)} in its own logits, which is {@code c (1 - p)} on the
 *       target and {@code -c p_v} on every other token ({@code c >= 0} the state's count in the
 *       batch); Adagrad moves each coordinate in the sign of its gradient, so the target logit
 *       rises, the others fall, and every token likelihood, hence every sequence likelihood, hence
 *       every quantile, is non-decreasing at every step, for any batch and learning rate.
 * </ol>
 *
 * Each has the same mutant twin: the checkpoints read in reverse order (pre-training run
 * backwards), which must lower some quantile on some case. A conjecture's counterexample is a
 * finding, not a build failure: the engine records it as REFUTED, shrunk, with its replay command.
 */
class PretrainingQuantileProperties {
  private static final int TRIES = 200;
  private static final int CHECKPOINTS = 10;
  private static final double FLOW_STEP = 0.005;
  private static final int FLOW_STEPS_PER_CHECKPOINT = 200;
  private static final String RULE = "for every pair of consecutive checkpoints and every eps in"
      + " (0, 1]: log lq_later(eps) >= log lq_earlier(eps) - 1e-12 (1 + |log lq_earlier(eps)|),"
      + " with " + CHECKPOINTS + " checkpoints after w = 0, LQ exact over the finite context set";

  @Test
  void theLikelihoodQuantileRisesAlongSupervisedPretraining() {
    ExactProperty.of("BMB-14", "lq-monotone-along-e1")
        .over(e1Space(1, 4))
        .tries(TRIES)
        .rule(RULE + "; E1 with Adagrad(lr), batch B, a checkpoint every `every` steps")
        .check(monotone(Training.E1, false))
        .mutant("the checkpoints read in reverse order", monotone(Training.E1, true))
        .verify();
  }

  @Test
  void theLikelihoodQuantileRisesUnderPopulationGradientFlow() {
    ExactProperty.of("BMB-14", "lq-monotone-under-population-flow")
        .over(instanceSpace(1, 4))
        .tries(TRIES)
        .rule(RULE + "; full-batch ascent on the population cross-entropy, step " + FLOW_STEP
            + ", " + FLOW_STEPS_PER_CHECKPOINT + " steps between checkpoints")
        .check(monotone(Training.POPULATION_FLOW, false))
        .mutant("the checkpoints read in reverse order",
            monotone(Training.POPULATION_FLOW, true))
        .verify();
  }

  @Test
  void theLikelihoodQuantileRisesWhenContextsShareNoFeature() {
    ExactProperty.of("BMB-14", "lq-monotone-without-shared-features")
        .over(tabularSpace())
        .tries(TRIES)
        .rule(RULE + "; E1 with Adagrad(lr), batch B, on the tabular families G1 (tabular = 1)"
            + " and G4 (tabular = 2)")
        .check(monotoneTabular(false))
        .mutant("the checkpoints read in reverse order", monotoneTabular(true))
        .verify();
  }

  private enum Training { E1, POPULATION_FLOW }

  /** {@link Families}' instance parameters, with more contexts so that the LQ curve has steps. */
  private static ParameterSpace instanceSpace(int firstFamily, int lastFamily) {
    return new ParameterSpace()
        .integer("family", firstFamily, lastFamily)
        .integer("k", 2, 4)
        .integer("N", 1, 4)
        .integer("contexts", 2, 8)
        .integer("m", 1, 6)
        .real("margin", 0.1, 1.0);
  }

  private static ParameterSpace e1Space(int firstFamily, int lastFamily) {
    return withE1(instanceSpace(firstFamily, lastFamily));
  }

  private static ParameterSpace withE1(ParameterSpace space) {
    return space
        .integer("batch", 1, 8)
        .logReal("lr", 0.01, 1.0)
        .integer("every", 1, 10);
  }

  /** G1 or G4 ({@link #monotoneTabular}); {@code m} is unused by both. */
  private static ParameterSpace tabularSpace() {
    return withE1(new ParameterSpace()
        .integer("tabular", 1, 2)
        .integer("k", 2, 4)
        .integer("N", 1, 4)
        .integer("contexts", 2, 8)
        .integer("m", 1, 1)
        .real("margin", 0.1, 1.0));
  }

  private static Check monotone(Training training, boolean reversed) {
    return (p, seed) -> check(Families.instance(p.integer("family"), p, seed), p,
        Seeds.stream(seed, 2), training, reversed);
  }

  /** The tabular cases: {@code tabular} 1 or 2 is {@link Families}' family 1 (G1) or 4 (G4). */
  private static Check monotoneTabular(boolean reversed) {
    return (p, seed) -> check(Families.instance(p.integer("tabular") == 1 ? 1 : 4, p, seed), p,
        Seeds.stream(seed, 2), Training.E1, reversed);
  }

  private static <X> Observation check(Instance<X> instance, Params p, SplittableRandom rng,
      Training training, boolean reversed) {
    LinearAutoregressiveModel<X> model = instance.model();
    FiniteDistribution<X> d = instance.distribution() instanceof FiniteDistribution<X> f
        ? f : FiniteDistribution.uniform(instance.contexts());
    List<TargetLikelihoods> curves = new ArrayList<>();
    double[] w = new double[model.dimension()];
    curves.add(TargetLikelihoods.of(model, w, d));
    Runnable segment = segment(training, model, d, w, p, rng);
    for (int c = 0; c < CHECKPOINTS; c++) {
      segment.run();
      curves.add(TargetLikelihoods.of(model, w, d));
    }
    if (reversed) {
      Collections.reverse(curves);
    }
    Observation worst = null;
    for (int c = 1; c < curves.size(); c++) {
      Observation o = compare(curves.get(c - 1), curves.get(c),
          instance.family() + ", checkpoint " + (c - 1) + " -> " + c);
      worst = worst == null ? o : worst.worse(o);
    }
    return worst;
  }

  /** Advances {@code w} in place by one checkpoint interval. */
  private static <X> Runnable segment(Training training, LinearAutoregressiveModel<X> model,
      FiniteDistribution<X> d, double[] w, Params p, SplittableRandom rng) {
    if (training == Training.E1) {
      int every = p.integer("every");
      SupervisedCrossEntropy<X> e1 = new SupervisedCrossEntropy<>(model, d,
          new Adagrad(p.real("lr")),
          new SupervisedSettings(every * CHECKPOINTS, p.integer("batch")));
      return () -> {
        for (int s = 0; s < every; s++) {
          e1.step(w, rng);
        }
      };
    }
    StepRule rule = new ConstantStep(FLOW_STEP);
    List<Labeled<X>> support = d.support();
    double inverse = 1.0 / model.length();
    return () -> {
      for (int s = 0; s < FLOW_STEPS_PER_CHECKPOINT; s++) {
        double[] direction = new double[w.length];
        double loss = 0;
        for (int i = 0; i < support.size(); i++) {
          Labeled<X> c = support.get(i);
          loss -= d.probability(i) * inverse
              * model.addGradient(w, c.x(), c.target(), d.probability(i) * inverse, direction);
        }
        rule.apply(w, direction, loss);
      }
    };
  }

  /**
   * The largest drop {@code log lq_earlier(eps) - log lq_later(eps)} over all {@code eps}, held
   * to the rounding tolerance; severity is the drop over the tolerance.
   */
  private static Observation compare(TargetLikelihoods earlier, TargetLikelihoods later,
      String where) {
    LikelihoodQuantile before = LikelihoodQuantile.of(earlier);
    LikelihoodQuantile after = LikelihoodQuantile.of(later);
    double[] levels = levels(earlier, later);
    Observation worst = null;
    for (int j = 0; j < levels.length; j++) {
      double eps = (j == 0 ? 0 : levels[j - 1]) / 2 + levels[j] / 2;
      // The lower quantile, as BMB-14 was registered. At these midpoints (strictly between the
      // levels of both CDFs) it equals the paper's upper quantile logAt, so the check means the
      // same under either convention.
      double b = before.lowerLogAt(eps);
      double a = after.lowerLogAt(eps);
      double tolerance = 1e-12 * (1 + Math.abs(b));
      double drop = b - a;
      Observation o = new Observation(drop <= tolerance, drop, Comparison.AT_MOST, tolerance, drop / tolerance,
          String.format("%s: log lq(%.4g) %.6g -> %.6g (drop %.4g nats)", where, eps, b, a,
              drop));
      worst = worst == null ? o : worst.worse(o);
    }
    return worst;
  }

  /** The distinct cumulative weights (normalised) of both CDFs, sorted; the last is 1. */
  private static double[] levels(TargetLikelihoods x, TargetLikelihoods y) {
    double[] all = new double[x.size() + y.size()];
    int n = 0;
    for (TargetLikelihoods t : List.of(x, y)) {
      Integer[] order = new Integer[t.size()];
      for (int c = 0; c < order.length; c++) {
        order[c] = c;
      }
      Arrays.sort(order, (i, j) -> Double.compare(t.logLikelihood(i), t.logLikelihood(j)));
      double cumulative = 0;
      for (int c : order) {
        cumulative += t.weight(c) / t.totalWeight();
        all[n++] = Math.min(cumulative, 1);
      }
    }
    Arrays.sort(all);
    double[] distinct = new double[all.length];
    int m = 0;
    for (double v : all) {
      if (m == 0 || v - distinct[m - 1] > 1e-9) {
        distinct[m++] = v;
      }
    }
    distinct[m - 1] = 1;
    return Arrays.copyOf(distinct, m);
  }
}
