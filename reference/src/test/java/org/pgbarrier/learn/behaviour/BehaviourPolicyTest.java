package org.pgbarrier.learn.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;

/**
 * The behaviour policies: draw-for-draw identities, laws (chi-square goodness of fit, Commons
 * Math {@link ChiSquareTest}, each at false-alarm level {@value #LEVEL} on a fixed seed), and
 * query counts. Instance: G3 bigram, d = 3, k = 3, N = 2, so a response has 9 values.
 */
class BehaviourPolicyTest {
  /** Per goodness-of-fit test; a fixed seed makes each outcome deterministic. */
  private static final double LEVEL = 1e-3;

  private final Instance<double[]> instance = BigramInstances.generate(
      new BigramInstances.Spec(3, 3, 2, BigramInstances.Inputs.RADEMACHER, 1, 0.0, 4), 3L);
  private final LinearAutoregressiveModel<double[]> model = instance.model();
  private final Labeled<double[]> context = instance.contexts().get(0);
  /** Far from uniform: {@code 3 w*}. */
  private final double[] skewed = scaled(instance.wStar(), 3.0);

  private static double[] scaled(double[] v, double c) {
    double[] out = v.clone();
    for (int j = 0; j < out.length; j++) {
      out[j] *= c;
    }
    return out;
  }

  private int[] generate(BehaviourPolicy<double[]> behaviour, double[] w, SplittableRandom rng) {
    int[] y = new int[model.length()];
    behaviour.generate(w, context, rng, y);
    return y;
  }

  @Test
  void onPolicyReproducesTheModelsSamplerDrawForDraw() {
    SplittableRandom a = new SplittableRandom(1);
    SplittableRandom b = new SplittableRandom(1);
    OnPolicyBehaviour<double[]> onPolicy = new OnPolicyBehaviour<>(model);
    for (int t = 0; t < 200; t++) {
      assertThat(generate(onPolicy, skewed, a))
          .containsExactly(model.sample(skewed, context.x(), b));
    }
    assertThat(a.nextLong()).isEqualTo(b.nextLong());
  }

  @Test
  void frozenSamplesItsOwnWeightsWhateverTheLearnersWeights() {
    SplittableRandom a = new SplittableRandom(2);
    SplittableRandom b = new SplittableRandom(2);
    FrozenBehaviour<double[]> frozen = new FrozenBehaviour<>(model, skewed);
    double[] learner = new double[model.dimension()];
    for (int t = 0; t < 200; t++) {
      assertThat(generate(frozen, learner, a))
          .containsExactly(model.sample(skewed, context.x(), b));
    }
  }

  @Test
  void teacherForcingEmitsTheTargetAndDrawsNothing() {
    SplittableRandom a = new SplittableRandom(3);
    assertThat(generate(new TeacherForcingBehaviour<>(3), skewed, a))
        .containsExactly(context.target());
    assertThat(a.nextLong()).isEqualTo(new SplittableRandom(3).nextLong());
  }

  @Test
  void epsilonMixtureAtZeroIsTheWrappedBehaviourBitForBit() {
    OnPolicyBehaviour<double[]> onPolicy = new OnPolicyBehaviour<>(model);
    EpsilonMixtureBehaviour<double[]> mixture = new EpsilonMixtureBehaviour<>(onPolicy, 0.0);
    SplittableRandom a = new SplittableRandom(4);
    SplittableRandom b = new SplittableRandom(4);
    for (int t = 0; t < 500; t++) {
      assertThat(generate(mixture, skewed, a)).containsExactly(generate(onPolicy, skewed, b));
    }
    assertThat(a.nextLong()).isEqualTo(b.nextLong());
  }

  /**
   * 9000 responses over the 9 cells of {@code [3]^2}; the uniform mixture must pass the
   * goodness-of-fit test against 1/9 each, and the wrapped (skewed) policy must fail it, so the
   * test has power on this sample size.
   */
  @Test
  void epsilonMixtureAtOneIsUniformOverResponses() {
    OnPolicyBehaviour<double[]> onPolicy = new OnPolicyBehaviour<>(model);
    double[] uniform = new double[9];
    Arrays.fill(uniform, 1.0 / 9);
    long[] mixed = responseCounts(new EpsilonMixtureBehaviour<>(onPolicy, 1.0), 9000, 5);
    long[] wrapped = responseCounts(onPolicy, 9000, 5);
    ChiSquareTest test = new ChiSquareTest();
    assertThat(test.chiSquareTest(uniform, mixed)).as("p-value, eps = 1").isGreaterThan(LEVEL);
    assertThat(test.chiSquareTest(uniform, wrapped)).as("p-value, wrapped").isLessThan(LEVEL);
  }

  /**
   * At position 1, {@code P(y_1 = v) = eps/k + (1 - eps) p_w(v | x)} with eps = 0.3: 6000 draws,
   * goodness of fit against that law, and the wrapped law alone must be rejected.
   */
  @Test
  void epsilonMixtureFirstTokenFollowsTheMixtureLaw() {
    double eps = 0.3;
    OnPolicyBehaviour<double[]> onPolicy = new OnPolicyBehaviour<>(model);
    EpsilonMixtureBehaviour<double[]> mixture = new EpsilonMixtureBehaviour<>(onPolicy, eps);
    double[] p = model.tokenDistribution(skewed, context.x(), new int[model.length()], 0);
    double[] law = new double[3];
    for (int v = 0; v < 3; v++) {
      law[v] = eps / 3 + (1 - eps) * p[v];
    }
    long[] counts = new long[3];
    SplittableRandom rng = new SplittableRandom(6);
    for (int t = 0; t < 6000; t++) {
      counts[generate(mixture, skewed, rng)[0]]++;
    }
    ChiSquareTest test = new ChiSquareTest();
    assertThat(test.chiSquareTest(law, counts)).as("p-value, mixture law").isGreaterThan(LEVEL);
    assertThat(test.chiSquareTest(p, counts)).as("p-value, wrapped law").isLessThan(LEVEL);
  }

