package org.pgbarrier.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pgbarrier.Checks;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.model.TabularFeatureMap;

/**
 * Instance family G1, tabular/orthogonal states (docs/theory.md §6.1, [RECONSTRUCTED test design]):
 * exact margin and a base model with prescribed token likelihoods.
 *
 * <p>Every (context, position) has its own state, {@code S = contexts * N}. The correct token of
 * each state is uniform on {@code [k]}. The teacher is
 *
 * <pre>
 *   w* = gamma sum_s e_s (x) e_{y*(s)} + sqrt(1 - S gamma^2) e_garbage (x) e_0,
 * </pre>
 *
 * so {@code ||w*|| = 1}, {@code ||phi|| = 1} and every correct-prefix gap equals {@code gamma}:
 * the normalised margin is exactly {@code gamma}, which requires {@code gamma <= 1/sqrt(S)}. The
 * base model puts {@code b_s = log(q_s (k-1)/(1-q_s))} on the correct token of state {@code s}, so
 * {@code p_base(y*_i | x, y*_<i) = q_s} exactly.
 */
public final class TabularInstances {
  /** Family name recorded with every instance. */
  public static final String FAMILY = "G1-tabular";

  private TabularInstances() {}

  /**
   * Parameters of G1.
   *
   * @param k vocabulary size, at least 2
   * @param length response length N
   * @param contexts number of contexts (uniform D)
   * @param gamma requested normalised margin, in {@code (0, 1/sqrt(contexts * N)]}
   * @param baseMin smallest base token likelihood, in (0, 1)
   * @param baseMax largest base token likelihood, in [baseMin, 1); token likelihoods are
   *     log-uniform in [baseMin, baseMax]
   */
  public record Spec(int k, int length, int contexts, double gamma, double baseMin, double baseMax) {
    public Spec {
      Checks.atLeast("k", k, 2);
      Checks.positive("N", length);
      Checks.positive("contexts", contexts);
      Checks.openUnit("baseMin", baseMin);
      Checks.openUnit("baseMax", baseMax);
      Checks.atLeast("baseMax", baseMax, "baseMin", baseMin);
      checkGamma(gamma, (long) contexts * length);
    }
  }

  /** Generates a G1 instance; the same spec and seed give the same instance bit for bit. */
  public static Instance<TabularContext> generate(Spec spec, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int states = spec.contexts() * spec.length();
    int[] correct = new int[states];
    double[] base = new double[states];
    double logMin = Math.log(spec.baseMin());
    double logMax = Math.log(spec.baseMax());
    for (int s = 0; s < states; s++) {
      correct[s] = rng.nextInt(spec.k());
      base[s] = spec.baseMin() == spec.baseMax()
          ? spec.baseMin()
          : Math.exp(logMin + (logMax - logMin) * rng.nextDouble());
    }
    double[] probabilities = new double[spec.contexts()];
    java.util.Arrays.fill(probabilities, 1.0 / spec.contexts());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("k", spec.k());
    params.put("N", spec.length());
    params.put("contexts", spec.contexts());
    params.put("gamma", spec.gamma());
    params.put("baseMin", spec.baseMin());
    params.put("baseMax", spec.baseMax());
    return assemble(FAMILY, params, seed, spec.k(), spec.length(), correct, base, probabilities,
        spec.gamma());
  }

  static void checkGamma(double gamma, long states) {
    double max = 1 / Math.sqrt(states);
    if (!(gamma > 0 && gamma <= max)) {
      throw new IllegalArgumentException(
          "gamma = " + gamma + ": must be in (0, 1/sqrt(S)] = (0, " + max + "] for S = " + states
              + " tabular states");
    }
  }

  /**
   * Assembles a tabular instance where context {@code c} visits states {@code c*N .. c*N+N-1},
   * state {@code s} has correct token {@code correct[s]} and base token likelihood {@code
   * base[s]}, and context {@code c} has probability {@code probabilities[c]}.
   */
  static Instance<TabularContext> assemble(
      String family,
      Map<String, Object> params,
      long seed,
      int k,
      int length,
      int[] correct,
      double[] base,
      double[] probabilities,
      double gamma) {
    int states = correct.length;
    TabularFeatureMap phi = new TabularFeatureMap(states, k);
    LinearAutoregressiveModel<TabularContext> model = new LinearAutoregressiveModel<>(phi, length);
    double[] wStar = new double[phi.dimension()];
    double[] wBase = new double[phi.dimension()];
    for (int s = 0; s < states; s++) {
      wStar[phi.index(s, correct[s])] = gamma;
      wBase[phi.index(s, correct[s])] = Math.log(base[s] * (k - 1) / (1 - base[s]));
    }
    wStar[phi.index(states, 0)] = Math.sqrt(Math.max(0, 1 - states * gamma * gamma));
    List<Labeled<TabularContext>> support = new ArrayList<>();
    for (int c = 0; c < probabilities.length; c++) {
      int[] stateOf = new int[length];
      int[] target = new int[length];
      for (int i = 0; i < length; i++) {
        stateOf[i] = c * length + i;
        target[i] = correct[stateOf[i]];
      }
      support.add(new Labeled<>(new TabularContext(stateOf, target), target));
    }
    FiniteDistribution<TabularContext> distribution =
        new FiniteDistribution<>(support, probabilities);
    return new Instance<>(new Recipe(family, params, seed), model, wStar, wBase, gamma,
        distribution, support);
  }
}
