package org.pgbarrier.properties;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.LossNormalisedStep;
import org.pgbarrier.learn.OutcomePolicyGradient;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.QueryCounter;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.Params;

/** BMB-08 [CONJECTURE]: success-only outcome PG with eta <= 1/4 never lowers p(y*|x). */
class MonotoneLikelihoodProperties {
  private static final int TRIES = 200;
  private static final int QUERIES = 400;

  @Test
  void successOnlyPolicyGradientNeverLowersTheLikelihoodOfTheTarget() {
    ExactProperty.of("BMB-08", "monotone-likelihood")
        .over(Families.space().real("eta", 0.01, 0.25))
        .tries(TRIES)
        .rule("log p_{w_{t+1}}(y*|x) >= log p_{w_t}(y*|x) - 1e-12 (1 + |log p|) after every"
            + " update, over " + QUERIES + " queries per context from random weights")
        .check(monotone(false))
        .mutant("a step up the sampled response also on failures (rewarding wrong answers)",
            monotone(true))
        .verify();
  }

  private static Check monotone(boolean rewardFailures) {
    return Families.on(new Families.OnInstance() {
      @Override
      public <X> Observation apply(Instance<X> inst, Params p, SplittableRandom rng) {
        LinearAutoregressiveModel<X> model = inst.model();
        double eta = p.real("eta");
        StepRule rule = new LossNormalisedStep(eta);
        OutcomePolicyGradient<X> pg = new OutcomePolicyGradient<>(model, rule,
            OutcomePolicyGradient.Weighting.PLAIN, OutcomePolicyGradient.Behaviour.ON_POLICY,
            inst.wBase(), new OutcomeReward(QueryCounter.unlimited()));
        Observation worst = Observation.atMost(0, 1, "no decrease after any update");
        for (Labeled<X> c : inst.contexts()) {
          double[] w = Families.randomWeights(model.dimension(), p.real("scale"), rng);
          double before = model.logLikelihood(w, c.x(), c.target());
          for (int q = 0; q < QUERIES; q++) {
            boolean success = pg.step(w, c, rng);
            if (!success && rewardFailures) {
              int[] y = model.sample(w, c.x(), rng);
              rule.apply(w, model.gradient(w, c.x(), y), -model.logLikelihood(w, c.x(), y));
            }
            double after = model.logLikelihood(w, c.x(), c.target());
            double drop = (before - after) / (1e-12 * (1 + Math.abs(before)));
            worst = worst.worse(Observation.atMost(drop, 1,
                "query " + (q + 1) + ": log p(y*|x) " + before + " -> " + after));
            before = after;
          }
        }
        return worst;
      }
    });
  }
}
