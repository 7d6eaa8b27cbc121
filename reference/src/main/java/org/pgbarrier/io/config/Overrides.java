package org.pgbarrier.io.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hydra-style command-line overrides, applied to the tree before interpolation (as Hydra does):
 *
 * <ul>
 *   <li>{@code a.b.c=value}: sets the key, creating it (and missing parent mappings) if absent;
 *       a key the schema does not know is then refused by the binder like one written in the file;
 *   <li>{@code +a.b.c=value}: adds the key, refused if it is already set;
 *   <li>{@code ++a.b.c=value}: adds the key or overrides it (Hydra's force-add), the same as
 *       {@code a.b.c=value} here, since a plain override already creates a missing key;
 *   <li>{@code ~a.b.c}: removes the key (its default then applies), refused if it is not set.
 * </ul>
 *
 * <p>The value is read as YAML (a scalar such as {@code 0.5}, {@code true}, {@code 'text'} or
 * {@code ${global.k}}, or a flow mapping such as {@code {_target_: OnPolicyBehavior}}), with the
 * same typing rules as the file ({@link Scalars}).
 */
final class Overrides {
  private static final Pattern FORM =
      Pattern.compile("(\\+\\+|[+~]?)([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)(?:=(.*))?",
          Pattern.DOTALL);

  private Overrides() {}

  /** Applies one override to {@code root}. */
  static void apply(Node.Mapping root, String text) {
    Origin origin = Origin.override(text);
    Matcher m = FORM.matcher(text);
    if (!m.matches() || m.group(1).equals("~") == (m.group(3) != null)) {
      throw ConfigException.at(origin, "must be key=value, +key=value, ++key=value or ~key, with a"
          + " dotted key such as experiment.pg.steps");
    }
    String path = m.group(2);
    String[] keys = path.split("\\.");
    Node.Mapping parent = root;
    StringBuilder at = new StringBuilder();
    for (int i = 0; i < keys.length - 1; i++) {
      at.append(i == 0 ? "" : ".").append(keys[i]);
      Node.Member member = parent.member(keys[i]);
      if (member == null) {
        if (m.group(1).equals("~")) {
          throw ConfigException.at(origin, path + ": no such key to remove");
        }
        Node.Mapping created = new Node.Mapping(origin);
        parent.put(new Node.Member(keys[i], origin, created));
        parent = created;
      } else if (member.value() instanceof Node.Mapping next) {
        parent = next;
      } else {
        throw ConfigException.at(origin, at.toString(), member.value().shown(),
            "is not a mapping, so it has no key " + keys[i + 1]);
      }
    }
    String key = keys[keys.length - 1];
    Node.Member existing = parent.member(key);
    switch (m.group(1)) {
      case "~" -> {
        if (existing == null) {
          throw ConfigException.at(origin, path + ": no such key to remove");
        }
        parent.remove(key);
      }
      case "+" -> {
        if (existing != null) {
          throw ConfigException.at(origin, path, existing.value().shown(), "is already set (at "
              + existing.value().origin().where() + "): override it with " + path + "=...");
        }
        parent.put(new Node.Member(key, origin, YamlTree.value(m.group(3), path, origin)));
      }
      default -> parent.put(new Node.Member(key, origin, YamlTree.value(m.group(3), path, origin)));
    }
  }
}
