package org.pgbarrier.io.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads YAML text into a {@link Node} tree with the line of every key and value, from SnakeYAML's
 * event stream (so that nothing is constructed before it is checked). Refuses, as a {@link
 * ConfigException}: malformed or truncated YAML (with SnakeYAML's line and problem), more than one
 * document, duplicate keys, keys that are not scalars, explicit tags ({@code !!str}), anchors and
 * aliases.
 */
final class YamlTree {
  /**
   * The deepest nesting of mappings and sequences a config may have (the authors' configs reach
   * 4): reading recurses on the depth, so a deeper input is refused rather than overflowing the
   * stack.
   */
  static final int MAX_DEPTH = 64;

  private final String source;
  /** The origin of every node of an override's value; {@code null} for a file. */
  private final Origin fixed;
  private final Iterator<Event> events;

  private YamlTree(String source, Origin fixed, String text) {
    this.source = source;
    this.fixed = fixed;
    this.events = new Yaml(new LoaderOptions()).parse(new StringReader(text)).iterator();
  }

  /**
   * The one document of a file, which must be a mapping.
   *
   * @param rule what the document must be, for the messages
   */
  static Node.Mapping document(String text, String source, String rule) {
    Node node = new YamlTree(source, null, text).read();
    if (node == null) {
      throw ConfigException.at(Origin.line(source, 1), "(document)", "(empty)", rule);
    }
    if (!(node instanceof Node.Mapping mapping)) {
      throw ConfigException.at(node.origin(), "(document)", node.shown(), rule);
    }
    return mapping;
  }

  /**
   * The value of an override, read as a one-line YAML document: usually a scalar, also a flow
   * mapping or sequence; an empty text is the null scalar. Every node gets {@code origin}.
   *
   * @param path the overridden key, for messages
   */
  static Node value(String text, String path, Origin origin) {
    Node node = new YamlTree(origin.where(), origin, text).read(path);
    return node == null ? new Node.Scalar(null, "", origin) : node;
  }

  private Node read() {
    return read("");
  }

  /** The node of a stream of at most one document, {@code null} for an empty stream. */
  private Node read(String path) {
    try {
      expect(Event.ID.StreamStart);
      Event event = events.next();
      if (event.is(Event.ID.StreamEnd)) {
        return null;
      }
      Node node = node(events.next(), path, 0);
      expect(Event.ID.DocumentEnd);
      Event end = events.next();
      if (!end.is(Event.ID.StreamEnd)) {
        throw ConfigException.at(origin(end),
            "a second YAML document: a config is one document (remove the '---')");
      }
      return node;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      Origin origin = fixed != null ? fixed
          : Origin.line(source, mark == null ? 1 : mark.getLine() + 1);
      throw ConfigException.at(origin, "malformed YAML: " + problem);
    } catch (YAMLException e) {
      throw ConfigException.at(fixed != null ? fixed : Origin.line(source, 1),
          "malformed YAML: " + e.getMessage());
    }
  }

  private void expect(Event.ID id) {
    Event event = events.next();
    if (!event.is(id)) {
      throw ConfigException.at(origin(event), "malformed YAML: unexpected " + event.getEventId());
    }
  }

  private Node node(Event event, String path, int depth) {
    Origin origin = origin(event);
    String where = path.isEmpty() ? "(document)" : path;
    if (depth == MAX_DEPTH && event instanceof CollectionStartEvent) {
      throw ConfigException.at(origin, Node.clip(where),
          event.is(Event.ID.SequenceStart) ? "[...]" : "{...}",
          "nested deeper than " + MAX_DEPTH + " levels: a config is at most " + MAX_DEPTH
              + " levels deep");
    }
    if (event.is(Event.ID.Alias)) {
      throw ConfigException.at(origin, where, "*" + Node.clip(((NodeEvent) event).getAnchor()),
          "YAML aliases are not supported: write the value");
    }
    String anchor = ((NodeEvent) event).getAnchor();
    if (anchor != null) {
      throw ConfigException.at(origin, where, "&" + Node.clip(anchor),
          "YAML anchors are not supported: write the value");
    }
    if (event instanceof ScalarEvent scalar) {
      if (scalar.getTag() != null) {
        throw ConfigException.at(origin, where, Node.clip(scalar.getTag() + " "
            + scalar.getValue()), "explicit YAML tags are not supported: write the plain value");
      }
      return new Node.Scalar(Scalars.type(scalar.getValue(), scalar.isPlain()),
          scalar.getValue(), origin);
    }
    String tag = ((CollectionStartEvent) event).getTag();
    if (tag != null) {
      throw ConfigException.at(origin, where, Node.clip(tag),
          "explicit YAML tags are not supported");
    }
    if (event.is(Event.ID.SequenceStart)) {
      List<Node> items = new ArrayList<>();
      for (Event next = events.next(); !next.is(Event.ID.SequenceEnd); next = events.next()) {
        items.add(node(next, where + "[" + items.size() + "]", depth + 1));
      }
      return new Node.Sequence(List.copyOf(items), origin);
    }
    Node.Mapping mapping = new Node.Mapping(origin);
    for (Event next = events.next(); !next.is(Event.ID.MappingEnd); next = events.next()) {
      Origin keyOrigin = origin(next);
      if (!(next instanceof ScalarEvent key) || key.getTag() != null
          || key.getAnchor() != null) {
        throw ConfigException.at(keyOrigin, where, mapping.shown(),
            "a key must be a plain name, not a collection, tag or anchor");
      }
      String keyPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
      Node value = node(events.next(), keyPath, depth + 1);
      Node.Member first = mapping.member(key.getValue());
      if (first != null) {
        throw ConfigException.at(keyOrigin, Node.clip(keyPath), value.shown(),
            "duplicate key (first at " + first.keyOrigin().where() + ")");
      }
      mapping.put(new Node.Member(key.getValue(), keyOrigin, value));
    }
    return mapping;
  }

  private Origin origin(Event event) {
    return fixed != null ? fixed : Origin.line(source, event.getStartMark().getLine() + 1);
  }
}
