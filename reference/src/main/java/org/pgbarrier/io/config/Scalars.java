package org.pgbarrier.io.config;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The types of plain (unquoted) YAML scalars, by the YAML 1.2 core schema: {@code null}, {@code
 * ~} and the empty scalar are null; {@code true}/{@code false} (also {@code True}, {@code TRUE},
 * ...) are booleans; decimal integers are integers; decimal numbers with a point or an exponent
 * ({@code 0.1}, {@code 1e-12}) and {@code .inf}, {@code .nan} are floats; everything else, and
 * every quoted scalar, is a string.
 *
 * <p>This is stricter than the YAML 1.1 rules the authors' Python stack applies (OmegaConf on
 * PyYAML), on purpose: {@code yes}, {@code no}, {@code on}, {@code off} are strings here, so a
 * boolean key given one of them is refused rather than guessed; {@code 0x1F} and {@code 017} are
 * not read as hexadecimal or octal. Both stacks read {@code 1e-12} as a float (OmegaConf adds that
 * rule to PyYAML) and {@code fasle} as a string.
 */
final class Scalars {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  private Scalars() {}

  /**
   * The value of a scalar: {@code null}, Boolean, Long (BigInteger beyond the long range), Double
   * or String.
   *
   * @param text the scalar's text
   * @param plain whether it was written without quotes (quoted scalars are always strings)
   */
  static Object type(String text, boolean plain) {
    if (!plain) {
      return text;
    }
    if (NULLS.contains(text)) {
      return null;
    }
    if (TRUES.contains(text)) {
      return Boolean.TRUE;
    }
    if (FALSES.contains(text)) {
      return Boolean.FALSE;
    }
    if (INTEGER.matcher(text).matches()) {
      BigInteger big = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
      return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
    }
    if (FLOAT.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if (INFINITY.matcher(text).matches()) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (NAN.matcher(text).matches()) {
      return Double.NaN;
    }
    return text;
  }

  /** The YAML type of a value, as named in messages: {@code a string}, {@code an integer}... */
  static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Long || value instanceof BigInteger) {
      return "an integer";
    }
    if (value instanceof Double) {
      return "a float";
    }
    return "a string";
  }
}
