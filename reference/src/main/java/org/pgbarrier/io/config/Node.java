package org.pgbarrier.io.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML document as a tree that keeps, for every value, where it was written. Scalars are
 * typed by {@link Scalars}; mappings keep their keys in document order.
 */
sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {
  /** Where the value starts. */
  Origin origin();

  /** The value as shown in a message: one line, at most {@value #SHOWN_LENGTH} characters. */
  String shown();

  /** The longest value shown in a message. */
  int SHOWN_LENGTH = 60;

  /** The plain Java value: {@code null}, Boolean, Long, BigInteger, Double, String, Map, List. */
  Object plain();

  /**
   * A scalar.
   *
   * @param value its typed value: {@code null}, Boolean, Long, BigInteger, Double or String
   * @param text its text as written (for an interpolated scalar, the text of the referenced one)
   * @param reference the {@code ${...}} text it was interpolated from, or {@code null}
   * @param origin where it was written
   */
  record Scalar(Object value, String text, String reference, Origin origin) implements Node {
    Scalar(Object value, String text, Origin origin) {
      this(value, text, null, origin);
    }

    @Override
    public String shown() {
      String literal = clip(text.isEmpty() ? "(empty)" : text);
      return reference == null ? literal : clip(reference) + " (= " + literal + ")";
    }

    @Override
    public Object plain() {
      return value;
    }
  }

  /** A key of a mapping with where the key was written, and its value. */
  record Member(String key, Origin keyOrigin, Node value) {}

  /** A mapping, in document order; mutable only while overrides are applied. */
  final class Mapping implements Node {
    private final Origin origin;
    private final LinkedHashMap<String, Member> members = new LinkedHashMap<>();

    Mapping(Origin origin) {
      this.origin = origin;
    }

    @Override
    public Origin origin() {
      return origin;
    }

    Member member(String key) {
      return members.get(key);
    }

    Map<String, Member> members() {
      return Collections.unmodifiableMap(members);
    }

    void put(Member member) {
      members.put(member.key(), member);
    }

    void remove(String key) {
      members.remove(key);
    }

    @Override
    public String shown() {
      return members.isEmpty() ? "{}" : "{" + clip(String.join(", ", members.keySet())) + "}";
    }

    @Override
    public Object plain() {
      Map<String, Object> out = new LinkedHashMap<>();
      members.forEach((k, m) -> out.put(k, m.value().plain()));
      return Collections.unmodifiableMap(out);
    }
  }

  /** A sequence. */
  record Sequence(List<Node> items, Origin origin) implements Node {
    @Override
    public String shown() {
      return "[" + (items.isEmpty() ? "" : "...") + "]";
    }

    @Override
    public Object plain() {
      List<Object> out = new ArrayList<>();
      items.forEach(n -> out.add(n.plain()));
      return Collections.unmodifiableList(out);
    }
  }

  /** Folds line breaks and tabs and cuts a long text to {@value #SHOWN_LENGTH} characters. */
  static String clip(String text) {
    String one = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    return one.length() <= SHOWN_LENGTH ? one : one.substring(0, SHOWN_LENGTH - 3) + "...";
  }
}
