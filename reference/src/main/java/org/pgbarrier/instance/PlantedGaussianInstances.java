package org.pgbarrier.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pgbarrier.Checks;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.PositionalContext;
import org.pgbarrier.model.PositionalFeatureMap;

/**
 * Instance family G2, planted Gaussian (docs/theory.md §6.1,
 * [RECONSTRUCTED test design]): generalising features with margin at least {@code gamma} by
 * construction.
 *
 * <p>{@code w* in R^{m x k}} has i.i.d. N(0,1) entries scaled to {@code ||w*||_F = 1}. Each
 * position of each context draws a planted label {@code c ~ U[k]} and
 *
 * <pre>
 *   z = normalize( r + lambda (w*_c - mean_v w*_v) / ||w*_c - mean_v w*_v|| ),   r ~ N(0, I/m),
 *   y*_i = argmax_v <w*_v, z>,
 * </pre>
 *
 * and is redrawn until its gap {@code <w*_{y*}, z> - max_{v != y*} <w*_v, z>} is at least {@code
 * gamma} (normalised, as {@code ||w*|| = ||z|| = 1}). Plain rejection from unplanted {@code z} is
 * far too slow for {@code gamma >= 0.1}; planting with {@code lambda} in 0.5..3 is not. The base
 * model is uniform ({@code w_base = 0}).
 */
public final class PlantedGaussianInstances {
  /** Family name recorded with every instance. */
  public static final String FAMILY = "G2-planted-gaussian";

  /** Draws allowed per position before the request is declared infeasible. */
  public static final int MAX_DRAWS_PER_POSITION = 100_000;

  private PlantedGaussianInstances() {}

  /**
   * Parameters of G2.
   *
   * @param m state dimension
   * @param k vocabulary size
   * @param length response length N
   * @param contexts number of contexts (uniform D)
   * @param gamma requested normalised margin, in (0, 1)
   * @param lambda planting strength, finite and >= 0
   */
  public record Spec(int m, int k, int length, int contexts, double gamma, double lambda) {
    public Spec {
      Checks.positive("m", m);
      Checks.atLeast("k", k, 2);
      Checks.positive("N", length);
      Checks.positive("contexts", contexts);
      Checks.openUnit("gamma", gamma);
      Checks.nonNegative("lambda", lambda);
    }
  }

  /**
   * Generates a G2 instance; the same spec and seed give the same instance bit for bit.
   *
   * @throws IllegalArgumentException when some position finds no margin-{@code gamma} state in
   *     {@link #MAX_DRAWS_PER_POSITION} draws
   */
  public static Instance<PositionalContext> generate(Spec spec, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int m = spec.m();
    int k = spec.k();
    PositionalFeatureMap phi = new PositionalFeatureMap(m, k);
    double[] wStar = new double[phi.dimension()];
    for (int i = 0; i < wStar.length; i++) {
      wStar[i] = rng.nextGaussian();
    }
    scale(wStar, 1 / norm(wStar));
    double[][] planted = plantedDirections(wStar, m, k);
    List<Labeled<PositionalContext>> support = new ArrayList<>();
    double[] logits = new double[k];
    for (int c = 0; c < spec.contexts(); c++) {
      double[][] z = new double[spec.length()][];
      int[] target = new int[spec.length()];
      for (int i = 0; i < spec.length(); i++) {
        int draws = 0;
        while (true) {
          if (++draws > MAX_DRAWS_PER_POSITION) {
            throw new IllegalArgumentException(
                "gamma = " + spec.gamma() + ": no state with that margin in "
                    + MAX_DRAWS_PER_POSITION + " draws (m = " + m + ", k = " + k + ", lambda = "
                    + spec.lambda() + "); lower gamma or raise lambda");
          }
          double[] candidate = drawState(rng, planted[rng.nextInt(k)], spec.lambda());
          for (int v = 0; v < k; v++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
              s += candidate[j] * wStar[j * k + v];
            }
            logits[v] = s;
          }
          int best = org.pgbarrier.kernel.LogSumExp.argmax(logits, k);
          double runnerUp = Double.NEGATIVE_INFINITY;
          for (int v = 0; v < k; v++) {
            if (v != best) {
              runnerUp = Math.max(runnerUp, logits[v]);
            }
          }
          if (logits[best] - runnerUp >= spec.gamma()) {
            z[i] = candidate;
            target[i] = best;
            break;
          }
        }
      }
      support.add(new Labeled<>(new PositionalContext(z), target));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("m", m);
    params.put("k", k);
    params.put("N", spec.length());
    params.put("contexts", spec.contexts());
    params.put("gamma", spec.gamma());
    params.put("lambda", spec.lambda());
    LinearAutoregressiveModel<PositionalContext> model =
        new LinearAutoregressiveModel<>(phi, spec.length());
    return new Instance<>(new Recipe(FAMILY, params, seed), model, wStar,
        new double[phi.dimension()], spec.gamma(), FiniteDistribution.uniform(support), support);
  }

  /** Unit vectors {@code (w*_c - mean_v w*_v)/||.||}, one per label c. */
  private static double[][] plantedDirections(double[] wStar, int m, int k) {
    double[] mean = new double[m];
    for (int j = 0; j < m; j++) {
      for (int v = 0; v < k; v++) {
        mean[j] += wStar[j * k + v] / k;
      }
    }
    double[][] directions = new double[k][m];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < m; j++) {
        directions[c][j] = wStar[j * k + c] - mean[j];
      }
      double n = norm(directions[c]);
      if (n > 0) {
        scale(directions[c], 1 / n);
      }
    }
    return directions;
  }

  private static double[] drawState(SplittableRandom rng, double[] direction, double lambda) {
    int m = direction.length;
    double[] z = new double[m];
    double sd = 1 / Math.sqrt(m);
    for (int j = 0; j < m; j++) {
      z[j] = sd * rng.nextGaussian() + lambda * direction[j];
    }
    double n = norm(z);
    scale(z, 1 / n);
    return z;
  }

  private static double norm(double[] a) {
    double s = 0;
    for (double ai : a) {
      s += ai * ai;
    }
    return Math.sqrt(s);
  }

  private static void scale(double[] a, double c) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= c;
    }
  }
}
