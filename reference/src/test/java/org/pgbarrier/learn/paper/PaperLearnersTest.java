package org.pgbarrier.learn.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.learn.ConstantStep;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.LossNormalisedStep;

class PaperLearnersTest {

  static List<PaperLearner> learners() {
    return List.of(
        OutcomeRewardPg.plain(PaperBehaviour.ON_POLICY),
        OutcomeRewardPg.plain(PaperBehaviour.SEQUENCE_MIXTURE),
        OutcomeRewardPg.plain(PaperBehaviour.TOKEN_MIXTURE, new ConstantStep(0.2)),
        OutcomeRewardPg.clipped(PaperBehaviour.SEQUENCE_MIXTURE, GradientNormStep.INSTANCE, 4),
        OutcomeRewardPg.onlineUniform(),
        BestOfMExploration.of(5),
        BestOfMExploration.of(2, new ConstantStep(0.1)),
        ProcessRewardWalk.of(2),
        LabelledSgd.adaptive(),
        LabelledSgd.of(new ConstantStep(0.05)));
  }

  @Test
  void everyLearnerMakesTheSameDrawsAndWeightsOnTheFastAndTheGeneralPath() {
    for (ClusterFamily f : Fixtures.families()) {
      for (PaperLearner learner : learners()) {
        for (double[] w1 : new double[][] {f.baseWeights(), new double[f.dimension()]}) {
          PaperRun fast = learner.run(Fixtures.fast(f, w1), 300, 99, 50);
          PaperRun general = learner.run(Fixtures.general(f, w1), 300, 99, 50);
          String what = learner.describe() + " on " + f.describe();
          assertThat(fast.queries()).as(what).isEqualTo(general.queries());
          assertThat(fast.explorationQueries()).as(what).isEqualTo(general.explorationQueries());
          assertThat(fast.updates()).as(what).isEqualTo(general.updates());
          LearnerStateAgreementTest.assertClose(fast.weights(), general.weights(), what);
          assertThat(fast.lastError()).isCloseTo(general.lastError(), within(1e-12));
          assertThat(fast.randomIterateError())
              .isCloseTo(general.randomIterateError(), within(1e-12));
          assertThat(fast.expectedMistakes()).isCloseTo(general.expectedMistakes(), within(1e-9));
          LearnerStateAgreementTest.assertClose(fast.contextRandomIterateErrors(),
              general.contextRandomIterateErrors(), what + " context errors");
          LearnerStateAgreementTest.assertClose(fast.trace().randomIterateError(),
              general.trace().randomIterateError(), what + " trace");
        }
      }
    }
  }

  @Test
  void queryAccountingIdentitiesHold() {
    ClusterFamily f = Fixtures.staircase();
    for (PaperLearner learner : learners()) {
      PaperRun run = learner.run(ClusterLearnerState.atZero(f), 2_000, 5);
      assertThat(run.iterations()).isEqualTo(2_000);
      if (learner instanceof LabelledSgd) {
        assertThat(run.queries()).isZero();
        assertThat(run.labels()).isEqualTo(2_000);
        assertThat(run.updates()).isEqualTo(2_000);
        continue;
      }
      assertThat(run.labels()).isZero();
      // Q = T + sum_t J_t (Algorithm 1), Q = T + PRM walk draws (Algorithm 2), Q = T (PG loop)
      assertThat(run.queries()).as(learner.describe())
          .isEqualTo(run.iterations() + run.explorationQueries());
      if (learner instanceof OutcomeRewardPg) {
        assertThat(run.explorationQueries()).isZero();
      } else if (learner instanceof BestOfMExploration b) {
        assertThat(run.explorationQueries()).isLessThanOrEqualTo(run.iterations() * b.budget());
        assertThat(run.explorationQueries()).isPositive();
      } else if (learner instanceof ProcessRewardWalk p) {
        assertThat(run.explorationQueries())
            .isLessThanOrEqualTo(run.iterations() * f.length() * p.budget());
      }
    }
  }

