package org.pgbarrier.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per phase, in seconds, in the order the phases ran. Written apart from everything
 * else ({@code timings.json}), since it is the only output that differs between two runs with the
 * same settings.
 *
 * @param seconds phase name to seconds
 */
public record Timings(Map<String, Double> seconds) {
  public Timings {
    seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
  }

  /** No timing (a result read back without its {@code timings.json}). */
  public static Timings none() {
    return new Timings(Map.of());
  }
}
