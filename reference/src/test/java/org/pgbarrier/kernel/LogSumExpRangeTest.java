package org.pgbarrier.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.random.Seeds;

/**
 * {@link LogSumExp} at {@code k = 1024} with logits of magnitude {@code 1e3}, against the
 * definitions evaluated in 60-digit arithmetic ({@link HighPrecision}), and the oracle itself
 * against constants known to 40 digits.
 */
class LogSumExpRangeTest {
  private static final int K = 1024;

  @Test
  void theOracleReproducesEAndLogTwoToFortyDigits() {
    BigDecimal e = new BigDecimal("2.718281828459045235360287471352662497757");
    assertThat(HighPrecision.exp(BigDecimal.ONE).subtract(e).abs())
        .isLessThan(new BigDecimal("1e-39"));
    // ln 2 to 40 digits: 0.6931471805599453094172321214581765680755
    assertThat(HighPrecision.log(BigDecimal.valueOf(2))
        .subtract(new BigDecimal("0.6931471805599453094172321214581765680755")).abs())
        .isLessThan(new BigDecimal("1e-39"));
    BigDecimal big = new BigDecimal("3.5e434");
    assertThat(HighPrecision.exp(HighPrecision.log(big)).divide(big, HighPrecision.MC)
        .subtract(BigDecimal.ONE).abs()).isLessThan(new BigDecimal("1e-40"));
  }

  @Test
  void logSumExpAndLogSoftmaxOfLogitsNearAThousandMatchTheDefinition() {
    SplittableRandom rng = Seeds.stream(8_1024L, 10);
    double[] a = new double[K];
    for (int v = 0; v < K; v++) {
      a[v] = 1000 + rng.nextGaussian();
    }
    assertAgreesWithTheDefinition(a);
  }

  @Test
  void logSumExpAndLogSoftmaxOfLogitsSpreadOverTwoThousandMatchTheDefinition() {
    SplittableRandom rng = Seeds.stream(8_1024L, 11);
    double[] a = new double[K];
    for (int v = 0; v < K; v++) {
      a[v] = 2000 * rng.nextDouble() - 1000;
    }
    assertAgreesWithTheDefinition(a);
  }

  @Test
  void logSoftmaxOfATokenOfProbabilityOneMinus1e20IsExactToTheLastDigits() {
    double[] a = new double[K];
    java.util.Arrays.fill(a, -1000);
    a[7] = 1000;
    a[8] = 1000 - 46.05170185988091; // exp(-46.05...) = 1e-20
    BigDecimal exact = HighPrecision.logSoftmaxAt(a, K, 7);
    double code = LogSumExp.logSoftmaxAt(a, K, 7);
    assertThat(code).isNegative();
    assertThat(Math.abs(code - exact.doubleValue()) / Math.abs(exact.doubleValue()))
        .isLessThan(1e-13);
  }

  private static void assertAgreesWithTheDefinition(double[] a) {
    BigDecimal[] e = HighPrecision.exps(a, K);
    BigDecimal total = HighPrecision.sum(e);
    BigDecimal lse = HighPrecision.log(total);
    double code = LogSumExp.of(a, K);
    assertThat(code).isFinite();
    // One rounding of max + log(sum): a few ulps of the result.
    assertThat(Math.abs(code - lse.doubleValue())).isLessThanOrEqualTo(4 * Math.ulp(code));
    double[] p = new double[K];
    assertThat(LogSumExp.softmax(a, K, p)).isEqualTo(code);
    for (int v = 0; v < K; v++) {
      BigDecimal exactLogp = new BigDecimal(a[v]).subtract(lse, HighPrecision.MC);
      // a[v] - lse(a): the absolute error of lse, a few ulps of |lse| <= 2048.
      assertThat(Math.abs(LogSumExp.logSoftmaxAt(a, K, v) - exactLogp.doubleValue()))
          .as("token %d", v).isLessThanOrEqualTo(8 * Math.ulp(2048.0));
      double exactP = e[v].divide(total, HighPrecision.MC).doubleValue();
      assertThat(Math.abs(p[v] - exactP)).as("p[%d]", v)
          .isLessThanOrEqualTo(1e-12 * exactP + Double.MIN_NORMAL);
    }
  }
}
