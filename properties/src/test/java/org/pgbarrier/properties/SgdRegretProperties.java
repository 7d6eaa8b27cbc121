package org.pgbarrier.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.BaseModelBarrier;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.AdaptiveSgd;
import org.pgbarrier.learn.LossNormalisedStep;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.Params;

/**
 * BMB-04: the pathwise regret inequality of algorithm (A), deterministic on every sequence,
 * checked on random instances of all four families under four orderings, one of them an
 * adaptive adversary.
 */
class SgdRegretProperties {
  private static final int TRIES = 200;
  private static final double[] COMPARATOR_STEPS = {0, 0.5, 1, 2, 4, 8, 16, 32, 64};

  @Test
  void sgdWithLossNormalisedStepsSatisfiesThePathwiseRegretBoundOnEverySequence() {
    ExactProperty.of("BMB-04", "sgd-pathwise-regret")
        .over(space())
        .tries(TRIES)
        .rule("max over c in {0,..,64} of sum_t min(1, l_t(w_t)) / bound(u = w_1 + c w*) <= 1 + 1e-12")
        .check(regret(LossNormalisedStep::new))
        .mutant("the step taken against the gradient (a sign error)",
            regret(eta -> StepMutants.descent(new LossNormalisedStep(eta))))
        .verify();
  }

  private static org.pgbarrier.testkit.engine.ParameterSpace space() {
    return Families.space()
        .integer("n", 10, 120)
        .integer("order", 1, 4)
        .integer("start", 0, 1)
        .real("etaFraction", 0.05, 0.95);
  }

  private static Check regret(DoubleFunction<StepRule> rule) {
    return Families.on(new Families.OnInstance() {
      @Override
      public <X> Observation apply(Instance<X> inst, Params p, SplittableRandom rng) {
        LinearAutoregressiveModel<X> model = inst.model();
        List<Labeled<X>> support = inst.contexts();
        double r = 0;
        for (Labeled<X> c : support) {
          r = Math.max(r, model.featureMap().featureNormBound(c.x(), model.length()));
        }
        double eta = p.real("etaFraction") / (2 * r * r);
        double[] w1 = p.integer("start") == 0 ? new double[model.dimension()] : inst.wBase();
        List<Labeled<X>> seen = new ArrayList<>();
        AdaptiveSgd.ExampleSource<X> source = order(p.integer("order"), inst, rng);
        AdaptiveSgd.Run run = AdaptiveSgd.run(model, w1, p.integer("n"), (w, t) -> {
          Labeled<X> next = source.next(w, t);
          seen.add(next);
          return next;
        }, rule.apply(eta), rng);
        double lhs = run.clippedLossSum();
        double[] wStar = inst.wStar();
        double wStarSq = 0;
        for (double v : wStar) {
          wStarSq += v * v;
        }
        Observation worst = Observation.atMost(0, 1, "none");
        for (double c : COMPARATOR_STEPS) {
          double[] u = w1.clone();
          for (int j = 0; j < u.length; j++) {
            u[j] += c * wStar[j];
          }
          double comparatorLoss = 0;
          for (Labeled<X> ex : seen) {
            comparatorLoss -= model.logLikelihood(u, ex.x(), ex.target());
          }
          double bound =
              BaseModelBarrier.sgdPathwiseRegretBound(c * c * wStarSq, eta, comparatorLoss, r);
          worst = worst.worse(Observation.atMost(lhs, bound * (1 + 1e-12),
              "c = " + c + ": sum min(1, l_t) = " + lhs + ", bound " + bound + " (eta " + eta
                  + ", R " + r + ")"));
        }
        return worst;
      }
    });
  }

  /**
   * The ordering of the stream: 1, i.i.d. from D; 2, cyclic over the support; 3, one context
   * repeated; 4, the adaptive adversary that feeds the context of largest loss at the current
   * weights.
   */
  private static <X> AdaptiveSgd.ExampleSource<X> order(
      int order, Instance<X> inst, SplittableRandom rng) {
    List<Labeled<X>> support = inst.contexts();
    LinearAutoregressiveModel<X> model = inst.model();
    switch (order) {
      case 1:
        return (w, t) -> inst.distribution().sample(rng);
      case 2:
        return (w, t) -> support.get(t % support.size());
      case 3:
        return (w, t) -> support.get(0);
      default:
        return (w, t) -> {
          Labeled<X> worst = support.get(0);
          double worstLoss = Double.NEGATIVE_INFINITY;
          for (Labeled<X> c : support) {
            double loss = -model.logLikelihood(w, c.x(), c.target());
            if (loss > worstLoss) {
              worstLoss = loss;
              worst = c;
            }
          }
          return worst;
        };
    }
  }
}
