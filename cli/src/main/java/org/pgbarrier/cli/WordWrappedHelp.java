package org.pgbarrier.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Usage help whose lines break at spaces only. Picocli wraps with {@link
 * java.text.BreakIterator#getLineInstance()}, which also breaks after a full stop or comma
 * before a letter, before an opening parenthesis and after {@code ^} or {@code ?} (everywhere but
 * after a hyphen, which picocli masks): {@code docs/artifacts.md} came out as {@code
 * docs/artifacts.} and {@code md}. Here the synopsis, the description, the option and parameter
 * lists and the command list are laid out in the same columns as picocli's, in a {@link Table}
 * that breaks between words; a word longer than its column is left to picocli.
 */
final class WordWrappedHelp extends Help {
  WordWrappedHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  @Override
  public String description(Object... params) {
    Table table = new Table(colorScheme(), new Column(usage().width(), 0, Overflow.WRAP));
    table.indentWrappedLines = 0;
    for (String line : usage().description()) {
      table.addRowValues(String.format(line, params));
    }
    return table.toString();
  }

  /** Picocli's command list: names in a first column, first description lines in a second. */
  @Override
  public String commandList(Map<String, Help> subcommands) {
    if (subcommands.isEmpty()) {
      return "";
    }
    int width = usage().width();
    int nameWidth = Math.min(subcommands.keySet().stream().mapToInt(String::length).max()
        .orElse(0), width / 2) + 2;
    Table table = new Table(colorScheme(), new Column(nameWidth, 2, Overflow.SPAN),
        new Column(width - nameWidth, 2, Overflow.WRAP));
    for (Help help : subcommands.values()) {
      UsageMessageSpec usage = help.commandSpec().usageMessage();
      String first = usage.header().length > 0 ? usage.header()[0]
          : usage.description().length > 0 ? usage.description()[0] : "";
      Text[] lines = colorScheme().text(String.format(first)).splitLines();
      for (int i = 0; i < lines.length; i++) {
        table.addRowValues(i == 0 ? help.commandNamesText(", ") : colorScheme().text(""), lines[i]);
      }
    }
    return table.toString();
  }

  /** Picocli's five option columns: required marker, short name, comma, long name, description. */
  @Override
  public Layout createDefaultLayout(List<OptionSpec> options,
      List<PositionalParamSpec> positionals, ColorScheme scheme) {
    int longNames = calcLongOptionColumnWidth(options, positionals, scheme);
    Table table = new Table(scheme,
        new Column(2, 0, Overflow.TRUNCATE),
        new Column(2, 0, Overflow.SPAN),
        new Column(1, 0, Overflow.TRUNCATE),
        new Column(longNames, 1, Overflow.SPAN),
        new Column(usage().width() - 5 - longNames, 1, Overflow.WRAP));
    return new Layout(scheme, table, createDefaultOptionRenderer(),
        createDefaultParameterRenderer());
  }

  /**
   * The synopsis, its wrapped lines indented under the first option (picocli's rule: under the
   * heading instead when the command name takes more than the auto-indent share of the width).
   */
  @Override
  protected String insertSynopsisCommandName(int headingLength, Text details) {
    int width = usage().width();
    String name = commandSpec().qualifiedName();
    int indent = headingLength + name.length() + 1;
    if (indent > usage().synopsisAutoIndentThreshold() * width) {
      indent = Math.min(usage().synopsisIndent() < 0 ? headingLength : usage().synopsisIndent(),
          (int) (0.9 * width));
    }
    Table table = new Table(colorScheme(), new Column(width, 0, Overflow.WRAP));
    table.indentWrappedLines = indent;
    Text heading = Ansi.OFF.new Text("X".repeat(headingLength), colorScheme());
    table.addRowValues(heading.concat(colorScheme().commandText(name)).concat(details));
    return table.toString().substring(headingLength);
  }

  private UsageMessageSpec usage() {
    return commandSpec().usageMessage();
  }

  /** A {@link TextTable} whose wrapping columns break lines at spaces only. */
  static final class Table extends TextTable {
    private final ColorScheme scheme;

    Table(ColorScheme scheme, Column... columns) {
      super(scheme, columns);
      this.scheme = scheme;
    }

    /**
     * In a wrapping column, writes the value line by line, each line as many whole words as fit;
     * picocli writes each line, which fits, unbroken.
     */
    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      String plain = value == null ? "" : value.plainString();
      if (column.overflow != Overflow.WRAP || plain.isEmpty()) {
        return super.putValue(row, col, value);
      }
      int start = 0;
      int indent = column.indent;
      while (true) {
        int end = lineEnd(plain, start, column.width - indent);
        Text line = value.substring(start, end);
        Cell cell = super.putValue(row, col, indent == column.indent ? line
            : scheme.text(" ".repeat(indent - column.indent)).concat(line));
        start = end;
        while (start < plain.length() && plain.charAt(start) == ' ') {
          start++;
        }
        if (start == plain.length()) {
          return cell;
        }
        addEmptyRow();
        row = cell.row + 1;
        indent = column.indent + indentWrappedLines;
      }
    }

    /**
     * The end of the line that starts at {@code start}: the last space at which the words before
     * it fit in {@code room} characters, or, when the first word alone is longer, its end.
     */
    private static int lineEnd(String text, int start, int room) {
      if (text.length() - start <= room) {
        return text.length();
      }
      int space = text.lastIndexOf(' ', start + room);
      while (space > start && text.charAt(space - 1) == ' ') {
        space--;
      }
      if (space > start) {
        return space;
      }
      int next = text.indexOf(' ', start);
      return next < 0 ? text.length() : next;
    }
  }
}
