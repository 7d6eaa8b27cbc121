package org.pgbarrier.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The registry's invariants and the bounds' formulas on hand-computed values. */
class BoundsTest {

  @Test
  void everyRegisteredClaimIsWellFormedAndFoundById() {
    assertThat(ClaimRegistry.all()).isNotEmpty();
    for (Claim c : ClaimRegistry.all()) {
      assertThat(ClaimRegistry.get(c.id())).isSameAs(c);
      if (c.provenance() == Provenance.SOURCE) {
        assertThat(c.statement()).as(c.id()).doesNotContain("[RECONSTRUCTED]");
      }
    }
    assertThatThrownBy(() -> ClaimRegistry.get("BMB-99")).hasMessageContaining("not registered");
    assertThatThrownBy(() -> new Claim("bmb1", "t", Paper.SHARPENING, "l", Provenance.SOURCE, "s"))
        .hasMessageContaining("must look like BMB-01");
  }

  @Test
  void gradientNormBoundIsTwiceRTimesTheTokenErrors() {
    // 2 * 1.5 * ((1 - 0.5) + (1 - 0.75)) = 2.25
    assertThat(BaseModelBarrier.gradientNormBound(new double[] {0.5, 0.75}, 1.5)).isEqualTo(2.25);
  }

  @Test
  void marginOddsBoundDecaysAsExpMinusCGamma() {
    assertThat(BaseModelBarrier.marginOddsBound(3.0, 2.0, Math.log(2) / 2)).isEqualTo(1.5);
    assertThat(BaseModelBarrier.marginOddsBound(3.0, 0.0, 0.7)).isEqualTo(3.0);
  }
}
