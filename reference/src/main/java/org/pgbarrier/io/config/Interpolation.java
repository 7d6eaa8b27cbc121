package org.pgbarrier.io.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OmegaConf-style interpolation [CODE: utils/config.py calls {@code OmegaConf.resolve}]: a string
 * that is exactly {@code ${a.b.c}} takes the value of the key {@code a.b.c} of the same config,
 * with its type ({@code k: ${global.k}} is the integer 32); a string that contains {@code ${a.b.c}}
 * among other text gets the referenced scalar's text spliced in ({@code
 * lik_${experiment.reward_type}.pdf}). References are absolute dotted paths into the document as
 * overridden; they may chain; cycles, missing keys, references to a mapping or list inside a
 * longer string, resolvers ({@code ${oc.env:X}}) and relative paths ({@code ${.x}}) are refused.
 */
final class Interpolation {
  /** The longest string an interpolation may build. */
  static final int MAX_LENGTH = 10_000;

  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private final Node.Mapping root;
  /** The paths being resolved, innermost last, to detect cycles. */
  private final Set<String> resolving = new LinkedHashSet<>();
  /** The resolved interpolated scalars by path, so that each is resolved once. */
  private final Map<String, Node> resolved = new HashMap<>();

  private Interpolation(Node.Mapping root) {
    this.root = root;
  }

  /** A copy of {@code root} with every interpolation resolved. */
  static Node.Mapping resolve(Node.Mapping root) {
    return (Node.Mapping) new Interpolation(root).node(root, "");
  }

  private Node node(Node node, String path) {
    if (node instanceof Node.Scalar s) {
      if (!(s.value() instanceof String text && text.contains("${"))) {
        return s;
      }
      Node done = resolved.get(path);
      if (done == null) {
        done = scalar(s, text, path);
        resolved.put(path, done);
      }
      return done;
    }
    if (node instanceof Node.Sequence q) {
      List<Node> items = new ArrayList<>();
      for (Node item : q.items()) {
        items.add(node(item, path + "[" + items.size() + "]"));
      }
      return new Node.Sequence(List.copyOf(items), q.origin());
    }
    Node.Mapping m = (Node.Mapping) node;
    Node.Mapping out = new Node.Mapping(m.origin());
    for (Node.Member e : m.members().values()) {
      String at = path.isEmpty() ? e.key() : path + "." + e.key();
      out.put(new Node.Member(e.key(), e.keyOrigin(), node(e.value(), at)));
    }
    return out;
  }

  private Node scalar(Node.Scalar s, String text, String path) {
    if (!resolving.add(path)) {
      throw ConfigException.at(s.origin(), path, s.shown(),
          "interpolation cycle: " + String.join(" -> ", resolving) + " -> " + path);
    }
    try {
      int open = text.indexOf("${");
      int close = text.indexOf('}', open);
      if (open == 0 && close == text.length() - 1) {
        Node target = target(s, text.substring(2, close), path);
        if (!(target instanceof Node.Scalar t)) {
          return target;
        }
        return new Node.Scalar(t.value(), t.text(), text, s.origin());
      }
      StringBuilder out = new StringBuilder();
      int from = 0;
      while (open >= 0) {
        close = text.indexOf('}', open);
        if (close < 0) {
          throw ConfigException.at(s.origin(), path, s.shown(), "unterminated ${ in the string");
        }
        Node target = target(s, text.substring(open + 2, close), path);
        if (!(target instanceof Node.Scalar t)) {
          throw ConfigException.at(s.origin(), path, s.shown(),
              "interpolation " + text.substring(open, close + 1)
                  + " names a mapping or list, which cannot be spliced into a string");
        }
        out.append(text, from, open).append(splice(t));
        if (out.length() > MAX_LENGTH) {
          throw ConfigException.at(s.origin(), path, s.shown(),
              "interpolation builds a string longer than " + MAX_LENGTH + " characters");
        }
        from = close + 1;
        open = text.indexOf("${", from);
      }
      out.append(text.substring(from));
      return new Node.Scalar(out.toString(), out.toString(), text, s.origin());
    } finally {
      resolving.remove(path);
    }
  }

  /** The resolved node at {@code reference}, an absolute dotted path. */
  private Node target(Node.Scalar s, String reference, String path) {
    if (!PATH.matcher(reference).matches()) {
      throw ConfigException.at(s.origin(), path, s.shown(), "unsupported interpolation ${"
          + reference + "}: only absolute references such as ${global.k} are supported");
    }
    Node node = root;
    for (String key : reference.split("\\.")) {
      Node.Member member = node instanceof Node.Mapping m ? m.member(key) : null;
      if (member == null) {
        throw ConfigException.at(s.origin(), path, s.shown(),
            "interpolation ${" + reference + "}: no such key in the config");
      }
      node = member.value();
    }
    return node(node, reference);
  }

  /** A scalar as text inside a longer string, as Python's {@code str} would print most values. */
  private static String splice(Node.Scalar t) {
    if (t.value() == null) {
      return "None";
    }
    if (t.value() instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return t.value() instanceof String str ? str : t.text();
  }
}
