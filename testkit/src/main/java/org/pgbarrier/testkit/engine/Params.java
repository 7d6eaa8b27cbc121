package org.pgbarrier.testkit.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The integer and real parameters of one generated case, in declaration order, printable as
 * {@code k=3,N=2,gamma=0.25} and parseable back (the replay format).
 */
public final class Params {
  private final Map<String, Number> values;

  Params(Map<String, Number> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The integer parameter {@code name}. */
  public int integer(String name) {
    return value(name).intValue();
  }

  /** The real parameter {@code name}. */
  public double real(String name) {
    return value(name).doubleValue();
  }

  private Number value(String name) {
    Number n = values.get(name);
    if (n == null) {
      throw new IllegalArgumentException("parameter " + name + " is not in " + values.keySet());
    }
    return n;
  }

  Map<String, Number> asMap() {
    return values;
  }

  Params with(String name, Number value) {
    Map<String, Number> copy = new LinkedHashMap<>(values);
    copy.put(name, value);
    return new Params(copy);
  }

  /** Parses {@code k=3,N=2,gamma=0.25}; integers stay integers. */
  static Params parse(String text) {
    Map<String, Number> values = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("replay parameter '" + pair + "': must be name=value");
      }
      String v = kv[1].trim();
      values.put(kv[0].trim(), v.matches("-?\\d+") ? (Number) Integer.valueOf(v) : Double.valueOf(v));
    }
    return new Params(values);
  }

  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(",");
    values.forEach((k, v) -> joiner.add(k + "=" + v));
    return joiner.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params p && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }
}
