package org.pgbarrier.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grid of a {@code run --multirun} sweep, read from Hydra's multirun override syntax: an
 * override {@code key=a,b,c} (a comma list) or {@code key=range(start,stop[,step])} (integers,
 * {@code stop} excluded, as Python's and Hydra's {@code range}) is an axis of the grid; every other
 * override ({@code key=v}, {@code +key=v}, {@code ~key}) is fixed and applies to every cell. The
 * cells are the product of the axes, in Hydra's order: the first axis outermost, the last one
 * varying fastest. Commas inside {@code {..}}, {@code [..]}, {@code (..)} and quotes do not split
 * ({@code experiment.pg.behavior={_target_: A},{_target_: B}} is an axis of two mappings).
 *
 * @param fixed the overrides applied to every cell, in the order given
 * @param axes the axes, in the order given
 */
record SweepGrid(List<String> fixed, List<Axis> axes) {
  /** The most cells a sweep may have. */
  static final int MAX_CELLS = 100_000;

  private static final Pattern KEY =
      Pattern.compile("(\\+?)([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)=(.*)",
          Pattern.DOTALL);

  private static final Pattern RANGE = Pattern.compile("range\\((.*)\\)", Pattern.DOTALL);

  /** The key that names the sweep directory: never an axis. */
  static final String OUTPUT_DIR = "global.output_dir";

  SweepGrid {
    fixed = List.copyOf(fixed);
    axes = List.copyOf(axes);
  }

  /**
   * One axis: {@code key} (with its {@code +} if it adds the key) and its values as written.
   *
   * @param key the dotted key, {@code +} included when given
   * @param values the values, at least one, all distinct
   */
  record Axis(String key, List<String> values) {
    Axis {
      values = List.copyOf(values);
    }

    /** The key without its {@code +}. */
    String name() {
      return key.startsWith("+") ? key.substring(1) : key;
    }
  }

  /**
   * One cell of the grid.
   *
   * @param index its position in the grid order, from 0
   * @param values its value on each axis, in axis order
   */
  record Cell(int index, List<String> values) {
    Cell {
      values = List.copyOf(values);
    }
  }

  /**
   * Reads the overrides of {@code run --multirun}.
   *
   * @throws UsageException naming the first malformed item, its value and the rule
   */
  static SweepGrid parse(List<String> overrides) {
    List<String> fixed = new ArrayList<>();
    List<Axis> axes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (String item : overrides) {
      Matcher m = KEY.matcher(item);
      if (!m.matches()) {
        fixed.add(item); // ~key, or malformed: the config reader names it
        continue;
      }
      String key = m.group(1) + m.group(2);
      String value = m.group(3);
      List<String> values = values(item, value);
      if (values == null) {
        fixed.add(item);
        continue;
      }
      if (m.group(2).equals(OUTPUT_DIR)) {
        throw bad(item, "global.output_dir names the sweep directory and cannot be swept");
      }
      if (!keys.add(m.group(2))) {
        throw bad(item, m.group(2) + " is swept twice: give all its values in one item");
      }
      axes.add(new Axis(key, values));
    }
    SweepGrid grid = new SweepGrid(fixed, axes);
    long size = 1;
    for (Axis axis : axes) {
      size *= axis.values().size();
      if (size > MAX_CELLS) {
        throw new UsageException("--multirun: the grid has more than " + MAX_CELLS
            + " cells: split the sweep");
      }
    }
    return grid;
  }

  /** The values of an axis item, or {@code null} if {@code value} is a single value. */
  private static List<String> values(String item, String value) {
    Matcher range = RANGE.matcher(value.strip());
    if (range.matches()) {
      return range(item, range.group(1));
    }
    if (value.strip().startsWith("range(")) {
      throw bad(item, "range(start,stop[,step]) must end with ')'");
    }
    List<String> parts = split(item, value);
    if (parts.size() == 1) {
      return null;
    }
    Set<String> seen = new HashSet<>();
    for (String part : parts) {
      if (part.isBlank()) {
        throw bad(item, "an empty value in the comma list: write key=a,b,c");
      }
      if (!seen.add(part.strip())) {
        throw bad(item, "the value " + part.strip() + " is listed twice");
      }
    }
    return parts.stream().map(String::strip).toList();
  }

