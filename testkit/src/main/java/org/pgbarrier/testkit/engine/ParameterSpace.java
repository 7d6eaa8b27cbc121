package org.pgbarrier.testkit.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;

/**
 * Named integer and real ranges from which cases are drawn, and toward whose lower ends failing
 * cases are shrunk. Reals may be drawn log-uniformly.
 */
public final class ParameterSpace {
  private record Dimension(String name, boolean integer, double min, double max, boolean log) {}

  private final List<Dimension> dimensions = new ArrayList<>();

  /** An integer uniform on {@code [min, max]}. */
  public ParameterSpace integer(String name, int min, int max) {
    Checks.atLeast("max of " + name, max, "min of " + name, min);
    dimensions.add(new Dimension(name, true, min, max, false));
    return this;
  }

  /** A real uniform on {@code [min, max]}. */
  public ParameterSpace real(String name, double min, double max) {
    dimensions.add(new Dimension(name, false, min, max, false));
    return this;
  }

  /** A real log-uniform on {@code [min, max]}, {@code min > 0}. */
  public ParameterSpace logReal(String name, double min, double max) {
    Checks.positive("min of log-uniform " + name, min);
    dimensions.add(new Dimension(name, false, min, max, true));
    return this;
  }

  /** One draw, using only {@code rng}. */
  public Params sample(RandomGenerator rng) {
    Map<String, Number> values = new LinkedHashMap<>();
    for (Dimension d : dimensions) {
      if (d.integer()) {
        values.put(d.name(), (int) d.min() + rng.nextInt((int) (d.max() - d.min()) + 1));
      } else if (d.log()) {
        double lo = Math.log(d.min());
        values.put(d.name(), Math.exp(lo + (Math.log(d.max()) - lo) * rng.nextDouble()));
      } else {
        values.put(d.name(), d.min() + (d.max() - d.min()) * rng.nextDouble());
      }
    }
    return new Params(values);
  }

  /**
   * Smaller neighbours of {@code p}, one dimension at a time, most aggressive first: the
   * minimum, the midpoint toward it, and (integers) one less.
   */
  List<Params> shrinkCandidates(Params p) {
    List<Params> out = new ArrayList<>();
    for (Dimension d : dimensions) {
      if (d.integer()) {
        int v = p.integer(d.name());
        int min = (int) d.min();
        for (int c : new int[] {min, min + (v - min) / 2, v - 1}) {
          Params candidate = p.with(d.name(), c);
          if (c < v && c >= min && !out.contains(candidate)) {
            out.add(candidate);
          }
        }
      } else {
        double v = p.real(d.name());
        double target = d.min();
        if (v - target > 1e-6 * Math.max(1, Math.abs(v))) {
          out.add(p.with(d.name(), target));
          out.add(p.with(d.name(), d.log() ? Math.sqrt(target * v) : (target + v) / 2));
        }
      }
    }
    return out;
  }
}
