package org.pgbarrier.learn.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.learn.batch.BatchFixture.CapturingRule;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.learn.behaviour.EpsilonMixtureBehaviour;
import org.pgbarrier.learn.behaviour.FrozenBehaviour;
import org.pgbarrier.learn.behaviour.OnPolicyBehaviour;
import org.pgbarrier.model.BigramFeatureMap;
import org.pgbarrier.model.FeatureMap;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.LogitScorer;
import org.pgbarrier.parallel.Workers;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;

/**
 * The learners pick the fast bigram path by themselves, and it takes the step the general path
 * takes: the same model behind a feature map that merely forwards to {@link BigramFeatureMap}
 * (so {@code SequenceScorer.of} falls back to the general model) gives the same sampled
 * responses and rewards (the same query count and accuracy) and directions equal to {@code
 * 1e-12} of their largest entry (see {@code BigramSequenceScorerTest} for why not entry by
 * entry), at 1 and 2 threads, for E1, E2 and E3 with and without the baseline, on-policy and an
 * epsilon-mixture of the frozen base. Batches of 301 span five lanes, the last sequence without a
 * partner to be sampled alongside; with {@code k = 3, N = 4} some responses are correct, so no
 * direction is trivially zero.
 */
class FastPathLearnerTest {
  private static final int B = 301;
  private final Instance<double[]> instance = BigramInstances.generate(new BigramInstances.Spec(
      4, 3, 4, BigramInstances.Inputs.MIXTURE, 6, 0.05, 10), 3L);
  private final LinearAutoregressiveModel<double[]> fast = instance.model();
  private final LinearAutoregressiveModel<double[]> general =
      new LinearAutoregressiveModel<>(forwarding((BigramFeatureMap) fast.featureMap()),
          fast.length());
  private final double[] w = genericWeights();

  /** A learner on {@code model}, on {@code workers}, stepping by {@code rule}. */
  @FunctionalInterface
  private interface LearnerFactory {
    BatchAlgorithm<?> build(LinearAutoregressiveModel<double[]> model, Workers workers,
        StepRule rule);
  }

  @Test
  void supervisedStepsAgree() {
    compare((model, workers, rule) -> new SupervisedCrossEntropy<>(model, instance.distribution(),
        rule, new SupervisedSettings(1, B), workers));
  }

  @Test
  void outcomeAndProcessStepsAgreeForEveryBaselineAndBehaviour() {
    ContextDistribution<double[]> distribution = instance.distribution();
    for (boolean baseline : new boolean[] {true, false}) {
      PolicyGradientSettings settings = new PolicyGradientSettings(1, B, baseline);
      for (int behaviour = 0; behaviour < 2; behaviour++) {
        int which = behaviour;
        compare((model, workers, rule) -> new OutcomeReinforce<>(model, distribution,
            behaviour(model, which), new OutcomeReward(QueryCounter.unlimited()), rule, settings,
            workers));
        compare((model, workers, rule) -> new ProcessReinforce<>(model, distribution,
            behaviour(model, which), new ProcessReward(QueryCounter.unlimited()), rule, settings,
            workers));
      }
    }
  }

  private BehaviourPolicy<double[]> behaviour(LinearAutoregressiveModel<double[]> model, int which) {
    return which == 0 ? new OnPolicyBehaviour<>(model)
        : new EpsilonMixtureBehaviour<>(new FrozenBehaviour<>(model, w), 0.25);
  }

  /**
   * One step of the learner built on each model; CapturingRule records the direction and leaves
   * the weights alone.
   */
  private void compare(LearnerFactory learner) {
    CapturingRule referenceRule = new CapturingRule();
    BatchAlgorithm<?> reference = learner.build(general, Workers.SERIAL, referenceRule);
    Object generalReport = reference.advance(w.clone(), new SplittableRandom(5));
    double[] expected = referenceRule.directions.get(0);
    for (int threads : new int[] {1, 2}) {
      CapturingRule rule = new CapturingRule();
      Object fastReport;
      try (Workers workers = Workers.of(threads)) {
        BatchAlgorithm<?> candidate = learner.build(fast, workers, rule);
        fastReport = candidate.advance(w.clone(), new SplittableRandom(5));
      }
      double[] actual = rule.directions.get(0);
      double scale = 0;
      for (double e : expected) {
        scale = Math.max(scale, Math.abs(e));
      }
      assertThat(scale).as(reference.describe() + ": a non-trivial direction").isPositive();
      for (int j = 0; j < expected.length; j++) {
        assertThat(Math.abs(actual[j] - expected[j])).as(reference.describe() + " entry " + j)
            .isLessThanOrEqualTo(1e-12 * scale);
      }
      if (fastReport instanceof PolicyGradientStep f) {
        PolicyGradientStep g = (PolicyGradientStep) generalReport;
        assertThat(List.of(f.meanReward(), f.accuracy(), (double) f.queries()))
            .isEqualTo(List.of(g.meanReward(), g.accuracy(), (double) g.queries()));
      }
    }
  }

  private double[] genericWeights() {
    SplittableRandom rng = Seeds.stream(11L, 0);
    double[] weights = new double[fast.dimension()];
    for (int j = 0; j < weights.length; j++) {
      weights[j] = rng.nextGaussian();
    }
    return weights;
  }

  /** The bigram map behind a type the fast path does not recognise. */
  private static FeatureMap<double[]> forwarding(BigramFeatureMap phi) {
    return new FeatureMap<>() {
      @Override
      public int vocabularySize() {
        return phi.vocabularySize();
      }

      @Override
      public int dimension() {
        return phi.dimension();
      }

      @Override
      public void features(double[] x, int[] y, int i, int v, double[] out) {
        phi.features(x, y, i, v, out);
      }

      @Override
      public double featureNormBound(double[] x, int length) {
        return phi.featureNormBound(x, length);
      }

      @Override
      public LogitScorer scorer(double[] w, double[] x) {
        return phi.scorer(w, x);
      }

      @Override
      public void addFeatureSums(double[] x, int[] y, int n, double[] coef, double[] acc) {
        phi.addFeatureSums(x, y, n, coef, acc);
      }

      @Override
      public void validate(double[] x, int length) {
        phi.validate(x, length);
      }
    };
  }
}
