package org.pgbarrier.io.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.JsonCursor;
import org.pgbarrier.io.Rules;

/**
 * The strict reader of {@code pgbarrier/bigram-v1} files (docs/conformance.md).
 *
 * <p>It reads the file twice with a streaming parser. The first pass checks the JSON syntax of
 * the whole file, the keys (none missing, unknown or duplicated), {@code format}, {@code d}, {@code
 * k}, {@code N} and the row counts of {@code W1}, {@code W2}, {@code x} and {@code y}, and then
 * refuses inputs whose evaluation would not fit in the heap ({@link
 * BigramEvaluator#requiredBytes}), all before any array is allocated. The second pass reads the
 * numbers into arrays of the declared shapes, checking every row length, type, finiteness and
 * token id as it goes. Every refusal is an {@link InputException} naming the field.
 */
public final class BigramInputReader {
  /** The keys of a {@code pgbarrier/bigram-v1} object, all required. */
  public static final List<String> KEYS = List.of("format", "d", "k", "N", "W1", "W2", "x", "y");

  private static final double GIB = 1024.0 * 1024.0 * 1024.0;

  private BigramInputReader() {}

  /** Reads {@code file} with the JVM's maximum heap as the memory budget. */
  public static BigramInput read(Path file) throws IOException {
    return read(file, Runtime.getRuntime().maxMemory());
  }

  /**
   * Reads and validates {@code file}, refusing it if its evaluation is estimated to need more
   * than {@code heapBytes}.
   *
   * @throws InputException if the file is missing, unreadable as a regular file, or breaks the
   *     format
   * @throws IOException if reading fails for another reason
   */
  public static BigramInput read(Path file, long heapBytes) throws IOException {
    return read(file, heapBytes, null);
  }

  /**
   * The keys, checks and values of a format that extends {@code pgbarrier/bigram-v1} with more
   * top-level keys (docs/conformance.md §7): its own {@code format} value, its extra keys (all
   * required), their share of the heap estimate, and the reading of their values in the second
   * pass, once the sizes are known.
   */
  interface Extension {
    String format();

    List<String> keys();

    double extraBytes(int d, int k, int length, int batch);

    void read(String key, JsonCursor cursor, int d, int k, int length, int batch)
        throws IOException;
  }

  /** {@link #read(Path, long)} for a format extending bigram-v1 ({@code null}: none). */
  static BigramInput read(Path file, long heapBytes, Extension extension) throws IOException {
    Rules.requireReadable(file);
    try {
      Header header;
      try (JsonCursor cursor = JsonCursor.open(file)) {
        header = scan(cursor, extension);
      }
      header.requireFits(heapBytes, extension);
      try (JsonCursor cursor = JsonCursor.open(file)) {
        return readArrays(cursor, header, extension);
      }
    } catch (JsonProcessingException e) {
      throw new InputException(JsonCursor.syntaxMessage(e), e);
    }
  }

  private static List<String> keys(Extension extension) {
    if (extension == null) {
      return KEYS;
    }
    List<String> all = new ArrayList<>(KEYS);
    all.addAll(extension.keys());
    return all;
  }

  /** The sizes declared by the scalars and the row count of {@code x}. */
  private record Header(int d, int k, int length, int batch) {
    void requireFits(long heapBytes, Extension extension) {
      double bytes = BigramEvaluator.requiredBytes(d, k, length, batch)
          + (extension == null ? 0 : extension.extraBytes(d, k, length, batch));
      if (bytes > heapBytes) {
        throw new InputException(String.format(Locale.ROOT,
            "d = %d, k = %d, N = %d, B = %d: evaluation needs an estimated %.2f GiB of heap,"
                + " more than the %.2f GiB available (raise it with java -Xmx)",
            d, k, length, batch, bytes / GIB, heapBytes / GIB));
      }
    }
  }

