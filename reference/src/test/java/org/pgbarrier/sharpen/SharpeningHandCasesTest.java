package org.pgbarrier.sharpen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The hard instance of arXiv 2412.01951 App. H, the coverage coefficient and the RLHF objective
 * on cases small enough to compute by hand from their definitions.
 */
class SharpeningHandCasesTest {
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  /** Hands out the given uniforms from {@code nextDouble}, then fails. */
  private static RandomGenerator uniforms(double... u) {
    return new RandomGenerator() {
      private int next;

      @Override
      public long nextLong() {
        throw new AssertionError("only nextDouble is expected");
      }

      @Override
      public double nextDouble() {
        return u[next++];
      }
    };
  }

  @Test
  void theHardLawPutsTwoOverMOnTheHiddenResponseAndSplitsTheRestEvenly() {
    HardInstance h = new HardInstance(2, 4, 0.5, new int[] {3, 1});
    assertThat(h.law(0)).containsExactly(1, 0, 0, 0, 0);
    // M = 4: hidden 2/4 = 0.5, others (4-2)/(4*3) = 1/6.
    assertThat(h.law(1)).containsExactly(new double[] {0, 1 / 6.0, 1 / 6.0, 0.5, 1 / 6.0},
        within(1e-15));
    assertThat(h.law(2)).containsExactly(new double[] {0, 0.5, 1 / 6.0, 1 / 6.0, 1 / 6.0},
        within(1e-15));
    assertThatThrownBy(() -> h.law(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HardInstance(2, 4, 0.5, new int[] {3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hidden");
  }

  @Test
  void promptsFollowMuOneUniformEach() {
    // Delta = 1/4, d = 2: u < 3/4 -> x_0; [3/4, 7/8) -> x_1; [7/8, 1) -> x_2.
    HardInstance h = new HardInstance(2, 4, 0.25, new int[] {1, 1});
    double[] u = {0, 0.74, 0.75, 0.87, 0.875, Math.nextDown(1.0)};
    int[] expected = {0, 0, 1, 1, 2, 2};
    RandomGenerator rng = uniforms(u);
    for (int t = 0; t < u.length; t++) {
      assertThat(h.drawPrompt(rng)).as("u = %s", u[t]).isEqualTo(expected[t]);
    }
  }

  @Test
  void theSampleAndEvaluateLearnerFindsWhatItDrawsAndGuessesAmongTheUnseenOtherwise() {
    int m = 5;
    HardInstance h = new HardInstance(3, m, 0.9, new int[] {2, 4, 1});
    // Ample budget: every hidden response is drawn and recognised.
    assertThat(h.identify(20_000, new SplittableRandom(1))).containsExactly(2, 4, 1);
    // No budget: every estimate is a uniform guess in [M], identical to a replay of the guesses.
    SplittableRandom replay = new SplittableRandom(9);
    int[] guesses = new int[3];
    for (int i = 0; i < 3; i++) {
      guesses[i] = 1 + replay.nextInt(m);
    }
    assertThat(h.identify(0, new SplittableRandom(9))).containsExactly(guesses);
    SplittableRandom draws = new SplittableRandom(2);
    int[] hidden = new int[4];
    for (int i = 0; i < 4; i++) {
      hidden[i] = 1 + draws.nextInt(m);
    }
    assertThat(HardInstance.generate(4, m, 0.5, new SplittableRandom(2)).hidden())
        .containsExactly(hidden);
  }

  @Test
  void theCoverageCoefficientIsTheMeanInverseArgmaxMass() {
    double[][] base = {{0.5, 0.25, 0.25}, {0.4, 0.4, 0.2}, {0.1, 0.1, 0.8}};
    double[] mu = {0.5, 0.25, 0.25};
    // argmax masses 0.5, 0.8 (two maximisers), 0.8: C = 0.5/0.5 + 0.25/0.8 + 0.25/0.8 = 1.625
    assertThat(CoverageCoefficient.argmaxMass(base[1])).isCloseTo(0.8, within(1e-15));
    assertThat(CoverageCoefficient.of(base, mu)).isCloseTo(1.625, within(1e-15));
    // a prompt of zero mass does not count, however small its argmax mass
    double[][] withNull = {{0.5, 0.5}, {1, 0}};
    assertThat(CoverageCoefficient.of(withNull, new double[] {0, 1})).isEqualTo(1.0);
    // below budget B: argmax mass < 1/B. B = 2: the 0.5 prompt sits at the threshold, not
    // below it; B = 1.9: it is below (0.5 < 0.526); B = 1.2: every prompt is (0.8 < 0.833).
    assertThat(CoverageCoefficient.massBelowBudget(base, mu, 2)).isZero();
    assertThat(CoverageCoefficient.massBelowBudget(base, mu, 1.9)).isEqualTo(0.5);
    assertThat(CoverageCoefficient.massBelowBudget(base, mu, 1.2)).isEqualTo(1.0);
    assertThatThrownBy(() -> CoverageCoefficient.of(base, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRlhfObjectiveAndItsOptimumMatchTheDefinitions() {
    double[] base = {0.5, 0.25, 0.25, 0};
    double beta = 1;
    // J(pi) = sum pi (log base - beta (log pi - log base)); for pi = base: sum base log base
    double entropyTerm = 0.5 * Math.log(0.5) + 0.5 * Math.log(0.25);
    assertThat(RlhfSharpening.objective(base, base, beta)).isCloseTo(entropyTerm, within(1e-15));
    double[] point = {0, 1, 0, 0};
    // pi = delta_1: log 0.25 - 2 (0 - log 0.25) = 3 log 0.25
    assertThat(RlhfSharpening.objective(point, base, 2)).isCloseTo(3 * Math.log(0.25),
        within(1e-14));
    assertThat(RlhfSharpening.objective(new double[] {0, 0, 0, 1}, base, 1)).isEqualTo(NEG_INF);
    // beta = 1: pi* ∝ base^2 = (1/4, 1/16, 1/16, 0) / (3/8); value = log(3/8)
    assertThat(RlhfSharpening.optimum(base, 1)).containsExactly(
        new double[] {2 / 3.0, 1 / 6.0, 1 / 6.0, 0}, within(1e-15));
    assertThat(RlhfSharpening.optimalValue(base, 1)).isCloseTo(Math.log(3 / 8.0), within(1e-15));
    // beta = 1/2: exponent 3, sum base^3 = 1/8 + 2/64 = 5/32; value = (1/2) log(5/32)
    assertThat(RlhfSharpening.optimalValue(base, 0.5))
        .isCloseTo(0.5 * Math.log(5 / 32.0), within(1e-15));
    assertThat(RlhfSharpening.objective(RlhfSharpening.optimum(base, 0.5), base, 0.5))
        .isCloseTo(0.5 * Math.log(5 / 32.0), within(1e-14));
    assertThatThrownBy(() -> RlhfSharpening.optimum(new double[] {0.5, 0.6}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sums to");
    assertThatThrownBy(() -> RlhfSharpening.objective(new double[] {0.5, 0.6}, base, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RlhfSharpening.optimalValue(base, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
  }
}
