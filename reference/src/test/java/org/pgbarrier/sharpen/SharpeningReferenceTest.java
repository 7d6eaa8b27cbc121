package org.pgbarrier.sharpen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.learn.ConstantStep;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;

/** The sharpening primitives on the hand-checked values of docs/theory.md §9.12. */
class SharpeningReferenceTest {
  /** Instance I1: k = 2, H = 3, i.i.d. tokens with P(0) = 0.6, lexicographic responses. */
  private static final double[] I1 = productLaw();

  @Test
  void bestOfNLawMatchesTheWorkedExample() {
    double[] law = BestOfN.law(new double[] {0.3, 0.25, 0.2, 0.15, 0.1}, 4);
    double[] expected = {0.7599, 0.19909375, 0.0371, 0.00380625, 0.0001};
    for (int i = 0; i < expected.length; i++) {
      assertThat(law[i]).isCloseTo(expected[i], within(1e-15));
    }
  }

  @Test
  void tiesGoToTheLowestIndex() {
    assertThat(BestOfN.select(new double[] {0.25, 0.5, 0.25}, new int[] {2, 0})).isEqualTo(0);
    // Two draws from (1/2, 1/2): index 0 unless both draws are 1.
    assertThat(BestOfN.law(new double[] {0.5, 0.5}, 2)).containsExactly(0.75, 0.25);
  }

  @Test
  void rlhfOptimumMatchesTheWorkedValuesOnInstanceI1() {
    assertThat(RlhfSharpening.optimum(I1, 1.0)[0]).isCloseTo(0.331816, within(5e-7));
    assertThat(RlhfSharpening.optimum(I1, 0.5)[0]).isCloseTo(0.459079, within(5e-7));
    assertThat(RlhfSharpening.optimum(I1, 0.1)[0]).isCloseTo(0.966104, within(5e-7));
  }

  @Test
  void greedyDecodingFailsOnTheCounterexampleOfProposition31() {
    TabularAutoregressivePolicy policy = new TabularAutoregressivePolicy(2,
        new double[][][] {{{0.45, 0.55}}, {{1, 0}, {0.5, 0.5}}});
    assertThat(policy.sequenceLaw()).containsExactly(0.45, 0.0, 0.275, 0.275);
    assertThat(policy.greedy()).isEqualTo(2);
  }

  @Test
  void adaptiveStoppingOnAPointMassStopsAtCeilMu() {
    AdaptiveStopping.Run run =
        AdaptiveStopping.run(new double[] {1.0, 0.0}, 2.5, new SplittableRandom(1));
    assertThat(run).isEqualTo(new AdaptiveStopping.Run(3, 0));
  }

