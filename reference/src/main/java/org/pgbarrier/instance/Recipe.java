package org.pgbarrier.instance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provenance of a generated problem ({@link Instance}, {@code cluster.ClusterFamily}): its
 * family name, the generator's parameters in declaration order (kept as an unmodifiable copy) and
 * the seed, which together regenerate it bit for bit.
 */
public record Recipe(String family, Map<String, Object> parameters, long seed) {
  public Recipe {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** One line: family, parameters and seed. */
  public String describe() {
    return family + " " + parameters + " seed=" + seed;
  }
}
