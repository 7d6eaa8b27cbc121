package org.pgbarrier.instance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.pgbarrier.Checks;
import org.pgbarrier.model.TabularContext;

/**
 * Instance family G4, the barrier mixture (docs/theory.md §6.1,
 * [RECONSTRUCTED test design]) on the tabular map of {@link TabularInstances}:
 *
 * <ul>
 *   <li>mass {@code 1 - delta} on {@code onContexts} on-support contexts, whose every token has
 *       base likelihood {@code qOn}, so {@code q(y*|x) = qOn^N};
 *   <li>mass {@code delta} on {@code offContexts} off-support contexts, whose last {@code fresh}
 *       positions are fresh states with base likelihood {@code 1/k} (zero base weights), so
 *       {@code q(y*|x) = qOn^(N - fresh) k^(-fresh)}.
 * </ul>
 *
 * The teacher margin is exactly {@code gamma <= 1/sqrt(S)}, {@code S = (onContexts + offContexts)
 * N}.
 */
public final class BarrierInstances {
  /** Family name recorded with every instance. */
  public static final String FAMILY = "G4-barrier";

  private BarrierInstances() {}

  /**
   * Parameters of G4.
   *
   * @param k vocabulary size
   * @param length response length N
   * @param onContexts number of on-support contexts
   * @param offContexts number of off-support contexts
   * @param fresh fresh positions per off-support context, in [1, N]
   * @param delta mass of the off-support contexts, in (0, 1)
   * @param qOn base token likelihood of every non-fresh position, in (0, 1)
   * @param gamma requested normalised margin, in {@code (0, 1/sqrt(S)]}
   */
  public record Spec(
      int k,
      int length,
      int onContexts,
      int offContexts,
      int fresh,
      double delta,
      double qOn,
      double gamma) {
    public Spec {
      Checks.atLeast("k", k, 2);
      Checks.positive("N", length);
      Checks.positive("onContexts", onContexts);
      Checks.positive("offContexts", offContexts);
      Checks.inRange("fresh", fresh, 1, length);
      Checks.openUnit("delta", delta);
      Checks.openUnit("qOn", qOn);
      TabularInstances.checkGamma(gamma, (long) (onContexts + offContexts) * length);
    }
  }

  /** Generates a G4 instance; the same spec and seed give the same instance bit for bit. */
  public static Instance<TabularContext> generate(Spec spec, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int contexts = spec.onContexts() + spec.offContexts();
    int n = spec.length();
    int[] correct = new int[contexts * n];
    double[] base = new double[contexts * n];
    for (int s = 0; s < correct.length; s++) {
      correct[s] = rng.nextInt(spec.k());
      int context = s / n;
      int position = s % n;
      boolean isFresh = context >= spec.onContexts() && position >= n - spec.fresh();
      base[s] = isFresh ? 1.0 / spec.k() : spec.qOn();
    }
    double[] probabilities = new double[contexts];
    for (int c = 0; c < contexts; c++) {
      probabilities[c] = c < spec.onContexts()
          ? (1 - spec.delta()) / spec.onContexts()
          : spec.delta() / spec.offContexts();
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("k", spec.k());
    params.put("N", n);
    params.put("onContexts", spec.onContexts());
    params.put("offContexts", spec.offContexts());
    params.put("fresh", spec.fresh());
    params.put("delta", spec.delta());
    params.put("qOn", spec.qOn());
    params.put("gamma", spec.gamma());
    return TabularInstances.assemble(
        FAMILY, params, seed, spec.k(), n, correct, base, probabilities, spec.gamma());
  }

  /** True iff support context {@code c} of an instance made from {@code spec} is off-support. */
  public static boolean isOffSupport(Spec spec, int c) {
    return c >= spec.onContexts();
  }
}
