package org.pgbarrier.io.config;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One mapping of the config being bound, with its dotted path and the line of its key: typed,
 * strict accessors whose every failure is a one-line {@link ConfigException} naming the key path,
 * the value as written, the line and the rule.
 */
final class Block {
  private final String path;
  private final Origin origin;
  private final Node.Mapping mapping;

  /**
   * @param path the dotted path of the mapping, {@code ""} for the document
   * @param origin where its key was written (the document's first line for the document)
   */
  Block(String path, Origin origin, Node.Mapping mapping) {
    this.path = path;
    this.origin = origin;
    this.mapping = mapping;
  }

  /** The dotted path of {@code key} in this mapping. */
  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return mapping.member(key) != null;
  }

  /** Refuses the first key, in document order, that is not in {@code allowed}. */
  void allowOnly(Collection<String> allowed) {
    for (Node.Member member : mapping.members().values()) {
      if (!allowed.contains(member.key())) {
        throw ConfigException.at(member.keyOrigin(), Node.clip(path(member.key())),
            member.value().shown(),
            "unknown key; expected one of " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** {@code <where>: <path>: required key is missing}, at the line of this mapping's key. */
  ConfigException missing(String key, String why) {
    return ConfigException.at(origin, path(key) + ": required key is missing" + why);
  }

  /** {@code <where of the value>: <path> = <value>: <rule>}. */
  ConfigException invalid(String key, String rule) {
    Node value = mapping.member(key).value();
    return ConfigException.at(value.origin(), path(key), value.shown(), rule);
  }

  private Node node(String key) {
    Node.Member member = mapping.member(key);
    if (member == null) {
      throw missing(key, "");
    }
    return member.value();
  }

  private Object scalar(String key, String expected) {
    Node node = node(key);
    if (!(node instanceof Node.Scalar s)) {
      throw invalid(key, "must be " + expected + ", not a " + (node instanceof Node.Mapping
          ? "mapping" : "list"));
    }
    if (s.value() == null) {
      throw invalid(key, "must be " + expected + ", not null");
    }
    return s.value();
  }

  /** A required 32-bit integer. */
  int integer(String key) {
    long value = longInteger(key, "an integer");
    if (value != (int) value) {
      throw invalid(key, "must be an integer in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE
          + "]");
    }
    return (int) value;
  }

  /** An optional 32-bit integer, {@code fallback} when the key is absent. */
  int integer(String key, int fallback) {
    return has(key) ? integer(key) : fallback;
  }

  /** A required 64-bit integer. */
  long longInteger(String key) {
    return longInteger(key, "an integer");
  }

  private long longInteger(String key, String expected) {
    Object value = scalar(key, expected);
    if (value instanceof BigInteger) {
      throw invalid(key, "must be an integer in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]");
    }
    if (!(value instanceof Long l)) {
      throw invalid(key, "must be " + expected + ", not " + Scalars.kind(value));
    }
    return l;
  }

  /** A required number: an integer or a float. */
  double number(String key) {
    Object value = scalar(key, "a number");
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof BigInteger b) {
      return b.doubleValue();
    }
    if (!(value instanceof Double d)) {
      throw invalid(key, "must be a number, not " + Scalars.kind(value));
    }
    return d;
  }

  /** An optional number, {@code fallback} when the key is absent. */
  double number(String key, double fallback) {
    return has(key) ? number(key) : fallback;
  }

  /** A required boolean: {@code true} or {@code false}, nothing else. */
  boolean bool(String key) {
    Object value = scalar(key, "a boolean (true or false)");
    if (!(value instanceof Boolean b)) {
      throw invalid(key, "must be a boolean (true or false), not " + Scalars.kind(value));
    }
    return b;
  }

  /** An optional boolean, {@code fallback} when the key is absent. */
  boolean bool(String key, boolean fallback) {
    return has(key) ? bool(key) : fallback;
  }

  /** A required string. */
  String string(String key) {
    Object value = scalar(key, "a string");
    if (!(value instanceof String s)) {
      throw invalid(key, "must be a string, not " + Scalars.kind(value));
    }
    return s;
  }

  /** A required string that names one of {@code choices}, mapped to its value. */
  <E> E choice(String key, Map<String, E> choices) {
    Object value = scalar(key, "a string");
    E choice = value instanceof String s ? choices.get(s) : null;
    if (choice == null) {
      throw invalid(key, "must be one of " + String.join(", ", choices.keySet()));
    }
    return choice;
  }

  /** An optional choice, {@code fallback} when the key is absent. */
  <E> E choice(String key, Map<String, E> choices, E fallback) {
    return has(key) ? choice(key, choices) : fallback;
  }

  /** A required mapping. */
  Block block(String key) {
    Node node = node(key);
    if (!(node instanceof Node.Mapping m)) {
      throw invalid(key, "must be a mapping (an indented block of keys), not " + (node
          instanceof Node.Scalar s ? Scalars.kind(s.value()) : "a list"));
    }
    return new Block(path(key), mapping.member(key).keyOrigin(), m);
  }

  /**
   * Calls a settings record's constructor and turns its {@link IllegalArgumentException} ({@code
   * name = value: rule}, see {@link org.pgbarrier.Checks}) into a {@link ConfigException} at the
   * key {@code name} of this mapping, or at this mapping when the value was a default.
   *
   * @param keys the key of this mapping behind each constructor parameter name that differs
   */
  <T> T build(Supplier<T> constructor, Map<String, String> keys) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int eq = message.indexOf(" = ");
      int colon = eq < 0 ? -1 : message.indexOf(": ", eq);
      if (colon < 0) {
        throw ConfigException.at(origin, path.isEmpty() ? message : path + ": " + message);
      }
      String name = message.substring(0, eq);
      String key = keys.getOrDefault(name, name);
      String rule = message.substring(colon + 2);
      if (has(key)) {
        throw invalid(key, rule);
      }
      throw ConfigException.at(origin, path(key), message.substring(eq + 3, colon)
          + " (the default)", rule);
    }
  }

  <T> T build(Supplier<T> constructor) {
    return build(constructor, Map.of());
  }
}
