package org.pgbarrier.learn.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.batch.BatchFixture.CapturingRule;
import org.pgbarrier.learn.batch.BatchFixture.RecordingBehaviour;
import org.pgbarrier.learn.batch.BatchFixture.RecordingDistribution;
import org.pgbarrier.learn.behaviour.OnPolicyBehaviour;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;

/**
 * The direction each batch learner hands its step rule is minus the gradient of the loss its
 * Javadoc states, checked against central finite differences of that loss written out here from
 * the recorded batch (contexts, responses) with rewards and advantages computed independently of
 * the learner. Instance: G3 bigram, d = 3, k = 2, N = 3 (D = 10), generic weights, B = 12.
 *
 * <p>Tolerance 1e-8 absolute: central differences with h = 1e-5 err by about h^2 |L'''| / 6 ~
 * 1e-10 plus rounding eps |L| / h ~ 1e-11 on losses of order 1; a wrong scale, sign or advantage
 * moves the direction by order 1e-2 or more.
 */
class SurrogateGradientTest {
  private static final double H = 1e-5;
  private static final double TOLERANCE = 1e-8;
  private static final int B = 12;

  private final Instance<double[]> instance = BatchFixture.smallBigram();
  private final LinearAutoregressiveModel<double[]> model = instance.model();
  private final double[] w = BatchFixture.genericWeights(instance, 5L);
  private final int n = model.length();

  @Test
  void supervisedDirectionIsMinusTheGradientOfTheTokenAveragedCrossEntropy() {
    RecordingDistribution<double[]> d = new RecordingDistribution<>(instance.distribution());
    CapturingRule rule = new CapturingRule();
    SupervisedCrossEntropy<double[]> e1 =
        new SupervisedCrossEntropy<>(model, d, rule, new SupervisedSettings(1, B));
    SupervisedStep report = e1.advance(w.clone(), new SplittableRandom(1));
    List<Labeled<double[]>> contexts = d.drawn;
    ToDoubleFunction<double[]> loss = v -> {
      double sum = 0;
      for (Labeled<double[]> c : contexts) {
        sum -= model.logLikelihood(v, c.x(), c.target());
      }
      return sum / (B * n);
    };
    assertThat(contexts).hasSize(B);
    assertThat(report.loss()).isCloseTo(loss.applyAsDouble(w), within(1e-12));
    assertMinusGradient(rule.directions.get(0), loss);
  }

  @Test
  void outcomeDirectionIsMinusTheGradientOfTheReinforceSurrogateWithAndWithoutBaseline() {
    for (boolean baseline : new boolean[] {false, true}) {
      RecordingDistribution<double[]> d = new RecordingDistribution<>(instance.distribution());
      RecordingBehaviour<double[]> behaviour =
          new RecordingBehaviour<>(new OnPolicyBehaviour<>(model));
      CapturingRule rule = new CapturingRule();
      OutcomeReinforce<double[]> e2 = new OutcomeReinforce<>(model, d, behaviour,
          new OutcomeReward(QueryCounter.unlimited()), rule,
          new PolicyGradientSettings(1, B, baseline));
      PolicyGradientStep report = e2.advance(w.clone(), new SplittableRandom(2));

      double[] r = new double[B];
      double mean = 0;
      for (int b = 0; b < B; b++) {
        r[b] = Arrays.equals(behaviour.generated.get(b), d.drawn.get(b).target()) ? 1 : -1;
        mean += r[b] / B;
      }
      assertThat(Arrays.stream(r).distinct().count()).as("both rewards occur").isEqualTo(2);
      double[] adv = new double[B];
      for (int b = 0; b < B; b++) {
        adv[b] = baseline ? r[b] - mean : r[b];
      }
      ToDoubleFunction<double[]> loss = v -> {
        double sum = 0;
        for (int b = 0; b < B; b++) {
          sum -= adv[b] * model.logLikelihood(v, d.drawn.get(b).x(), behaviour.generated.get(b));
        }
        return sum / (B * n);
      };
      assertThat(report.loss()).as("baseline %s", baseline)
          .isCloseTo(loss.applyAsDouble(w), within(1e-12));
      assertThat(report.meanReward()).isEqualTo(mean, within(1e-15));
      assertThat(report.queries()).isEqualTo(B);
      assertMinusGradient(rule.directions.get(0), loss);
    }
  }

  @Test
  void processDirectionIsMinusTheGradientOfThePerTokenSurrogateWithAndWithoutBaseline() {
    for (boolean baseline : new boolean[] {false, true}) {
      RecordingDistribution<double[]> d = new RecordingDistribution<>(instance.distribution());
      RecordingBehaviour<double[]> behaviour =
          new RecordingBehaviour<>(new OnPolicyBehaviour<>(model));
      CapturingRule rule = new CapturingRule();
      ProcessReinforce<double[]> e3 = new ProcessReinforce<>(model, d, behaviour,
          new ProcessReward(QueryCounter.unlimited()), rule,
          new PolicyGradientSettings(1, B, baseline));
      PolicyGradientStep report = e3.advance(w.clone(), new SplittableRandom(3));

      double[][] r = new double[B][n];
      double[] mean = new double[n];
      for (int b = 0; b < B; b++) {
        int[] y = behaviour.generated.get(b);
        int[] target = d.drawn.get(b).target();
        boolean correct = true;
        for (int i = 0; i < n; i++) {
          correct &= y[i] == target[i];
          r[b][i] = correct ? 1 : -1;
          mean[i] += r[b][i] / B;
        }
      }
      double[][] adv = new double[B][n];
      for (int b = 0; b < B; b++) {
        for (int i = 0; i < n; i++) {
          adv[b][i] = baseline ? r[b][i] - mean[i] : r[b][i];
        }
      }
      ToDoubleFunction<double[]> loss = v -> {
        double sum = 0;
        double[] logp = new double[n];
        for (int b = 0; b < B; b++) {
          model.tokenLogProbabilities(v, d.drawn.get(b).x(), behaviour.generated.get(b), logp);
          for (int i = 0; i < n; i++) {
            sum -= adv[b][i] * logp[i];
          }
        }
        return sum / (B * n);
      };
      assertThat(Arrays.stream(mean).anyMatch(m -> Math.abs(m) < 1))
          .as("some position has both rewards").isTrue();
      assertThat(report.loss()).as("baseline %s", baseline)
          .isCloseTo(loss.applyAsDouble(w), within(1e-12));
      assertThat(report.queries()).isEqualTo((long) B * n);
      assertMinusGradient(rule.directions.get(0), loss);
    }
  }

  private void assertMinusGradient(double[] direction, ToDoubleFunction<double[]> loss) {
    for (int j = 0; j < w.length; j++) {
      double[] plus = w.clone();
      double[] minus = w.clone();
      plus[j] += H;
      minus[j] -= H;
      double derivative = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * H);
      assertThat(direction[j]).as("direction[%d]", j).isCloseTo(-derivative, within(TOLERANCE));
    }
    assertThat(Arrays.stream(direction).map(Math::abs).max().orElseThrow())
        .as("a non-trivial direction").isGreaterThan(1e-3);
  }
}
