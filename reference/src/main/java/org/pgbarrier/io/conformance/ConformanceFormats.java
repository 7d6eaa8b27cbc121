package org.pgbarrier.io.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.JsonCursor;

/**
 * The input formats {@code pgbarrier eval} reads (docs/conformance.md), told apart by the value
 * of the top-level {@code format} key.
 */
public final class ConformanceFormats {
  /** Every input format, each with its output format. */
  public static final List<String> INPUTS =
      List.of(BigramInput.FORMAT, LqInput.FORMAT, PgStepInput.FORMAT);

  private ConformanceFormats() {}

  /**
   * The value of the top-level {@code "format"} key of {@code file} when it is one of {@link
   * #INPUTS}, else {@link BigramInput#FORMAT}: a file that is missing, malformed, lacks the key or
   * names another format is left to the bigram-v1 reader, whose messages name the problem (an
   * unknown format is refused as {@code format = "...": must be one of ...}).
   */
  public static String formatOf(Path file) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return BigramInput.FORMAT;
    }
    String named;
    try (JsonCursor cursor = JsonCursor.open(file)) {
      named = topLevelFormat(cursor);
    } catch (IOException | InputException e) {
      return BigramInput.FORMAT;
    }
    if (named == null || INPUTS.contains(named)) {
      return named == null ? BigramInput.FORMAT : named;
    }
    throw new InputException("format = " + JsonCursor.quote(named) + ": must be one of \""
        + String.join("\", \"", INPUTS) + "\"");
  }

  /** The string value of the top-level format key, or null. */
  private static String topLevelFormat(JsonCursor cursor) throws IOException {
    cursor.startObject();
    while (cursor.nextKey()) {
      if (cursor.key().equals("format")) {
        return cursor.readString("format", "must be a string");
      }
      cursor.skip();
    }
    return null;
  }
}
