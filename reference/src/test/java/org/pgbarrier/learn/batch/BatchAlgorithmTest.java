package org.pgbarrier.learn.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.learn.Adagrad;
import org.pgbarrier.learn.batch.BatchFixture.CapturingRule;
import org.pgbarrier.learn.batch.BatchFixture.WrongFirstToken;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.learn.behaviour.BestOfMBehaviour;
import org.pgbarrier.learn.behaviour.EpsilonMixtureBehaviour;
import org.pgbarrier.learn.behaviour.OnPolicyBehaviour;
import org.pgbarrier.learn.behaviour.TeacherForcingBehaviour;
import org.pgbarrier.learn.behaviour.UniformBehaviour;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;

/** The batch algorithms' contracts other than the gradient formula (see SurrogateGradientTest). */
class BatchAlgorithmTest {
  private static final int B = 8;
  private final Instance<double[]> instance = BatchFixture.smallBigram();
  private final LinearAutoregressiveModel<double[]> model = instance.model();
  private final double[] w = BatchFixture.genericWeights(instance, 7L);

  private OutcomeReinforce<double[]> outcome(
      BehaviourPolicy<double[]> behaviour, boolean baseline, CapturingRule rule) {
    return new OutcomeReinforce<>(model, instance.distribution(), behaviour,
        new OutcomeReward(QueryCounter.unlimited()), rule,
        new PolicyGradientSettings(1, B, baseline));
  }

  private ProcessReinforce<double[]> process(
      BehaviourPolicy<double[]> behaviour, boolean baseline, CapturingRule rule) {
    return new ProcessReinforce<>(model, instance.distribution(), behaviour,
        new ProcessReward(QueryCounter.unlimited()), rule,
        new PolicyGradientSettings(1, B, baseline));
  }

  @Test
  void withTheBaselineABatchOfEqualRewardsGivesAZeroDirection() {
    List<BehaviourPolicy<double[]>> allEqual =
        List.of(new TeacherForcingBehaviour<>(2), new WrongFirstToken<>(2));
    for (BehaviourPolicy<double[]> behaviour : allEqual) {
      for (boolean baseline : new boolean[] {true, false}) {
        CapturingRule e2 = new CapturingRule();
        CapturingRule e3 = new CapturingRule();
        outcome(behaviour, baseline, e2).advance(w.clone(), new SplittableRandom(1));
        process(behaviour, baseline, e3).advance(w.clone(), new SplittableRandom(1));
        for (double[] direction : List.of(e2.directions.get(0), e3.directions.get(0))) {
          if (baseline) {
            assertThat(direction).as(behaviour.describe()).containsOnly(0.0);
          } else {
            assertThat(Arrays.stream(direction).anyMatch(v -> v != 0.0))
                .as("without baseline, " + behaviour.describe()).isTrue();
          }
        }
      }
    }
  }

  /**
   * Sign convention: the authors' outcome reward is +1 on success, so every teacher-forced
   * response has advantage +1 and the E2 surrogate {@code -(1/BN) sum_b log p_w(y*_b|x_b)} is the
   * E1 loss itself: the same direction, bit for bit, from the same contexts (teacher forcing
   * draws nothing, so both learners draw the same B contexts from the same seed).
   */
  @Test
  void teacherForcedOutcomeReinforceWithoutBaselineTakesTheSupervisedStep() {
    CapturingRule supervised = new CapturingRule();
    CapturingRule reinforce = new CapturingRule();
    SupervisedStep e1 = new SupervisedCrossEntropy<>(model, instance.distribution(), supervised,
        new SupervisedSettings(1, B)).advance(w.clone(), new SplittableRandom(9));
    PolicyGradientStep e2 = outcome(new TeacherForcingBehaviour<>(2), false, reinforce)
        .advance(w.clone(), new SplittableRandom(9));
    assertThat(reinforce.directions.get(0)).containsExactly(supervised.directions.get(0));
    assertThat(e2.loss()).isEqualTo(e1.loss());
    assertThat(e2.meanReward()).isEqualTo(1.0);
    assertThat(e2.accuracy()).isEqualTo(1.0);
  }

  @Test
  void bestOfMChargesItsMQueriesPerTokenToASharedCounterOnTopOfTheRewards() {
    int m = 3;
    int n = model.length();
    QueryCounter counter = QueryCounter.unlimited();
    BehaviourPolicy<double[]> bom =
        new BestOfMBehaviour<>(new OnPolicyBehaviour<>(model), m, new ProcessReward(counter));
    PolicyGradientStep e2 = new OutcomeReinforce<>(model, instance.distribution(), bom,
        new OutcomeReward(counter), new Adagrad(0.1), new PolicyGradientSettings(1, B, true))
        .advance(w.clone(), new SplittableRandom(4));
    assertThat(e2.queries()).isEqualTo((long) B * n * m + B);
    PolicyGradientStep e3 = new ProcessReinforce<>(model, instance.distribution(), bom,
        new ProcessReward(counter), new Adagrad(0.1), new PolicyGradientSettings(1, B, false))
        .advance(w.clone(), new SplittableRandom(4));
    assertThat(e3.queries()).isEqualTo((long) B * n * m + (long) B * n);
    assertThat(counter.count()).isEqualTo(e2.queries() + e3.queries());
  }

