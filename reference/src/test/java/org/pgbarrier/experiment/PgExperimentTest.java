package org.pgbarrier.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgbarrier.experiment.PgExperimentSettings.Reward;

class PgExperimentTest {
  @Test
  void testErrorIsMeasuredAtStepZeroEveryTestEveryStepsAndTheLast() {
    PgResult r = PgExperiment.run(SmallSettings.pg(Reward.OUTCOME), ProgressListener.NONE);
    assertThat(r.supervisedError().steps()).containsExactly(0, 3, 6, 7);
    assertThat(r.pgError().steps()).containsExactly(0, 4, 8, 9);
    assertThat(r.tracked().steps()).containsExactly(0, 2, 4, 6, 8, 9);
    assertThat(r.offSupportLikelihood().steps()).containsExactly(0, 2, 4, 6, 8, 9);
  }

  @Test
  void preTrainingStartsFromTheUniformPolicyWhoseErrorIsOneMinusKToTheMinusN() {
    PgResult r = PgExperiment.run(SmallSettings.pg(Reward.PROCESS), ProgressListener.NONE);
    assertThat(r.supervisedError().values()[0]).isCloseTo(1 - Math.pow(3, -4), within(1e-12));
    assertThat(r.supervisedError().last()).isLessThan(r.supervisedError().values()[0]);
  }

  @Test
  void pgStartsFromThePreTrainedModel() {
    PgResult r = PgExperiment.run(SmallSettings.pg(Reward.OUTCOME), ProgressListener.NONE);
    assertThat(r.pgError().values()[0]).isEqualTo(r.supervisedError().last());
    double[] base = r.poolBaseLogLikelihoods();
    int[] tracked = r.tracked().poolIndices();
    for (int j = 0; j < tracked.length; j++) {
      assertThat(r.tracked().logLikelihood(0, j)).isEqualTo(base[tracked[j]]);
    }
  }

  @Test
  void offSupportAverageStartsAtTheMeanBaseLikelihoodBelowTheThreshold() {
    PgResult r = PgExperiment.run(SmallSettings.pg(Reward.PROCESS), ProgressListener.NONE);
    double sum = 0;
    int count = 0;
    for (double b : r.poolBaseLogLikelihoods()) {
      if (b < Math.log(0.5)) {
        sum += Math.exp(b);
        count++;
      }
    }
    assertThat(count).isPositive();
    assertThat(r.offSupportCount()).isEqualTo(count);
    assertThat(r.offSupportLikelihood().values()[0]).isCloseTo(sum / count, within(1e-15));
  }

  @Test
  void outcomeChargesOneQueryPerResponseAndProcessOnePerToken() {
    assertThat(PgExperiment.run(SmallSettings.pg(Reward.OUTCOME), ProgressListener.NONE).queries())
        .isEqualTo(9L * 16);
    assertThat(PgExperiment.run(SmallSettings.pg(Reward.PROCESS), ProgressListener.NONE).queries())
        .isEqualTo(9L * 16 * 4);
  }

  @Test
  void theListenerSeesEveryStepOfEveryPhaseInOrder() {
    List<String> seen = new ArrayList<>();
    PgExperiment.run(SmallSettings.pg(Reward.OUTCOME),
        (phase, step, steps, error) -> seen.add(phase + step + "/" + steps));
    assertThat(seen).containsExactly("supervised0/7", "supervised1/7", "supervised2/7",
        "supervised3/7", "supervised4/7", "supervised5/7", "supervised6/7", "supervised7/7",
        "pg0/9", "pg1/9", "pg2/9", "pg3/9", "pg4/9", "pg5/9", "pg6/9", "pg7/9", "pg8/9",
        "pg9/9");
  }

  @Test
  void thePoolIsTheTestSetASampleOrTheMixtureCentres() {
    assertThat(PgExperiment.run(SmallSettings.pg(Reward.OUTCOME, TrackingSettings.Type.UNIFORM,
        DataSettings.TrackSource.TEST), ProgressListener.NONE).poolBaseLogLikelihoods())
        .hasSize(40);
    assertThat(PgExperiment.run(SmallSettings.pg(Reward.OUTCOME, TrackingSettings.Type.UNIFORM,
        DataSettings.TrackSource.SAMPLE), ProgressListener.NONE).poolBaseLogLikelihoods())
        .hasSize(30);
    assertThat(PgExperiment.run(SmallSettings.pg(Reward.OUTCOME, TrackingSettings.Type.UNIFORM,
        DataSettings.TrackSource.MIXTURE_CENTERS), ProgressListener.NONE)
        .poolBaseLogLikelihoods()).hasSize(6);
  }

