package org.pgbarrier.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Same seed, same instance bit for bit; different seed, different instance; bad specs refused. */
class InstanceReproducibilityTest {

  private static final List<LongFunction<Instance<?>>> FAMILIES = List.of(
      seed -> TabularInstances.generate(new TabularInstances.Spec(3, 4, 3, 0.2, 0.05, 0.9), seed),
      seed -> PlantedGaussianInstances.generate(
          new PlantedGaussianInstances.Spec(6, 3, 4, 3, 0.15, 2.0), seed),
      seed -> BigramInstances.generate(new BigramInstances.Spec(
          5, 3, 4, BigramInstances.Inputs.MIXTURE, 4, 0.05, 8), seed),
      seed -> BigramInstances.generate(new BigramInstances.Spec(
          5, 3, 4, BigramInstances.Inputs.RADEMACHER, 1, 0.0, 8), seed),
      seed -> BarrierInstances.generate(
          new BarrierInstances.Spec(3, 4, 2, 2, 2, 0.25, 0.5, 0.1), seed));

  @Test
  void theSameSeedGivesTheSameInstanceBitForBit() {
    for (LongFunction<Instance<?>> family : FAMILIES) {
      assertThat(fingerprint(family.apply(42))).isEqualTo(fingerprint(family.apply(42)));
      assertThat(fingerprint(family.apply(42))).isNotEqualTo(fingerprint(family.apply(43)));
    }
  }

  private static String fingerprint(Instance<?> inst) {
    StringBuilder sb = new StringBuilder(inst.describe());
    for (double w : inst.wStar()) {
      sb.append(Long.toHexString(Double.doubleToRawLongBits(w))).append(',');
    }
    for (double w : inst.wBase()) {
      sb.append(Long.toHexString(Double.doubleToRawLongBits(w))).append(',');
    }
    for (Labeled<?> c : inst.contexts()) {
      sb.append(java.util.Arrays.toString(c.target()));
      Object x = c.x();
      if (x instanceof double[] a) {
        for (double v : a) {
          sb.append(Long.toHexString(Double.doubleToRawLongBits(v)));
        }
      } else if (x instanceof org.pgbarrier.model.PositionalContext pc) {
        for (double[] row : pc.z()) {
          for (double v : row) {
            sb.append(Long.toHexString(Double.doubleToRawLongBits(v)));
          }
        }
      } else if (x instanceof org.pgbarrier.model.TabularContext tc) {
        sb.append(java.util.Arrays.toString(tc.states()));
      }
    }
    return sb.toString();
  }

  @Test
  void mixtureInputsHaveNormSqrtD() {
    BigramInstances.Spec spec =
        new BigramInstances.Spec(7, 3, 2, BigramInstances.Inputs.MIXTURE, 5, 0.05, 1);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int t = 0; t < 100; t++) {
      double[] x = BigramInstances.drawInput(spec, rng);
      double sq = 0;
      for (double v : x) {
        sq += v * v;
      }
      assertThat(sq).isCloseTo(7.0, org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void barrierBaseLikelihoodsAreAsPrescribed() {
    BarrierInstances.Spec spec = new BarrierInstances.Spec(4, 5, 2, 3, 2, 0.25, 0.6, 0.05);
    Instance<org.pgbarrier.model.TabularContext> inst = BarrierInstances.generate(spec, 9);
    double[] base = inst.wBase();
    for (int c = 0; c < inst.contexts().size(); c++) {
      Labeled<org.pgbarrier.model.TabularContext> ctx = inst.contexts().get(c);
      double expected = BarrierInstances.isOffSupport(spec, c)
          ? 3 * Math.log(0.6) + 2 * Math.log(0.25)
          : 5 * Math.log(0.6);
      assertThat(inst.model().logLikelihood(base, ctx.x(), ctx.target()))
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }
    FiniteDistribution<org.pgbarrier.model.TabularContext> d =
        (FiniteDistribution<org.pgbarrier.model.TabularContext>) inst.distribution();
    assertThat(d.probability(0) + d.probability(1)).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void infeasibleSpecsAreRefusedWithTheRuleInTheMessage() {
    assertThatThrownBy(() -> new TabularInstances.Spec(3, 4, 4, 0.3, 0.1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gamma = 0.3")
        .hasMessageContaining("1/sqrt(S)");
    assertThatThrownBy(() -> new TabularInstances.Spec(1, 4, 4, 0.1, 0.1, 0.5))
        .hasMessage("k = 1: must be at least 2");
    assertThatThrownBy(() -> new BarrierInstances.Spec(3, 4, 1, 1, 5, 0.2, 0.5, 0.1))
        .hasMessage("fresh = 5: must be in [1, 4]");
    assertThatThrownBy(() -> PlantedGaussianInstances.generate(
        new PlantedGaussianInstances.Spec(1, 8, 1, 1, 0.9, 0.0), 1))
        .hasMessageContaining("gamma = 0.9: no state with that margin");
  }
}
