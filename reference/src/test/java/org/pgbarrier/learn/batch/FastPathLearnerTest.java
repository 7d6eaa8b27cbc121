package org.pgbarrier.learn.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Instance;
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

  @Test
  void supervisedStepsAgree() {
    compare(model -> new SupervisedCrossEntropy<>(model, instance.distribution(),
        new CapturingRule(), new SupervisedSettings(1, B)), null);
  }

  @Test
  void outcomeAndProcessStepsAgreeForEveryBaselineAndBehaviour() {
    ContextDistribution<double[]> distribution = instance.distribution();
    for (boolean baseline : new boolean[] {true, false}) {
      PolicyGradientSettings settings = new PolicyGradientSettings(1, B, baseline);
      for (int behaviour = 0; behaviour < 2; behaviour++) {
        int which = behaviour;
        compare(model -> new OutcomeReinforce<>(model, distribution, behaviour(model, which),
            new OutcomeReward(QueryCounter.unlimited()), new CapturingRule(), settings), null);
        compare(model -> new ProcessReinforce<>(model, distribution, behaviour(model, which),
            new ProcessReward(QueryCounter.unlimited()), new CapturingRule(), settings), null);
      }
    }
  }

  private BehaviourPolicy<double[]> behaviour(LinearAutoregressiveModel<double[]> model, int which) {
    return which == 0 ? new OnPolicyBehaviour<>(model)
        : new EpsilonMixtureBehaviour<>(new FrozenBehaviour<>(model, w), 0.25);
  }

  /** One step of the learner built on each model; CapturingRule leaves the weights alone. */
  private void compare(
      Function<LinearAutoregressiveModel<double[]>, BatchAlgorithm<?>> learner, Void unused) {
    BatchAlgorithm<?> reference = learner.apply(general);
    Object generalReport = reference.advance(w.clone(), new SplittableRandom(5));
    double[] expected = direction(reference);
    for (int threads : new int[] {1, 2}) {
      BatchAlgorithm<?> candidate = withWorkers(learner.apply(fast), threads);
      Object fastReport = candidate.advance(w.clone(), new SplittableRandom(5));
      double[] actual = direction(candidate);
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

  private static BatchAlgorithm<?> withWorkers(BatchAlgorithm<?> learner, int threads) {
    return threads == 1 ? learner : rebuildOnWorkers(learner, threads);
  }

  /** The learner's batch on {@code threads} workers (a test-only rewiring of its lanes). */
  private static BatchAlgorithm<?> rebuildOnWorkers(BatchAlgorithm<?> learner, int threads) {
    try {
      java.lang.reflect.Field field = learner.getClass().getDeclaredField("batch");
      field.setAccessible(true);
      Batch<?> batch = (Batch<?>) field.get(learner);
      java.lang.reflect.Field workers = Batch.class.getDeclaredField("workers");
      workers.setAccessible(true);
      workers.set(batch, Workers.of(threads));
      return learner;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static double[] direction(BatchAlgorithm<?> learner) {
    try {
      java.lang.reflect.Field field = learner.getClass().getDeclaredField("batch");
      field.setAccessible(true);
      return ((Batch<?>) field.get(learner)).direction.clone();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
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
