package org.pgbarrier.testkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The report's number formatter on hand-written expectations. */
class NumbersTest {

  @Test
  void smallAndLargeNumbersGetAShortMantissaAndExponent() {
    assertThat(Numbers.format(4.1666666666666665E-5)).isEqualTo("4.17e-5");
    assertThat(Numbers.format(4.1666666666666665E-5, 2)).isEqualTo("4.2e-5");
    assertThat(Numbers.format(5.2e-6)).isEqualTo("5.2e-6");
    assertThat(Numbers.format(1e-12)).isEqualTo("1e-12");
    assertThat(Numbers.format(-2.5e-7)).isEqualTo("-2.5e-7");
    assertThat(Numbers.format(1.5e9)).isEqualTo("1.5e9");
    assertThat(Numbers.format(3e6)).isEqualTo("3e6");
    assertThat(Numbers.format(9.9996e-4)).isEqualTo("0.001");
  }

  @Test
  void plainRangeKeepsTheIntegerPartAndIntegersStayWhole() {
    assertThat(Numbers.format(0.23)).isEqualTo("0.23");
    assertThat(Numbers.format(0.0020833333333333333)).isEqualTo("0.00208");
    assertThat(Numbers.format(-1.0400000000000001)).isEqualTo("-1.04");
    assertThat(Numbers.format(1234.5678)).isEqualTo("1235");
    assertThat(Numbers.format(10)).isEqualTo("10");
    assertThat(Numbers.format(-1)).isEqualTo("-1");
    assertThat(Numbers.format(999999)).isEqualTo("999999");
    assertThat(Numbers.format(0)).isEqualTo("0");
    assertThat(Numbers.format(Double.NaN)).isEqualTo("-");
    assertThat(Numbers.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThatThrownBy(() -> Numbers.format(1, 0)).hasMessageContaining("digits = 0");
  }

  @Test
  void aComparisonShowsEnoughDigitsToTellTheTwoSidesApart() {
    assertThat(Numbers.comparison(0.23, "<=", 5.2e-6)).isEqualTo("0.23 <= 5.2e-6");
    assertThat(Numbers.comparison(10, ">=", 1)).isEqualTo("10 >= 1");
    assertThat(Numbers.comparison(0.001, "<", 0.0010004)).isEqualTo("0.001 < 0.0010004");
    assertThat(Numbers.comparison(0.5, "<=", 0.5)).isEqualTo("0.5 <= 0.5");
    assertThat(Numbers.comparison(0.7530997893201, "~", 0.75309978932008))
        .isEqualTo("0.753 ~ 0.753");
  }

  @Test
  void longLiteralsInTextAreShortenedAndEverythingElseIsLeftAlone() {
    assertThat(Numbers.shorten("eps=4.1666666666666665E-5 n=1000 seed=123456789 p=0.25"
        + " q=0.123456789 v1.2345678 x=[0.5, 0.75]"))
        .isEqualTo("eps=4.17e-5 n=1000 seed=123456789 p=0.25 q=0.123 v1.2345678 x=[0.5, 0.75]");
  }
}
