package org.pgbarrier.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** {@link FiniteDistribution}: the draw is the atom whose CDF interval holds the uniform. */
class FiniteDistributionTest {
  private static final List<Labeled<String>> ATOMS = List.of(
      new Labeled<>("a", new int[] {0}), new Labeled<>("b", new int[] {1}),
      new Labeled<>("c", new int[] {2}), new Labeled<>("d", new int[] {3}),
      new Labeled<>("e", new int[] {4}));

  /** Returns {@code u} from {@code nextDouble}; no other draw is expected. */
  private static RandomGenerator uniform(double u) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new AssertionError("only nextDouble is expected");
      }

      @Override
      public double nextDouble() {
        return u;
      }
    };
  }

  @Test
  void theDrawIsTheAtomWhoseHalfOpenCdfIntervalHoldsTheUniform() {
    // CDF 0.125, 0.375, 0.5 (atom c), 0.5 (atom d has mass 0), 1.0; all exact in binary.
    FiniteDistribution<String> d =
        new FiniteDistribution<>(ATOMS, new double[] {0.125, 0.25, 0.125, 0, 0.5});
    double[] u = {0, 0.124, 0.125, 0.3, 0.375, 0.49, 0.5, 0.75, Math.nextDown(1.0)};
    String[] expected = {"a", "a", "b", "b", "c", "c", "e", "e", "e"};
    for (int t = 0; t < u.length; t++) {
      assertThat(d.sample(uniform(u[t])).x()).as("u = %s", u[t]).isEqualTo(expected[t]);
    }
    assertThat(d.probability(3)).isZero();
    assertThat(d.support()).hasSize(5);
    FiniteDistribution<String> uniformLaw = FiniteDistribution.uniform(ATOMS);
    assertThat(uniformLaw.sample(uniform(0.2)).x()).isEqualTo("b");
    assertThat(uniformLaw.sample(uniform(0.19)).x()).isEqualTo("a");
  }

  @Test
  void badLawsAreRefused() {
    assertThatThrownBy(() -> new FiniteDistribution<>(ATOMS, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probabilities");
    assertThatThrownBy(() -> new FiniteDistribution<>(ATOMS, new double[] {0.5, 0.5, 0, 0, 1e-8}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1");
    new FiniteDistribution<>(ATOMS, new double[] {0.5, 0.5, 0, 0, 1e-10});
    assertThatThrownBy(() -> new FiniteDistribution<>(List.<Labeled<String>>of(), new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