  @Test
  void lawsThatDoNotSumToOneAreRefusedByName() {
    assertThatThrownBy(() -> BestOfN.law(new double[] {0.5, 0.4}, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base sums to 0.9");
    assertThatThrownBy(() -> RlhfSharpening.optimum(I1, 0.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
  }

  @Test
  void lawWithAGivenRankingEqualsTheLawAndRefusesAWrongRanking() {
    double[] base = {0.2, 0.5, 0.2, 0.1};
    assertThat(BestOfN.law(base, new int[] {1, 0, 2, 3}, 3)).containsExactly(BestOfN.law(base, 3));
    assertThatThrownBy(() -> BestOfN.law(base, new int[] {1, 2, 0, 3}, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank[2] = 0");
    assertThatThrownBy(() -> BestOfN.law(base, new int[] {1, 0, 0, 3}, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats");
  }

  @Test
  void dpoRegressionOnPopulationPairsOfI1GivesTheWorkedOptimum() {
    double[] pi = DpoSharpening.fit(I1, DpoSharpening.populationPairs(I1), 1.0);
    assertThat(pi[0]).isCloseTo(0.331816, within(5e-7));
    assertThat(DpoSharpening.loss(pi, I1, DpoSharpening.populationPairs(I1), 1.0))
        .isCloseTo(0, within(1e-25));
  }

  @Test
  void dpoRegressionTiltsOnlyWithinTheObservedComponentAndLeavesTheRestAtTheBase() {
    // Only the pair (0, 1) is observed: pi(0)/pi(1) = (5/3)^2 at beta = 1; response 2 keeps
    // theta = log 0.2, and the minimum-norm solution splits u = +-(log 5/3)/2 over {0, 1}.
    double[] base = {0.5, 0.3, 0.2};
    double[][] pairs = {{0, 3, 0}, {0, 0, 0}, {0, 0, 0}};
    double[] pi = DpoSharpening.fit(base, pairs, 1.0);
    double z = 0.5 * Math.sqrt(5.0 / 3) + 0.3 * Math.sqrt(3.0 / 5) + 0.2;
    assertThat(pi[0]).isCloseTo(0.5 * Math.sqrt(5.0 / 3) / z, within(1e-14));
    assertThat(pi[1]).isCloseTo(0.3 * Math.sqrt(3.0 / 5) / z, within(1e-14));
    assertThat(pi[2]).isCloseTo(0.2 / z, within(1e-14));
    assertThatThrownBy(() -> DpoSharpening.fit(new double[] {1, 0}, new double[][] {{0, 1}, {0, 0}},
        1.0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pairs[0][1] = 1.0: must be 0 where pi_base is 0");
  }

  @Test
  void bestOfNLabelsOfALinearBaseModelAreItsArgmaxAndSgdOnThemSharpensIt() {
    // One context, k = 2, two tokens of base likelihood 0.8: y* has mass 0.64, so 50 draws miss
    // it with probability 0.36^50 < 1e-22.
    Instance<TabularContext> instance = TabularInstances.generate(
        new TabularInstances.Spec(2, 2, 1, 0.5, 0.8, 0.8), 3);
    LinearAutoregressiveModel<TabularContext> model = instance.model();
    Labeled<TabularContext> context = instance.contexts().get(0);
    SplittableRandom rng = new SplittableRandom(5);
    List<Labeled<TabularContext>> labels = SftSharpening.bestOfNStream(model, instance.wBase(),
        Collections.nCopies(20, context.x()), 50, rng);
    assertThat(labels).allSatisfy(l -> assertThat(l.target()).isEqualTo(context.target()));
    double[] w = SftSharpening.fitLinear(model, instance.wBase(), labels, new ConstantStep(0.5),
        3, rng);
    assertThat(model.logLikelihood(instance.wBase(), context.x(), context.target()))
        .isCloseTo(Math.log(0.64), within(1e-12));
    assertThat(model.logLikelihood(w, context.x(), context.target())).isGreaterThan(Math.log(0.9));
  }

  @Test
  void productClassFitEqualsBruteForceMaximumLikelihood() {
    SplittableRandom rng = new SplittableRandom(7);
    double[][] base = {{0.5, 0.3, 0.2}, {0.1, 0.6, 0.3}, {0.4, 0.4, 0.2}};
    double[][][] choices = new double[3][][];
    for (int x = 0; x < 3; x++) {
      choices[x] = new double[][] {base[x], BestOfN.law(base[x], 3), BestOfN.law(base[x], 9)};
    }
    int[] contexts = rng.ints(60, 0, 3).toArray();
    int[] labels = SftSharpening.labels(base, contexts, 3, rng);
    int[] fitted = SftSharpening.fitProduct(choices, contexts, labels);
    double best = Double.NEGATIVE_INFINITY;
    int[] bruteForce = null;
    for (int code = 0; code < 27; code++) {
      int[] pick = {code % 3, code / 3 % 3, code / 9};
      double[][] policy = {choices[0][pick[0]], choices[1][pick[1]], choices[2][pick[2]]};
      double logLik = SftSharpening.logLikelihood(policy, contexts, labels);
      if (logLik > best) {
        best = logLik;
        bruteForce = pick;
      }
    }
    assertThat(fitted).containsExactly(bruteForce);
  }

  private static double[] productLaw() {
    double[] p = new double[8];
    for (int y = 0; y < 8; y++) {
      int ones = Integer.bitCount(y);
      p[y] = Math.pow(0.6, 3 - ones) * Math.pow(0.4, ones);
    }
    return p;
  }
}