  @Test
  void theRandomIterateErrorIsTheMeanOfTheErrorsOfW1ToWT() {
    ClusterFamily f = Fixtures.staircase();
    PaperRun run = BestOfMExploration.of(3).run(ClusterLearnerState.atBase(f), 200, 4, 1);
    double[] after = run.trace().lastError();
    // err(w_1) + err(w_2..w_T) = initial + lastError[0..T-2]
    double sum = run.initialError();
    for (int t = 0; t < 199; t++) {
      sum += after[t];
    }
    assertThat(run.randomIterateError()).isCloseTo(sum / 200, within(1e-14));
    assertThat(run.lastError()).isEqualTo(after[199]);
    double weighted = 0;
    double[] context = run.contextRandomIterateErrors();
    for (int c = 0; c < context.length; c++) {
      weighted += f.mass(c) * context[c];
    }
    assertThat(weighted).isCloseTo(run.randomIterateError(), within(1e-12));
  }

  @Test
  void aZeroRewardLeavesTheWeightsBitIdentical() {
    ClusterFamily f = Fixtures.staircase();
    ClusterLearnerState s = ClusterLearnerState.atBase(f);
    double[] before = s.weights();
    assertThat(OutcomeRewardPg.step(s, 0, false, GradientNormStep.INSTANCE, 1.0)).isZero();
    assertThat(s.weights()).isEqualTo(before);
    // behaviour q0 on a family whose base is confidently wrong everywhere: no success, no move
    ClusterFamily dead = ClusterFamily.f1Shared(3, 3, new double[] {0.5, 0.5},
        new TokenBase[] {TokenBase.confidentlyWrong(-40), TokenBase.confidentlyWrong(-40)}, 3);
    ClusterLearnerState d = ClusterLearnerState.atBase(dead);
    PaperRun run = OutcomeRewardPg.plain(PaperBehaviour.BASE).run(d, 5_000, 1);
    assertThat(run.updates()).isZero();
    assertThat(Arrays.equals(run.weights(), dead.baseWeights())).isTrue();
    assertThat(run.lastError()).isEqualTo(run.initialError());
  }

  @Test
  void aClusterBlockIsFrozenUntilASuccessOnThatCluster() {
    ClusterFamily f = Fixtures.staircase();
    ClusterLearnerState s = ClusterLearnerState.atZero(f);
    int k = f.vocabularySize();
    for (PaperLearner learner : List.of(BestOfMExploration.of(2), ProcessRewardWalk.of(1),
        OutcomeRewardPg.plain(PaperBehaviour.SEQUENCE_MIXTURE))) {
      for (long seed = 0; seed < 300; seed++) {
        double[] before = s.weights();
        PaperRun run = learner.run(s, 1, seed);
        double[] after = run.weights();
        int changedCluster = -1;
        for (int j = 0; j < after.length; j++) {
          if (Double.doubleToRawLongBits(after[j]) != Double.doubleToRawLongBits(before[j])) {
            int c = j / k;
            assertThat(changedCluster == -1 || changedCluster == c)
                .as("seed %d: one iteration changed two clusters", seed).isTrue();
            changedCluster = c;
          }
        }
        assertThat(run.updates() == 1).as("seed %d", seed).isEqualTo(changedCluster >= 0);
      }
    }
  }

  @Test
  void theClippedRatioIsClipOfTheLikelihoodRatioInLogSpace() {
    ClusterFamily f = Fixtures.staircase();
    ClusterLearnerState s = ClusterLearnerState.atZero(f);
    // p_w = uniform = 3^-3; q = BASE with s = 0.8 on cluster 0: ratio = (1/27) / 0.512
    double ratio = (1.0 / 27) / (0.8 * 0.8 * 0.8);
    assertThat(OutcomeRewardPg.clippedRatio(s, 0, PaperBehaviour.BASE, 100))
        .isCloseTo(ratio, within(1e-14));
    assertThat(OutcomeRewardPg.clippedRatio(s, 0, PaperBehaviour.BASE, 2)).isCloseTo(0.5,
        within(1e-15));
    assertThat(OutcomeRewardPg.clippedRatio(s, 0, PaperBehaviour.UNIFORM, 2))
        .isCloseTo(1.0, within(1e-15));
  }

