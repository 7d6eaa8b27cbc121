package org.pgbarrier.io.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.JsonCursor;
import org.pgbarrier.io.Rules;

/**
 * The strict reader of {@code pgbarrier/lq-v1} files (docs/conformance.md §6): one pass of the
 * streaming parser, the same syntax rules and messages as {@link BigramInputReader}. The keys are
 * {@code format}, {@code eps} and exactly one of {@code log_likelihoods} and {@code
 * token_log_likelihoods}; each {@code eps} is kept as the text of its JSON number, so that it is
 * read as the exact decimal written.
 */
public final class LqInputReader {
  /** The keys of a {@code pgbarrier/lq-v1} object. */
  public static final List<String> KEYS =
      List.of("format", "eps", "log_likelihoods", "token_log_likelihoods");

  private LqInputReader() {}

  /**
   * Reads and validates {@code file}.
   *
   * @throws InputException if the file is missing, not a readable regular file, or breaks the
   *     format
   * @throws IOException if reading fails for another reason
   */
  public static LqInput read(Path file) throws IOException {
    Rules.requireReadable(file);
    try (JsonCursor cursor = JsonCursor.open(file)) {
      cursor.startObject();
      Set<String> seen = new HashSet<>();
      List<String> eps = null;
      double[] values = null;
      double[][] rows = null;
      while (cursor.nextKey()) {
        String key = cursor.key();
        switch (key) {
          case "format" -> cursor.requireString("format", LqInput.FORMAT);
          case "eps" -> eps = readEps(cursor);
          case "log_likelihoods" -> values = readRow(cursor, "log_likelihoods");
          case "token_log_likelihoods" -> rows = readRows(cursor);
          default -> throw new InputException("unknown key " + JsonCursor.quote(key)
              + ": must be one of " + String.join(", ", KEYS));
        }
        seen.add(key);
      }
      cursor.requireEnd();
      for (String key : List.of("format", "eps")) {
        if (!seen.contains(key)) {
          throw new InputException("missing key \"" + key + "\": a " + LqInput.FORMAT
              + " object needs format, eps and one of log_likelihoods, token_log_likelihoods");
        }
      }
      if ((values == null) == (rows == null)) {
        throw new InputException((values == null ? "neither" : "both")
            + " of log_likelihoods, token_log_likelihoods given: a " + LqInput.FORMAT
            + " object needs exactly one of them");
      }
      return values != null ? LqInput.ofSequence(eps, values) : LqInput.ofTokens(eps, rows);
    } catch (JsonProcessingException e) {
      throw new InputException(JsonCursor.syntaxMessage(e), e);
    }
  }

  private static List<String> readEps(JsonCursor cursor) throws IOException {
    cursor.requireArray("eps", "an array of numbers");
    List<String> eps = new ArrayList<>();
    for (int e = 0; cursor.nextElement(); e++) {
      String path = "eps[" + e + "]";
      String text = cursor.readNumberText(path, LqInput.EPS_RULE);
      LqInput.decimal(path, text);
      eps.add(text);
    }
    return eps;
  }

  private static double[] readRow(JsonCursor cursor, String name) throws IOException {
    cursor.requireArray(name, "an array of numbers");
    double[] row = new double[16];
    int n = 0;
    for (; cursor.nextElement(); n++) {
      if (n == row.length) {
        row = Arrays.copyOf(row, Rules.grow(n));
      }
      String path = name + "[" + n + "]";
      row[n] = cursor.readDouble(path);
      if (!(row[n] <= 0)) {
        throw new InputException(path + " = " + cursor.literal() + ": " + LqInput.VALUE_RULE);
      }
    }
    return Arrays.copyOf(row, n);
  }

  private static double[][] readRows(JsonCursor cursor) throws IOException {
    String name = "token_log_likelihoods";
    cursor.requireArray(name, "an array of rows");
    List<double[]> rows = new ArrayList<>();
    for (int j = 0; cursor.nextElement(); j++) {
      double[] row = readRow(cursor, name + "[" + j + "]");
      if (j > 0 && row.length != rows.get(0).length) {
        throw Rules.rowLength(name + "[" + j + "]", row.length, "N (the length of row 0)",
            rows.get(0).length);
      }
      rows.add(row);
    }
    return rows.toArray(new double[0][]);
  }
}
