package org.pgbarrier.io;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small JSON emitter with a fixed layout, so that equal content gives equal bytes: two-space
 * indentation, {@code "\n"} line ends, one key per line, number arrays on one line, matrices one
 * row per line, every {@code double} as {@link Double#toString(double)} (shortest decimal that
 * reads back to the same double). Non-finite numbers are refused: JSON has none.
 */
public final class JsonText {
  private final StringBuilder out = new StringBuilder();
  private final Deque<Boolean> first = new ArrayDeque<>();
  private String path = "";

  public JsonText() {
    out.append('{');
    first.push(true);
  }

  /** Starts member {@code name} of the current object. */
  private JsonText key(String name) {
    boolean isFirst = first.pop();
    first.push(false);
    out.append(isFirst ? "\n" : ",\n");
    indent(first.size());
    out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(name)).append("\": ");
    path = name;
    return this;
  }

  private void indent(int depth) {
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  public JsonText object(String name) {
    key(name);
    out.append('{');
    first.push(true);
    return this;
  }

  public JsonText end() {
    boolean empty = first.pop();
    if (!empty) {
      out.append('\n');
      indent(first.size());
    }
    out.append('}');
    return this;
  }

  public JsonText string(String name, String value) {
    key(name);
    out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
    return this;
  }

  public JsonText number(String name, double value) {
    key(name);
    out.append(format(value));
    return this;
  }

  public JsonText integer(String name, long value) {
    key(name);
    out.append(value);
    return this;
  }

  public JsonText bool(String name, boolean value) {
    key(name);
    out.append(value);
    return this;
  }

  public JsonText doubles(String name, double[] values) {
    key(name);
    row(values);
    return this;
  }

  public JsonText ints(String name, int[] values) {
    key(name);
    out.append('[');
    for (int j = 0; j < values.length; j++) {
      out.append(j == 0 ? "" : ", ").append(values[j]);
    }
    out.append(']');
    return this;
  }

  public JsonText longs(String name, long[] values) {
    key(name);
    out.append('[');
    for (int j = 0; j < values.length; j++) {
      out.append(j == 0 ? "" : ", ").append(values[j]);
    }
    out.append(']');
    return this;
  }

  /** A matrix, one row per line. */
  public JsonText matrix(String name, double[][] rows) {
    key(name);
    out.append('[');
    for (int r = 0; r < rows.length; r++) {
      out.append(r == 0 ? "\n" : ",\n");
      indent(first.size() + 1);
      row(rows[r]);
    }
    if (rows.length > 0) {
      out.append('\n');
      indent(first.size());
    }
    out.append(']');
    return this;
  }

  private void row(double[] values) {
    out.append('[');
    for (int j = 0; j < values.length; j++) {
      out.append(j == 0 ? "" : ", ").append(format(values[j]));
    }
    out.append(']');
  }

  private String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException(path + " holds " + value + ": JSON has no non-finite number");
    }
    return Double.toString(value);
  }

  /** The document, closed, with a final newline. */
  public String close() {
    while (!first.isEmpty()) {
      end();
    }
    return out.append('\n').toString();
  }
}
