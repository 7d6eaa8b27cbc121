package org.pgbarrier.io.config;

import org.pgbarrier.io.InputException;

/**
 * An experiment config that cannot be run as written: malformed or truncated YAML, a document
 * that is not a mapping, an unknown, duplicate or missing key, a value of the wrong type or out of
 * range, an unknown {@code _target_}, a bad interpolation or a bad command-line override.
 *
 * <p>The message is always one line, {@code <where>: <key.path> = <value>: <rule>}, where {@code
 * <where>} is {@code <source>:<line>} for a value written in the file and {@code override <text>}
 * for one given on the command line, e.g. {@code configs/outcome_reward.yaml:33:
 * experiment.pg.baseline = fasle: must be a boolean (true or false)}. Callers print it as it is.
 */
public final class ConfigException extends InputException {
  private static final long serialVersionUID = 1L;

  ConfigException(String message) {
    super(message.replaceAll("\\s*\\R\\s*", " ").strip());
  }

  /** {@code <where>: <path> = <value>: <rule>}. */
  static ConfigException at(Origin origin, String path, String shown, String rule) {
    return new ConfigException(origin.where() + ": " + path + " = " + shown + ": " + rule);
  }

  /** {@code <where>: <text>}, for errors that concern no single key. */
  static ConfigException at(Origin origin, String text) {
    return new ConfigException(origin.where() + ": " + text);
  }
}