  @Test
  void behaviourLikelihoodsOfTheCorrectResponseAreTheMixtureFormulas() {
    ClusterFamily f = Fixtures.staircase();
    ClusterLearnerState s = ClusterLearnerState.atZero(f);
    // cluster 2 is in the group s = 0.3, k = 3, N = 3 (hand-computed)
    double q0 = 0.3 * 0.3 * 0.3;
    assertThat(PaperBehaviour.BASE.targetLogLikelihood(s, 2)).isCloseTo(Math.log(q0), within(1e-14));
    assertThat(PaperBehaviour.UNIFORM.targetLogLikelihood(s, 2))
        .isCloseTo(Math.log(1.0 / 27), within(1e-14));
    assertThat(PaperBehaviour.SEQUENCE_MIXTURE.targetLogLikelihood(s, 2))
        .isCloseTo(Math.log(0.5 * q0 + 0.5 / 27), within(1e-14));
    assertThat(PaperBehaviour.TOKEN_MIXTURE.targetLogLikelihood(s, 2))
        .isCloseTo(3 * Math.log(0.5 * 0.3 + 0.5 / 3), within(1e-14));
    assertThat(PaperBehaviour.ON_POLICY.targetLogLikelihood(s, 2))
        .isCloseTo(Math.log(1.0 / 27), within(1e-14));
  }

  @Test
  void theBudgetIsTheCeilingOfTheInverseQuantileCappedAtKToTheN() {
    assertThat(BestOfMExploration.budget(0.25, 2, 10)).isEqualTo(4);
    assertThat(BestOfMExploration.budget(0.3, 2, 10)).isEqualTo(4);
    assertThat(BestOfMExploration.budget(1e-9, 2, 6)).isEqualTo(64);
    assertThat(BestOfMExploration.budget(0, 3, 4)).isEqualTo(81);
    assertThat(BestOfMExploration.budget(1, 3, 4)).isEqualTo(1);
    assertThat(BestOfMExploration.budgetFromLog(-1000, 8, 32)).isEqualTo(Long.MAX_VALUE);
    assertThat(BestOfMExploration.budgetFromLog(Math.log(1e-6), 8, 32)).isEqualTo(1_000_000);
  }

  @Test
  void badArgumentsAreRefusedNamingParameterValueAndRule() {
    assertThatThrownBy(() -> BestOfMExploration.of(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("m = 0: must be at least 1");
    assertThatThrownBy(() -> ProcessRewardWalk.of(-2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("m = -2: must be at least 1");
    assertThatThrownBy(() -> OutcomeRewardPg.clipped(PaperBehaviour.BASE,
        GradientNormStep.INSTANCE, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zeta = 0.5");
    assertThatThrownBy(() -> LabelledSgd.of(new LossNormalisedStep(0.25)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be GradientNormStep or ConstantStep");
    assertThatThrownBy(() -> ProcessRewardWalk.withExploration(1, GradientNormStep.INSTANCE,
        PaperBehaviour.SEQUENCE_MIXTURE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exploration = SEQUENCE_MIXTURE");
    assertThatThrownBy(() -> LabelledSgd.adaptive().run(
        ClusterLearnerState.atZero(Fixtures.f3()), 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("iterations = 0: must be at least 1");
    assertThatThrownBy(() -> BestOfMExploration.budget(1.5, 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lq = 1.5");
  }

  @Test
  void runsAreReproducibleFromTheirSeed() {
    ClusterFamily f = Fixtures.staircase();
    PaperRun a = ProcessRewardWalk.of(3).run(ClusterLearnerState.atBase(f), 500, 12);
    PaperRun b = ProcessRewardWalk.of(3).run(ClusterLearnerState.atBase(f), 500, 12);
    assertThat(a.weights()).isEqualTo(b.weights());
    assertThat(a.queries()).isEqualTo(b.queries());
    assertThat(a.seed()).isEqualTo(12);
    assertThat(Double.doubleToRawLongBits(a.randomIterateError()))
        .isEqualTo(Double.doubleToRawLongBits(b.randomIterateError()));
  }
}
