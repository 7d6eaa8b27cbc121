package org.pgbarrier.testkit.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers for people: {@code 4.17e-5}, not {@code 4.1666666666666665E-5}. Three significant
 * digits by default; integers below a million in full; plain decimals from 0.001 to 100000, with
 * every digit of the integer part kept ({@code 1234.5 -> 1235}); otherwise a mantissa and a short
 * exponent ({@code 5.2e-6}, {@code 1.5e9}). {@code claims.json} keeps every number in full.
 */
public final class Numbers {
  /** Significant digits shown by default. */
  public static final int DIGITS = 3;

  /** A Java double literal with many digits or an exponent, inside free text. */
  private static final Pattern LONG_NUMBER =
      Pattern.compile("(?<![\\w.])-?\\d+\\.\\d+(?:E-?\\d+|\\d{4,})(?![\\w.])");

  private Numbers() {}

  /** {@code x} to {@value #DIGITS} significant digits. */
  public static String format(double x) {
    return format(x, DIGITS);
  }

  /** {@code x} to {@code digits} significant digits ({@code -} for NaN, {@code inf}). */
  public static String format(double x, int digits) {
    if (digits < 1 || digits > 17) {
      throw new IllegalArgumentException("digits = " + digits + ": must be in [1, 17]");
    }
    if (Double.isNaN(x)) {
      return "-";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return "0";
    }
    double abs = Math.abs(x);
    if (x == Math.rint(x) && abs < 1e6) {
      return Long.toString((long) x);
    }
    BigDecimal exact = new BigDecimal(x);
    if (abs >= 1e-3 && abs < 1e5) {
      int integerDigits = abs < 1 ? 0 : (int) Math.floor(Math.log10(abs)) + 1;
      BigDecimal rounded = exact.round(
          new MathContext(Math.max(digits, integerDigits), RoundingMode.HALF_EVEN));
      return rounded.stripTrailingZeros().toPlainString();
    }
    BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN))
        .stripTrailingZeros();
    if (rounded.abs().compareTo(new BigDecimal("0.001")) >= 0
        && rounded.abs().compareTo(new BigDecimal(100000)) < 0) {
      return rounded.toPlainString();
    }
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal mantissa = rounded.movePointLeft(exponent);
    return mantissa.toPlainString() + "e" + exponent;
  }

  /**
   * {@code statistic symbol bound}, e.g. {@code 0.23 <= 0.5}; for an inequality, with the fewest
   * digits (at least {@value #DIGITS}) that tell two different values apart: {@code 0.001 <
   * 0.00100049} never reads {@code 0.001 < 0.001}. An approximate comparison ({@code ~}, {@code
   * vs}) keeps {@value #DIGITS} digits: the rule's tolerance, not the digits, says how close.
   */
  public static String comparison(double statistic, String symbol, double bound) {
    boolean inequality = symbol.startsWith("<") || symbol.startsWith(">");
    int digits = DIGITS;
    while (inequality && digits < 17 && statistic != bound
        && format(statistic, digits).equals(format(bound, digits))) {
      digits++;
    }
    return format(statistic, digits) + " " + symbol + " " + format(bound, digits);
  }

  /**
   * {@code text} with each long number literal ({@code 0.123456789}, {@code 4.1666666666666665E-5})
   * shortened by {@link #format(double)}; short numbers, integers and identifiers are left as they
   * are. For display only: replay commands are never passed through it.
   */
  public static String shorten(String text) {
    Matcher m = LONG_NUMBER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(format(Double.parseDouble(m.group()))));
    }
    return m.appendTail(out).toString();
  }
}