  /** {@code range(start,stop[,step])}, or {@code range(stop)}: integers, stop excluded. */
  private static List<String> range(String item, String arguments) {
    String[] parts = arguments.split(",", -1);
    if (parts.length > 3) {
      throw bad(item, "range takes start,stop[,step]");
    }
    long[] a = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        a[i] = Long.parseLong(parts[i].strip());
      } catch (NumberFormatException e) {
        throw bad(item, "range(start,stop[,step]) takes integers, not '" + parts[i].strip() + "'");
      }
    }
    long start = parts.length == 1 ? 0 : a[0];
    long stop = parts.length == 1 ? a[0] : a[1];
    long step = parts.length == 3 ? a[2] : 1;
    if (step == 0) {
      throw bad(item, "the step of range must not be 0");
    }
    List<String> values = new ArrayList<>();
    for (long v = start; step > 0 ? v < stop : v > stop; v += step) {
      if (values.size() >= MAX_CELLS) {
        throw bad(item, "more than " + MAX_CELLS + " values");
      }
      values.add(Long.toString(v));
    }
    if (values.isEmpty()) {
      throw bad(item, "the range is empty (stop must be beyond start in the step's direction)");
    }
    return values;
  }

  /** Splits on the commas outside brackets, braces, parentheses and quotes. */
  private static List<String> split(String item, String value) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int from = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '{' || c == '[' || c == '(') {
        depth++;
      } else if (c == '}' || c == ']' || c == ')') {
        depth--;
        if (depth < 0) {
          throw bad(item, "'" + c + "' closes nothing");
        }
      } else if (c == ',' && depth == 0) {
        parts.add(value.substring(from, i));
        from = i + 1;
      }
    }
    if (quote != 0 || depth != 0) {
      throw bad(item, quote != 0 ? "a quote is not closed" : "a bracket is not closed");
    }
    parts.add(value.substring(from));
    return parts;
  }

  private static UsageException bad(String item, String rule) {
    return new UsageException("--multirun " + item + ": " + rule);
  }

  /** The number of cells: the product of the axis lengths (1 without axes). */
  int size() {
    int n = 1;
    for (Axis axis : axes) {
      n *= axis.values().size();
    }
    return n;
  }

  /** The cells in grid order: the first axis outermost, the last one fastest. */
  List<Cell> cells() {
    int n = size();
    List<Cell> cells = new ArrayList<>(n);
    for (int index = 0; index < n; index++) {
      String[] values = new String[axes.size()];
      int rest = index;
      for (int a = axes.size() - 1; a >= 0; a--) {
        List<String> v = axes.get(a).values();
        values[a] = v.get(rest % v.size());
        rest /= v.size();
      }
      cells.add(new Cell(index, List.of(values)));
    }
    return cells;
  }

  /** The overrides of {@code cell}: {@code key=value} per axis, in axis order. */
  List<String> overrides(Cell cell) {
    List<String> out = new ArrayList<>();
    for (int a = 0; a < axes.size(); a++) {
      out.add(axes.get(a).key() + "=" + cell.values().get(a));
    }
    return out;
  }

  /** The id of cell {@code index}: its index, zero-padded to the width of the largest. */
  String id(int index) {
    int width = Integer.toString(Math.max(0, size() - 1)).length();
    return String.format(java.util.Locale.ROOT, "%0" + width + "d", index);
  }

  /** The fixed overrides without those of {@link #OUTPUT_DIR}: they name where, not what. */
  List<String> fixedWithoutOutputDir() {
    return fixed.stream().filter(o -> !isOutputDir(o)).toList();
  }

  static boolean isOutputDir(String override) {
    String s = override.startsWith("+") || override.startsWith("~")
        ? override.substring(1) : override;
    return s.equals(OUTPUT_DIR) || s.startsWith(OUTPUT_DIR + "=");
  }
}