  private static Header scan(JsonCursor cursor, Extension extension) throws IOException {
    List<String> keys = keys(extension);
    String format = extension == null ? BigramInput.FORMAT : extension.format();
    cursor.startObject();
    Set<String> seen = new HashSet<>();
    int d = 0;
    int k = 0;
    int length = 0;
    int w1Rows = 0;
    int w2Rows = 0;
    int xRows = 0;
    int yRows = 0;
    while (cursor.nextKey()) {
      String key = cursor.key();
      switch (key) {
        case "format" -> cursor.requireString("format", format);
        case "d" -> d = cursor.readInt("d");
        case "k" -> k = cursor.readInt("k");
        case "N" -> length = cursor.readInt("N");
        case "W1" -> w1Rows = countRows(cursor, "W1", "an array of numbers");
        case "W2" -> w2Rows = countRows(cursor, "W2", "an array of numbers");
        case "x" -> xRows = countRows(cursor, "x", "an array of numbers");
        case "y" -> yRows = countRows(cursor, "y", "an array of token ids");
        default -> {
          if (!keys.contains(key)) {
            throw new InputException("unknown key " + JsonCursor.quote(key)
                + ": must be one of " + String.join(", ", keys));
          }
          cursor.skip();
        }
      }
      seen.add(key);
    }
    cursor.requireEnd();
    for (String key : keys) {
      if (!seen.contains(key)) {
        throw new InputException("missing key \"" + key + "\": a " + format
            + " object needs all of " + String.join(", ", keys));
      }
    }
    Rules.sizes(d, k, length, xRows);
    if (w1Rows != d) {
      throw Rules.rowCount("W1", w1Rows, "d", d);
    }
    if (w2Rows != k) {
      throw Rules.rowCount("W2", w2Rows, "k", k);
    }
    if (yRows != xRows) {
      throw Rules.rowCount("y", yRows, "B (the rows of x)", xRows);
    }
    return new Header(d, k, length, xRows);
  }

  private static int countRows(JsonCursor cursor, String name, String rowRule)
      throws IOException {
    cursor.requireArray(name, "an array of rows");
    int rows = 0;
    while (cursor.nextElement()) {
      cursor.requireArray(name + "[" + rows + "]", rowRule);
      cursor.skip();
      rows++;
    }
    return rows;
  }

  private static BigramInput readArrays(JsonCursor cursor, Header h, Extension extension)
      throws IOException {
    cursor.startObject();
    double[][] w1 = null;
    double[][] w2 = null;
    double[][] x = null;
    int[][] y = null;
    while (cursor.nextKey()) {
      switch (cursor.key()) {
        case "W1" -> w1 = readMatrix(cursor, "W1", h.d(), "d", h.k(), "k");
        case "W2" -> w2 = readMatrix(cursor, "W2", h.k(), "k", h.k(), "k");
        case "x" -> x = readMatrix(cursor, "x", h.batch(), "B", h.d(), "d");
        case "y" -> y = readTokens(cursor, h);
        case "format", "d", "k", "N" -> cursor.skip();
        default -> {
          if (extension == null) {
            cursor.skip();
          } else {
            extension.read(cursor.key(), cursor, h.d(), h.k(), h.length(), h.batch());
          }
        }
      }
    }
    if (w1 == null || w2 == null || x == null || y == null) {
      throw new InputException("the file changed while it was being read");
    }
    return new BigramInput(h.d(), h.k(), h.length(), w1, w2, x, y);
  }

  static double[][] readMatrix(
      JsonCursor cursor, String name, int rows, String rowsName, int cols, String colsName)
      throws IOException {
    cursor.requireArray(name, "an array of rows");
    double[][] m = new double[rows][cols];
    int r = 0;
    for (; cursor.nextElement(); r++) {
      if (r >= rows) {
        cursor.skip();
        continue;
      }
      String path = name + "[" + r + "]";
      cursor.requireArray(path, "an array of numbers");
      int c = 0;
      for (; cursor.nextElement(); c++) {
        if (c < cols) {
          m[r][c] = cursor.readDouble(name, r, c);
        } else {
          cursor.skip();
        }
      }
      if (c != cols) {
        throw Rules.rowLength(path, c, colsName, cols);
      }
    }
    if (r != rows) {
      throw Rules.rowCount(name, r, rowsName, rows);
    }
    return m;
  }

  private static int[][] readTokens(JsonCursor cursor, Header h) throws IOException {
    cursor.requireArray("y", "an array of rows");
    int[][] y = new int[h.batch()][h.length()];
    int b = 0;
    for (; cursor.nextElement(); b++) {
      if (b >= h.batch()) {
        cursor.skip();
        continue;
      }
      String path = "y[" + b + "]";
      cursor.requireArray(path, "an array of token ids");
      int i = 0;
      for (; cursor.nextElement(); i++) {
        if (i < h.length()) {
          y[b][i] = cursor.readToken("y", b, i, h.k());
        } else {
          cursor.skip();
        }
      }
      if (i != h.length()) {
        throw Rules.rowLength(path, i, "N", h.length());
      }
    }
    if (b != h.batch()) {
      throw Rules.rowCount("y", b, "B (the rows of x)", h.batch());
    }
    return y;
  }
}
