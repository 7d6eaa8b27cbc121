package org.pgbarrier.learn.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.learn.behaviour.TokenSampler;

/**
 * Test doubles for the batch learners: a distribution and a behaviour that record what they hand
 * out, and a step rule that records the direction it is given and leaves {@code w} unchanged.
 */
final class BatchFixture {
  private BatchFixture() {}

  /** A small G3 bigram instance: d = 3, k = 2, N = 3, Rademacher inputs (D = 10). */
  static Instance<double[]> smallBigram() {
    return BigramInstances.generate(
        new BigramInstances.Spec(3, 2, 3, BigramInstances.Inputs.RADEMACHER, 1, 0.0, 8), 11L);
  }

  /** {@code w = 0.5 w* + 0.3 N(0, I)}: generic weights under which both rewards occur. */
  static double[] genericWeights(Instance<double[]> instance, long seed) {
    double[] w = instance.wStar();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int j = 0; j < w.length; j++) {
      w[j] = 0.5 * w[j] + 0.3 * rng.nextGaussian();
    }
    return w;
  }

  /** Records every labelled context drawn, in order. */
  static final class RecordingDistribution<X> implements ContextDistribution<X> {
    final List<Labeled<X>> drawn = new ArrayList<>();
    private final ContextDistribution<X> inner;

    RecordingDistribution(ContextDistribution<X> inner) {
      this.inner = inner;
    }

    @Override
    public Labeled<X> sample(RandomGenerator rng) {
      Labeled<X> context = inner.sample(rng);
      drawn.add(context);
      return context;
    }
  }

  /** Records a copy of every response generated, in order. */
  static final class RecordingBehaviour<X> implements BehaviourPolicy<X> {
    final List<int[]> generated = new ArrayList<>();
    private final BehaviourPolicy<X> inner;

    RecordingBehaviour(BehaviourPolicy<X> inner) {
      this.inner = inner;
    }

    @Override
    public TokenSampler start(double[] w, Labeled<X> context) {
      return inner.start(w, context);
    }

    @Override
    public void generate(double[] w, Labeled<X> context, RandomGenerator rng, int[] out) {
      inner.generate(w, context, rng, out);
      generated.add(out.clone());
    }

    @Override
    public int vocabularySize() {
      return inner.vocabularySize();
    }

    @Override
    public String describe() {
      return "recording " + inner.describe();
    }
  }

  /** Emits token {@code (y*_1 + 1) mod k} first, then y*: every response is wrong everywhere. */
  static final class WrongFirstToken<X> implements BehaviourPolicy<X> {
    private final int k;

    WrongFirstToken(int k) {
      this.k = k;
    }

    @Override
    public TokenSampler start(double[] w, Labeled<X> context) {
      int[] target = context.target();
      return (y, i, rng) -> i == 0 ? (target[0] + 1) % k : target[i];
    }

    @Override
    public int vocabularySize() {
      return k;
    }

    @Override
    public String describe() {
      return "wrong first token";
    }
  }

  /** Records the directions and losses it is given; never moves {@code w}. */
  static final class CapturingRule implements StepRule {
    final List<double[]> directions = new ArrayList<>();
    final List<Double> losses = new ArrayList<>();

    @Override
    public void apply(double[] w, double[] direction, double loss) {
      directions.add(direction.clone());
      losses.add(loss);
    }

    /** This rule, so that the learner's fresh copy is the one the test reads. */
    @Override
    public StepRule fresh() {
      return this;
    }

    @Override
    public String describe() {
      return "capturing";
    }
  }
}
