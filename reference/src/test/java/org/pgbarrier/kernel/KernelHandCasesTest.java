package org.pgbarrier.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link LogSumExp} and {@link InverseCdf} on cases computed by hand. */
class KernelHandCasesTest {
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  @Test
  void logSumExpOfHandCasesIncludingAllMinusInfinity() {
    assertThat(LogSumExp.of(new double[] {0, 0}, 2)).isCloseTo(Math.log(2), within(1e-16));
    // max in the last place: log(e^-3 + e^1 + e^5) = 5 + log(1 + e^-4 + e^-8)
    assertThat(LogSumExp.of(new double[] {-3, 1, 5}, 3))
        .isCloseTo(5 + Math.log(1 + Math.exp(-4) + Math.exp(-8)), within(1e-15));
    assertThat(LogSumExp.of(new double[] {NEG_INF, NEG_INF}, 2)).isEqualTo(NEG_INF);
    // only the first n entries count
    assertThat(LogSumExp.of(new double[] {0, 0, 100}, 2)).isCloseTo(Math.log(2), within(1e-16));
    double[] p = new double[3];
    assertThat(LogSumExp.softmax(new double[] {0, Math.log(3), NEG_INF}, 3, p))
        .isCloseTo(Math.log(4), within(1e-15));
    assertThat(p).containsExactly(new double[] {0.25, 0.75, 0}, within(1e-15));
  }

  @Test
  void logSoftmaxIsAccurateOnEitherSideOfTheBranchPoint() {
    // a[y] exactly max - 1, just inside it, and far below: log p_y = a_y - log(e^0 + e^a_y).
    for (double ay : new double[] {-1, Math.nextUp(-1.0), -0.5, -30, 0, 3}) {
      double exact = ay - Math.log1p(Math.exp(ay));
      if (ay > 0) {
        exact = -Math.log1p(Math.exp(-ay));
      }
      assertThat(LogSumExp.logSoftmaxAt(new double[] {0, ay}, 2, 1)).as("a_y = %s", ay)
          .isCloseTo(exact, within(4 * Math.ulp(exact)));
    }
    // p_y = 1 / (1 + 1e-30): log p_y = -1e-30 to full relative precision.
    double tiny = LogSumExp.logSoftmaxAt(new double[] {0, -69.07755278982137}, 2, 0);
    assertThat(tiny / -1e-30).isCloseTo(1.0, within(1e-13));
    assertThat(LogSumExp.sumExpExcept(new double[] {0, Math.log(2), Math.log(5)}, 3, 0))
        .isCloseTo(7, within(1e-14));
    assertThat(LogSumExp.argmax(new double[] {1, 3, 3, 2}, 4)).isEqualTo(1);
    assertThat(LogSumExp.argmax(new double[] {1, 3, 4, 9}, 3)).isEqualTo(2);
  }

  @Test
  void inverseCdfReturnsTheTokenWhoseIntervalHoldsUAndTheLastPositiveTokenAboveTheTotal() {
    double[] halves = {0, 0};
    assertThat(InverseCdf.token(halves, 2, 0.0)).isZero();
    assertThat(InverseCdf.token(halves, 2, Math.nextDown(0.5))).isZero();
    // u exactly at the boundary F(0) = 1/2 belongs to the next interval [1/2, 1).
    assertThat(InverseCdf.token(halves, 2, 0.5)).isEqualTo(1);
    // ten equal tokens: the computed cumulative sum of 0.1's ends below nextDown(1), so u there
    // lies above the total and goes to the last token of positive mass, never to a zero-mass one.
    double[] ten = new double[11];
    ten[10] = NEG_INF;
    double total = 0;
    double tenth = Math.exp(-LogSumExp.of(new double[10], 10));
    for (int v = 0; v < 10; v++) {
      total += tenth;
    }
    assertThat(total).isLessThan(Math.nextDown(1.0));
    assertThat(InverseCdf.token(ten, 11, Math.nextDown(1.0))).isEqualTo(9);
    double[] leadingZero = {NEG_INF, 0, 0};
    assertThat(InverseCdf.token(leadingZero, 3, 0.0)).isEqualTo(1);
  }
}