  private long[] responseCounts(BehaviourPolicy<double[]> behaviour, int n, long seed) {
    long[] counts = new long[9];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int t = 0; t < n; t++) {
      int[] y = generate(behaviour, skewed, rng);
      counts[3 * y[0] + y[1]]++;
    }
    return counts;
  }

  @Test
  void bestOfMChargesExactlyMQueriesPerToken() {
    for (int m : new int[] {1, 2, 7}) {
      QueryCounter counter = QueryCounter.unlimited();
      BestOfMBehaviour<double[]> bom =
          new BestOfMBehaviour<>(new OnPolicyBehaviour<>(model), m, new ProcessReward(counter));
      SplittableRandom rng = new SplittableRandom(7);
      for (int t = 1; t <= 10; t++) {
        generate(bom, skewed, rng);
        assertThat(counter.count()).as("m = %d, after %d responses", m, t)
            .isEqualTo((long) t * m * model.length());
      }
    }
  }

  @Test
  void bestOfOneIsTheWrappedBehaviourDrawForDraw() {
    OnPolicyBehaviour<double[]> onPolicy = new OnPolicyBehaviour<>(model);
    BestOfMBehaviour<double[]> bom =
        new BestOfMBehaviour<>(onPolicy, 1, new ProcessReward(QueryCounter.unlimited()));
    SplittableRandom a = new SplittableRandom(8);
    SplittableRandom b = new SplittableRandom(8);
    for (int t = 0; t < 200; t++) {
      assertThat(generate(bom, skewed, a)).containsExactly(generate(onPolicy, skewed, b));
    }
  }

  /**
   * Scripted candidates, m = 3, target (1, 1). First response: position 0 sees (0, 1, 2) and keeps
   * the correct 1, which is neither first nor last; position 1 sees (2, 0, 0), none correct, and
   * keeps the last, 0 (not the first, 2). Second response: position 0 sees (2, 0, 2) and keeps the
   * last, 2; position 1 sees (1, 0, 2), where 1 no longer extends a correct prefix, and keeps 2.
   */
  @Test
  void bestOfMKeepsACorrectCandidateElseTheLast() {
    Labeled<String> target = new Labeled<>("x", new int[] {1, 1});
    ProcessReward prm = new ProcessReward(QueryCounter.unlimited());
    int[] y = new int[2];
    new BestOfMBehaviour<>(new Scripted(0, 1, 2, 2, 0, 0), 3, prm)
        .generate(null, target, null, y);
    assertThat(y).containsExactly(1, 0);
    new BestOfMBehaviour<>(new Scripted(2, 0, 2, 1, 0, 2), 3, prm)
        .generate(null, target, null, y);
    assertThat(y).containsExactly(2, 2);
  }

  /** Emits a fixed sequence of tokens, ignoring everything else (k = 3). */
  private static final class Scripted implements BehaviourPolicy<String> {
    private final int[] tokens;

    Scripted(int... tokens) {
      this.tokens = tokens;
    }

    @Override
    public TokenSampler start(double[] w, Labeled<String> context) {
      int[] next = {0};
      return (y, i, rng) -> tokens[next[0]++];
    }

    @Override
    public int vocabularySize() {
      return 3;
    }

    @Override
    public String describe() {
      return "scripted";
    }
  }

  @Test
  void badSettingsAreRejectedNamingParameterValueAndRule() {
    OnPolicyBehaviour<double[]> onPolicy = new OnPolicyBehaviour<>(model);
    ProcessReward prm = new ProcessReward(QueryCounter.unlimited());
    assertThatThrownBy(() -> new EpsilonMixtureBehaviour<>(onPolicy, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epsilon = 1.5: must be in [0.0, 1.0]");
    assertThatThrownBy(() -> new EpsilonMixtureBehaviour<>(onPolicy, Double.NaN))
        .hasMessage("epsilon = NaN: must be in [0.0, 1.0]");
    assertThatThrownBy(() -> new BestOfMBehaviour<>(onPolicy, 0, prm))
        .hasMessage("m = 0: must be at least 1");
    assertThatThrownBy(() -> new UniformBehaviour<double[]>(1))
        .hasMessage("k = 1: must be at least 2");
    assertThatThrownBy(() -> new TeacherForcingBehaviour<double[]>(0))
        .hasMessage("k = 0: must be at least 2");
    assertThatThrownBy(() -> new FrozenBehaviour<>(model, new double[2]))
        .hasMessage("weights has length 2: must have length " + model.dimension());
    double[] nan = new double[model.dimension()];
    nan[4] = Double.NaN;
    assertThatThrownBy(() -> new FrozenBehaviour<>(model, nan))
        .hasMessage("weights[4] = NaN: must be finite");
    assertThatThrownBy(() -> onPolicy.start(new double[1], context))
        .hasMessage("w has length 1: must have length " + model.dimension());
  }
}
