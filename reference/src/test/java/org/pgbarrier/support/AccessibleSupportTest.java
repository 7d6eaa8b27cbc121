package org.pgbarrier.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccessibleSupportTest {
  @Test
  void thresholdMatchesTheWorkedValues() {
    double q = 1 - Math.exp(-1);
    // docs/theory.md §10.9, computed independently in numpy
    assertThat(AccessibleSet.threshold(10, q)).isCloseTo(0.095163, within(5e-7));
    assertThat(AccessibleSet.threshold(100, q)).isCloseTo(0.0099502, within(5e-8));
    assertThat(AccessibleSet.threshold(1000, q)).isCloseTo(0.00099950, within(5e-9));
    assertThat(AccessibleSet.threshold(100, 0.5)).isCloseTo(0.0069075, within(5e-8));
    for (int b : new int[] {10, 100, 1000}) {
      assertThat(AccessibleSet.threshold(b, q)).isBetween(1.0 / (b + 1), 1.0 / b);
    }
  }

  @Test
  void passAtTheBudgetKeepsItsAccuracyForSequencesFarBelowTheSmallestDouble() {
    double logPi = -800; // exp(-800) underflows to 0
    assertThat(AccessibleSet.passAtBudget(logPi, 1e300)).isCloseTo(
        -Math.expm1(-Math.exp(Math.log(1e300) - 800)), within(1e-15));
    assertThat(AccessibleSet.contains(logPi, 1e300, 0.5)).isFalse();
    assertThat(AccessibleSet.contains(Math.log(0.5), 2, 0.75)).isTrue();
  }

  @Test
  void regimesFollowTheBudgetCutOffs() {
    double q = 0.5;
    double tau10 = AccessibleSet.threshold(10, q);
    double tau1000 = AccessibleSet.threshold(1000, q);
    assertThat(Regime.of(Math.log(tau10), 10, 1000, q)).isEqualTo(Regime.BASIN);
    assertThat(Regime.of(Math.log(tau10 / 2), 10, 1000, q)).isEqualTo(Regime.TAIL);
    assertThat(Regime.of(Math.log(tau1000), 10, 1000, q)).isEqualTo(Regime.TAIL);
    assertThat(Regime.of(Math.log(tau1000 / 2), 10, 1000, q)).isEqualTo(Regime.BARRIER);
    assertThat(Regime.of(Double.NEGATIVE_INFINITY, 10, 1000, q)).isEqualTo(Regime.SINGULAR);
    assertThatThrownBy(() -> Regime.of(-1, 10, 10, q))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBudget = 10");
  }

  @Test
  void elicitationFailsOnlyWhereTheTrainedModelReachesWhatTheReferenceCouldNot() {
    double q = 0.5;
    double[] reference = {Math.log(0.3), Math.log(1e-3), Math.log(1e-6)};
    double[] elicited = {Math.log(0.9), Math.log(0.5), Math.log(1e-6)};
    double[] created = {Math.log(0.3), Math.log(1e-3), Math.log(0.2)};
    assertThat(ElicitationComparison.compare(reference, elicited, 10, 1000, q).kind())
        .isEqualTo(ElicitationComparison.Kind.ELICITATION);
    ElicitationComparison.Verdict verdict = ElicitationComparison.compare(reference, created, 10, 1000, q);
    assertThat(verdict.kind()).isEqualTo(ElicitationComparison.Kind.CREATION);
    assertThat(verdict.created()).containsExactly(2);
  }

  @Test
  void theTiltReachesTheTargetMassAtTheNotesDivergences() {
    double[] reference = {0.1, 0.9};
    boolean[] inSet = {true, false};
    double[] tilt = DivergenceBudget.tilt(reference, inSet, 0.9);
    assertThat(tilt[0]).isCloseTo(0.9, within(1e-15));
    // docs/theory.md §10.9: t = 0.9, pi_ref(S) = 0.1 -> 1.75778 nats
    assertThat(DivergenceBudget.kl(tilt, reference)).isCloseTo(1.75778, within(5e-6));
    assertThatThrownBy(() -> DivergenceBudget.tilt(new double[] {0, 1}, inSet, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("singular");
  }

  @Test
  void gibbsReweightingKeepsZerosOfTheReference() {
    double[] pi = GibbsReweighting.optimum(new double[] {0, 0.5, 0.5}, new double[] {100, 0, 1},
        0.01);
    assertThat(pi[0]).isZero();
    assertThat(pi[2]).isGreaterThan(0.99);
  }
}
