package org.pgbarrier.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A strict streaming reader of one JSON document: duplicate keys are a syntax error ({@code
 * STRICT_DUPLICATE_DETECTION}), and {@code NaN} and {@code Infinity} parse
 * ({@code ALLOW_NON_NUMERIC_NUMBERS}) only so that they can be refused by field name. Values are
 * read at the current token; every refusal is an {@link InputException} {@code path = value:
 * rule}, with strings shown quoted and arrays and objects named, so the message stays one line.
 */
public final class JsonCursor implements Closeable {
  private static final JsonMapper MAPPER = JsonMapper.builder(factory())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  /**
   * The deepest nesting of arrays and objects our formats accept (they use at most 4 levels);
   * deeper input is refused with {@link #syntaxMessage}.
   */
  static final int MAX_DEPTH = 64;

  /**
   * The readers' limits ({@code StreamReadConstraints}): numbers of any length (the format sets
   * none; a long literal is read to the nearest double), nesting at most {@value #MAX_DEPTH},
   * strings and keys of Jackson's default limits. A violation is a {@link
   * StreamConstraintsException}, which {@link #syntaxMessage} words as our one line.
   */
  public static JsonFactory factory() {
    return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
        .maxNumberLength(Integer.MAX_VALUE)
        .maxNestingDepth(MAX_DEPTH)
        .build()).build();
  }

  /**
   * Refuses a file that is not UTF-8: a UTF-16 or UTF-32 byte-order mark, or a zero byte among
   * the first four (JSON text starts with an ASCII character, which UTF-16 and UTF-32 pad with
   * zero bytes). Jackson would otherwise detect and read those encodings.
   *
   * @throws InputException naming the encoding
   */
  public static void requireUtf8(Path file) throws IOException {
    byte[] head = new byte[4];
    int n;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    }
    boolean bom = n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
    boolean zero = false;
    for (int j = 0; j < n; j++) {
      zero |= head[j] == 0;
    }
    if (bom || zero) {
      throw new InputException("not UTF-8 text (it looks like UTF-16 or UTF-32): save it as"
          + " UTF-8");
    }
  }
  /** Longer strings and numbers are cut in messages. */
  private static final int SHOWN_STRING_LENGTH = 40;

  private final JsonParser parser;

  private JsonCursor(JsonParser parser) {
    this.parser = parser;
  }

  public static JsonCursor open(Path file) throws IOException {
    requireUtf8(file);
    return new JsonCursor(MAPPER.createParser(file.toFile()));
  }

  /**
   * A one-line message for a syntax error: {@code invalid JSON at line L, column C: reason}.
   * Jackson's own location suffixes are dropped in favour of that prefix.
   */
  public static String syntaxMessage(JsonProcessingException e) {
    String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      reason = constraint(reason);
    } else if (reason.startsWith("Trailing token")) {
      reason = "a second JSON value after the top-level object: the file holds one object";
    }
    reason = reason.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
        .replaceAll("\\s+", " ")
        .trim();
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() < 1) {
      return "invalid JSON: " + reason;
    }
    return "invalid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": "
        + reason;
  }

  /** Our wording of a {@code StreamReadConstraints} violation (Jackson names its own API). */
  private static String constraint(String library) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)").matcher(library);
    String found = m.find() ? m.group(1) : "?";
    String limit = m.find(0) ? m.group(2) : "?";
    if (library.startsWith("Document nesting depth")) {
      return "nesting depth " + found + ": arrays and objects may nest at most " + limit
          + " levels deep";
    }
    if (library.startsWith("Name length")) {
      return "a key of " + found + " characters: keys may be at most " + limit + " long";
    }
    if (library.startsWith("String value length")) {
      return "a string of " + found + " characters: strings may be at most " + limit + " long";
    }
    return library.replaceAll("\\s*\\(from `[^`]*`\\)", "");
  }

  /** Reads the opening brace of the top-level object. */
  public void startObject() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      throw new InputException("the file is empty: must hold one JSON object");
    }
    if (t != JsonToken.START_OBJECT) {
      throw new InputException("the top-level value = " + describe() + ": must be a JSON object");
    }
  }

  /**
   * Advances to the next key of the current object and onto its value; {@code false} at the
   * closing brace.
   */
  public boolean nextKey() throws IOException {
    if (parser.nextToken() != JsonToken.FIELD_NAME) {
      return false;
    }
    parser.nextToken();
    return true;
  }

  /** The key whose value is the current token. */
  public String key() throws IOException {
    return parser.currentName();
  }

  /** Requires that nothing but whitespace follows the top-level object. */
  public void requireEnd() throws IOException {
    if (parser.nextToken() != null) {
      throw new InputException("invalid JSON at " + where()
          + ": unexpected content after the top-level object");
    }
  }

  /** Skips the current value, including all of its children. */
  public void skip() throws IOException {
    parser.skipChildren();
  }

  /** Advances one token; {@code true} unless the token closes the current array. */
  public boolean nextElement() throws IOException {
    return parser.nextToken() != JsonToken.END_ARRAY;
  }

  /** Requires the current value to be an array, described as {@code what} if it is not. */
  public void requireArray(String path, String what) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new InputException(path + " = " + describe() + ": must be " + what);
    }
  }

  /** Requires the current value to be the string {@code expected}. */
  public void requireString(String path, String expected) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING || !parser.getText().equals(expected)) {
      throw new InputException(path + " = " + describe() + ": must be \"" + expected + "\"");
    }
  }

  /** The current value as a 32-bit integer, refusing fractions and non-numbers. */
  public int readInt(String path) throws IOException {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() == JsonParser.NumberType.INT) {
      return parser.getIntValue();
    }
    String rule = t == JsonToken.VALUE_NUMBER_INT
        ? "must be a 32-bit integer (at most 2147483647 in magnitude)"
        : "must be an integer";
    throw new InputException(path + " = " + describe() + ": " + rule);
  }

  /** The current value as a token id in {@code [0, k)}; the path is built only on failure. */
  public int readToken(String name, int row, int col, int k) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw new InputException(path(name, row, col) + " = " + describe()
          + ": must be an integer token id in [0, " + (k - 1) + "]");
    }
    if (parser.getNumberType() == JsonParser.NumberType.INT) {
      int token = parser.getIntValue();
      if (token >= 0 && token < k) {
        return token;
      }
    }
    throw Rules.token(path(name, row, col), literal(), k);
  }

  /**
   * The current value as a finite double (the one nearest to the decimal text); NaN, infinities
   * and overflowing numbers are refused. The path is built only on failure.
   */
  public double readDouble(String name, int row, int col) throws IOException {
    JsonToken t = parser.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new InputException(path(name, row, col) + " = " + describe() + ": must be a number");
    }
    double value = parser.getDoubleValue();
    if (!Double.isFinite(value)) {
      throw Rules.notFinite(path(name, row, col), literal());
    }
    return value;
  }

  /** Requires the current value to be an object, described as {@code what} if it is not. */
  public void requireObject(String path, String what) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new InputException(path + " = " + describe() + ": must be " + what);
    }
  }

  /** The current value as a string, refusing other types with {@code rule}. */
  public String readString(String path, String rule) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new InputException(path + " = " + describe() + ": " + rule);
    }
    return parser.getText();
  }

  /** The current value as a finite double, named by {@code path} on failure. */
  public double readDouble(String path) throws IOException {
    JsonToken t = parser.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new InputException(path + " = " + describe() + ": must be a number");
    }
    double value = parser.getDoubleValue();
    if (!Double.isFinite(value)) {
      throw Rules.notFinite(path, literal());
    }
    return value;
  }

  /**
   * The current value's JSON number text exactly as written (for a number read as the exact
   * decimal it denotes), refusing non-numbers and {@code NaN}/{@code Infinity} with {@code rule}.
   */
  public String readNumberText(String path, String rule) throws IOException {
    JsonToken t = parser.currentToken();
    if ((t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT)
        || parser.isNaN()) {
      throw new InputException(path + " = " + describe() + ": " + rule);
    }
    return parser.getText();
  }

  /** {@code line L, column C} of the current token. */
  public String where() {
    JsonLocation at = parser.currentTokenLocation();
    return "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** The current value for a message: numbers and literals as written, strings quoted. */
  public String describe() throws IOException {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.START_ARRAY) {
      return "an array";
    }
    if (t == JsonToken.START_OBJECT) {
      return "an object";
    }
    if (t == JsonToken.VALUE_STRING) {
      return quote(parser.getText());
    }
    return literal();
  }

  /** The current number or literal as written, with very long numbers cut in the middle. */
  public String literal() throws IOException {
    String text = parser.getText();
    if (text.length() <= SHOWN_STRING_LENGTH) {
      return text;
    }
    return text.substring(0, SHOWN_STRING_LENGTH / 2) + "..."
        + text.substring(text.length() - SHOWN_STRING_LENGTH / 4) + " (" + text.length()
        + " characters)";
  }

  /** {@code s} as a JSON string literal, cut after a few dozen characters. */
  public static String quote(String s) {
    boolean cut = s.length() > SHOWN_STRING_LENGTH;
    String shown = cut ? s.substring(0, SHOWN_STRING_LENGTH) : s;
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\""
        + (cut ? "..." : "");
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private static String path(String name, int row, int col) {
    return name + "[" + row + "][" + col + "]";
  }
}
