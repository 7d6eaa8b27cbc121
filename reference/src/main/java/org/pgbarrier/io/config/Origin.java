package org.pgbarrier.io.config;

/**
 * Where a value of a config comes from, as the {@code <where>} of a {@link ConfigException}
 * message: {@code <source>:<line>} (1-based) for the file, {@code override <text>} for a
 * command-line override.
 */
record Origin(String where) {
  static Origin line(String source, int line) {
    return new Origin(source + ":" + line);
  }

  static Origin override(String text) {
    return new Origin("override " + text);
  }
}