  @Test
  void mixtureCentresNeedMixtureInputs() {
    assertThatThrownBy(() -> ExperimentData.of(new DataSettings(1L, 4, 3, 4, 10, 10,
        DataSettings.TrackSource.MIXTURE_CENTERS, new DataSettings.InputGenerator.Rademacher())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("track_source = mixture_centers");
  }

  @Test
  void mixtureCentresAreScaledBasisVectorsLabelledByTheTeacher() {
    ExperimentData data = ExperimentData.of(SmallSettings.data(
        DataSettings.TrackSource.MIXTURE_CENTERS));
    var centres = data.pool();
    assertThat(centres).hasSize(6);
    assertThat(centres.get(5).x()).containsExactly(0.0, 2.0, 0.0, 0.0);
  }

  @Test
  void uniformTrackingTakesTheSortedPoolAtIntegerQuantilePositions() {
    TrackingSettings uniform = new TrackingSettings(TrackingSettings.Type.UNIFORM, 3, 0.5, 10, 10);
    PgExperiment.Selection s =
        PgExperiment.select(uniform, new double[] {-3, -1, -2, -5, -4});
    assertThat(s.poolIndices()).containsExactly(3, 0, 1);
    assertThat(s.quantiles()).containsExactly(0.0, 0.5, 1.0);
    TrackingSettings one = new TrackingSettings(TrackingSettings.Type.UNIFORM, 1, 0.5, 10, 10);
    assertThat(PgExperiment.select(one, new double[] {-3, -1}).poolIndices()).containsExactly(0);
  }

  @Test
  void thresholdTrackingKeepsPoolOrderUnlessItMustDropTheHighest() {
    double[] logs = {Math.log(0.1), Math.log(0.9), Math.log(0.01), Math.log(0.2)};
    TrackingSettings wide = new TrackingSettings(TrackingSettings.Type.THRESHOLD, 1, 0.5, 10, 10);
    assertThat(PgExperiment.select(wide, logs).poolIndices()).containsExactly(0, 2, 3);
    assertThat(PgExperiment.select(wide, logs).quantiles()).isEmpty();
    TrackingSettings capped = new TrackingSettings(TrackingSettings.Type.THRESHOLD, 1, 0.5, 2, 10);
    assertThat(PgExperiment.select(capped, logs).poolIndices()).containsExactly(2, 0);
    TrackingSettings none = new TrackingSettings(TrackingSettings.Type.THRESHOLD, 1, 1e-3, 2, 10);
    assertThatThrownBy(() -> PgExperiment.select(none, logs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial_likelihood_threshold = 0.001");
  }

  @Test
  void everyBehaviourAndOptimiserRuns() {
    BehaviourSettings onPolicy = new BehaviourSettings.OnPolicy();
    List<BehaviourSettings> behaviours = List.of(new BehaviourSettings.Frozen(),
        new BehaviourSettings.Uniform(), new BehaviourSettings.EpsilonMixture(0.3, onPolicy),
        new BehaviourSettings.BestOfM(2, onPolicy), new BehaviourSettings.TeacherForcing());
    PgExperimentSettings s = SmallSettings.pg(Reward.OUTCOME);
    OptimizerSettings sgd = new OptimizerSettings(OptimizerSettings.Kind.SGD, 0.5);
    for (BehaviourSettings b : behaviours) {
      PgResult r = PgExperiment.run(new PgExperimentSettings(s.data(), s.seed(), s.reward(),
          new PhaseSettings(3, 8, sgd, 3, 1), new PhaseSettings(2, 8, sgd, 1, 1), false, b,
          s.tracking()), ProgressListener.NONE);
      assertThat(r.pgError().steps()).containsExactly(0, 1, 2);
    }
  }
}