  @Test
  void theSameSeedGivesTheSameWeightsAndReportsBitForBit() {
    for (long seed : new long[] {21, 22}) {
      assertThat(runAll(seed)).isEqualTo(runAll(seed));
    }
    assertThat(runAll(21)).isNotEqualTo(runAll(22));
  }

  /** Three Adagrad steps of each learner from seed {@code seed}: weights then reports. */
  private List<Object> runAll(long seed) {
    List<Object> out = new ArrayList<>();
    SupervisedCrossEntropy<double[]> e1 = new SupervisedCrossEntropy<>(
        model, instance.distribution(), new Adagrad(0.1), new SupervisedSettings(3, B));
    out.add(e1.run(new double[model.dimension()], Seeds.stream(seed, 0), out::add));
    BehaviourPolicy<double[]> mixed = new EpsilonMixtureBehaviour<>(
        new OnPolicyBehaviour<>(model), 0.3);
    OutcomeReinforce<double[]> e2 = new OutcomeReinforce<>(model, instance.distribution(), mixed,
        new OutcomeReward(QueryCounter.unlimited()), new Adagrad(0.1),
        new PolicyGradientSettings(3, B, true));
    out.add(e2.run(w, Seeds.stream(seed, 1), out::add));
    ProcessReinforce<double[]> e3 = new ProcessReinforce<>(model, instance.distribution(), mixed,
        new ProcessReward(QueryCounter.unlimited()), new Adagrad(0.1),
        new PolicyGradientSettings(3, B, false));
    out.add(e3.run(w, Seeds.stream(seed, 2), out::add));
    return out.stream()
        .map(o -> o instanceof double[] a ? Arrays.toString(a) : o)
        .toList();
  }

  @Test
  void aRunTakesTheConfiguredStepsAndLeavesItsStartingWeightsAlone() {
    double[] start = w.clone();
    List<PolicyGradientStep> seen = new ArrayList<>();
    OutcomeReinforce<double[]> e2 = new OutcomeReinforce<>(model, instance.distribution(),
        new OnPolicyBehaviour<>(model), new OutcomeReward(QueryCounter.unlimited()),
        new Adagrad(0.1), new PolicyGradientSettings(5, B, true));
    double[] end = e2.run(start, new SplittableRandom(3), seen::add);
    assertThat(start).containsExactly(w);
    assertThat(end).isNotEqualTo(w);
    assertThat(seen).extracting(PolicyGradientStep::step).containsExactly(1, 2, 3, 4, 5);
    assertThat(e2.stepsTaken()).isEqualTo(5);
  }

  @Test
  void aNonFiniteLossIsAnArithmeticExceptionNamingTheStepAndLeavesTheWeights() {
    SupervisedCrossEntropy<double[]> e1 = new SupervisedCrossEntropy<>(
        model, instance.distribution(), new Adagrad(0.1), new SupervisedSettings(1, B));
    double[] v = w.clone();
    SplittableRandom rng = new SplittableRandom(8);
    e1.advance(v, rng);
    v[0] = Double.NaN;
    double[] before = v.clone();
    assertThatThrownBy(() -> e1.advance(v, rng))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("E1 supervised cross-entropy, step 2")
        .hasMessageContaining("not finite");
    assertThat(Arrays.toString(v)).isEqualTo(Arrays.toString(before));
    assertThat(e1.stepsTaken()).isEqualTo(1);

    double[] huge = new double[model.dimension()];
    Arrays.fill(huge, Double.MAX_VALUE);
    ProcessReinforce<double[]> e3 = process(new UniformBehaviour<>(2), true, new CapturingRule());
    assertThatThrownBy(() -> e3.advance(huge, rng))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("E3 process REINFORCE, step 1");
  }

  @Test
  void badSettingsAreRejectedNamingParameterValueAndRule() {
    assertThatThrownBy(() -> new SupervisedSettings(0, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps = 0: must be at least 1");
    assertThatThrownBy(() -> new SupervisedSettings(3, -1))
        .hasMessage("batchSize = -1: must be at least 1");
    assertThatThrownBy(() -> new PolicyGradientSettings(0, 4, true))
        .hasMessage("steps = 0: must be at least 1");
    assertThatThrownBy(() -> new PolicyGradientSettings(3, 0, false))
        .hasMessage("batchSize = 0: must be at least 1");
    assertThatThrownBy(() -> outcome(new UniformBehaviour<>(5), true, new CapturingRule()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("behaviour vocabulary size = 5: must equal the model's k = 2");
    assertThatThrownBy(() -> process(new UniformBehaviour<>(3), true, new CapturingRule()))
        .hasMessage("behaviour vocabulary size = 3: must equal the model's k = 2");
    OutcomeReinforce<double[]> e2 =
        outcome(new OnPolicyBehaviour<>(model), true, new CapturingRule());
    assertThatThrownBy(() -> e2.advance(new double[3], new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("w has length 3: must have length " + model.dimension());
  }
}
