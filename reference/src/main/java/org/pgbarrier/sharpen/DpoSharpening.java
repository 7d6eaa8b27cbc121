package org.pgbarrier.sharpen;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.pgbarrier.Checks;

/**
 * The offline, DPO-style implementation of RLHF-sharpening on one prompt [SOURCE: arXiv
 * 2412.01951 §2.2 Eq. (4), restated as Eq. (8) in §4.2]: from preference pairs {@code (y, y')}
 * with {@code y, y' ~ pi_base} (N = 2 responses per prompt), solve the squared-loss regression
 *
 * <pre>
 *   pi_hat in argmin_pi sum_{(y, y')} ( beta log[pi(y)/pi_base(y)] - beta log[pi(y')/pi_base(y')]
 *                                       - (r(y) - r(y')) )^2,     r = r_self = log pi_base,
 * </pre>
 *
 * over the tabular (softmax) class {@code pi_theta(y) ∝ exp(theta_y)}, which contains {@code
 * pi*_beta} (realizability, Assumption 4.3). A pair is a weight {@code w[y][y']} (a count, or the
 * population probability {@code pi_base(y) pi_base(y')}).
 *
 * <p><b>Solution</b> [RECONSTRUCTED, docs/theory.md §9.8]. With {@code u = beta (theta - log
 * pi_base)} the normaliser cancels and the residual of a pair is {@code (u_y - u_y') - (r_y -
 * r_y')}: a least-squares problem whose normal equations are {@code L u = L r} with {@code L} the
 * Laplacian of the symmetrised pair graph {@code W = w + w^T}. It is solved per connected
 * component by Cholesky on the Laplacian grounded at the component's lowest response. Zero loss is
 * attainable, {@code u = r + c} on each component, so {@code pi_hat ∝ pi_base^(1+1/beta)} within
 * every component; when the pairs connect all of {@code supp pi_base} (population pairs) {@code
 * pi_hat = pi*_beta} of {@link RlhfSharpening#optimum}. The argmin is a set (one constant per
 * component, any value on unobserved responses, which is why coverage enters Thm 4.2); this class
 * returns its minimum-norm element in {@code theta - log pi_base}: mean {@code u} zero on each
 * component and {@code u = 0} (the base likelihood) on responses in no pair, which is the limit of
 * gradient descent on the loss started from {@code pi_base}. Responses with {@code pi_base(y) =
 * 0} keep mass 0.
 */
public final class DpoSharpening {
  private DpoSharpening() {}

  /** Population pairs: {@code w[y][y'] = pi_base(y) pi_base(y')}. */
  public static double[][] populationPairs(double[] base) {
    Laws.check("base", base);
    double[][] w = new double[base.length][base.length];
    for (int y = 0; y < base.length; y++) {
      for (int z = 0; z < base.length; z++) {
        w[y][z] = base[y] * base[z];
      }
    }
    return w;
  }

  /**
   * Counts of {@code n} pairs {@code (y, y')} drawn i.i.d. from {@code pi_base x pi_base} (two
   * {@code nextDouble} a pair, {@code y} first).
   */
  public static double[][] samplePairs(double[] base, int n, RandomGenerator rng) {
    Laws.check("base", base);
    Checks.positive("n", n);
    double[][] w = new double[base.length][base.length];
    for (int i = 0; i < n; i++) {
      int y = Laws.draw(base, rng);
      int z = Laws.draw(base, rng);
      w[y][z]++;
    }
    return w;
  }

  /**
   * The fitted policy: the minimum-norm solution of the regression above.
   *
   * @param base {@code pi_base}
   * @param pairs {@code pairs[y][y']}: non-negative weights, zero wherever {@code pi_base} is zero
   * @param beta the KL coefficient, {@code > 0}
   */
  public static double[] fit(double[] base, double[][] pairs, double beta) {
    Laws.check("base", base);
    Checks.positive("beta", beta);
    int k = base.length;
    double[][] graph = symmetrised(base, pairs);
    double[] u = new double[k];
    int[] component = components(graph);
    for (int c = 0; c < k; c++) {
      solveComponent(base, graph, component, c, u);
    }
    double[] logits = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int y = 0; y < k; y++) {
      logits[y] = base[y] == 0 ? Double.NEGATIVE_INFINITY : Math.log(base[y]) + u[y] / beta;
      max = Math.max(max, logits[y]);
    }
    double sum = 0;
    double[] pi = new double[k];
    for (int y = 0; y < k; y++) {
      pi[y] = base[y] == 0 ? 0 : Math.exp(logits[y] - max);
      sum += pi[y];
    }
    for (int y = 0; y < k; y++) {
      pi[y] /= sum;
    }
    return pi;
  }

  /**
   * The regression loss of {@code pi}: {@code sum w[y][y'] (beta log(pi/pi_base)(y) - beta
   * log(pi/pi_base)(y') - log pi_base(y) + log pi_base(y'))^2}; infinite if a pair involves a
   * response of {@code pi} mass 0.
   */
  public static double loss(double[] pi, double[] base, double[][] pairs, double beta) {
    Laws.check("pi", pi);
    Laws.check("base", base);
    Checks.length("pi", pi.length, base.length);
    Checks.positive("beta", beta);
    checkPairs(base, pairs);
    double loss = 0;
    for (int y = 0; y < base.length; y++) {
      for (int z = 0; z < base.length; z++) {
        if (pairs[y][z] == 0) {
          continue;
        }
        if (pi[y] == 0 || pi[z] == 0) {
          return Double.POSITIVE_INFINITY;
        }
        double ly = Math.log(base[y]);
        double lz = Math.log(base[z]);
        double residual = beta * (Math.log(pi[y]) - ly) - beta * (Math.log(pi[z]) - lz)
            - (ly - lz);
        loss += pairs[y][z] * residual * residual;
      }
    }
    return loss;
  }

  /** {@code W = w + w^T} without its diagonal (a pair {@code (y, y)} has residual 0). */
  private static double[][] symmetrised(double[] base, double[][] pairs) {
    checkPairs(base, pairs);
    int k = base.length;
    double[][] graph = new double[k][k];
    for (int y = 0; y < k; y++) {
      for (int z = 0; z < k; z++) {
        if (y != z) {
          graph[y][z] += pairs[y][z];
          graph[z][y] += pairs[y][z];
        }
      }
    }
    return graph;
  }

  /** Shape {@code k x k}, finite non-negative weights, zero where {@code pi_base} is zero. */
  private static void checkPairs(double[] base, double[][] pairs) {
    int k = base.length;
    Checks.length("pairs", pairs.length, k);
    for (int y = 0; y < k; y++) {
      Checks.length("pairs[" + y + "]", pairs[y].length, k);
      for (int z = 0; z < k; z++) {
        String name = "pairs[" + y + "][" + z + "]";
        double w = Checks.nonNegative(name, Checks.finite(name, pairs[y][z]));
        if (w > 0 && (base[y] == 0 || base[z] == 0)) {
          throw new IllegalArgumentException(name + " = " + w
              + ": must be 0 where pi_base is 0 (pairs are drawn from pi_base)");
        }
      }
    }
  }

  /** The lowest response of each response's connected component (itself when isolated). */
  private static int[] components(double[][] graph) {
    int k = graph.length;
    int[] component = new int[k];
    Arrays.fill(component, -1);
    int[] stack = new int[k];
    for (int root = 0; root < k; root++) {
      if (component[root] >= 0) {
        continue;
      }
      int top = 0;
      stack[top++] = root;
      component[root] = root;
      while (top > 0) {
        int y = stack[--top];
        for (int z = 0; z < k; z++) {
          if (graph[y][z] > 0 && component[z] < 0) {
            component[z] = root;
            stack[top++] = z;
          }
        }
      }
    }
    return component;
  }

  /**
   * Solves {@code L u = L r} on the component rooted at {@code root} (grounded at the root,
   * Cholesky), then shifts {@code u} to mean zero on it. Isolated responses keep {@code u = 0}.
   */
  private static void solveComponent(
      double[] base, double[][] graph, int[] component, int root, double[] u) {
    int[] members = IntStream.range(0, base.length)
        .filter(y -> component[y] == root).toArray();
    if (members.length < 2) {
      return;
    }
    int m = members.length - 1;
    double[][] laplacian = new double[m][m];
    double[] rhs = new double[m];
    for (int i = 1; i <= m; i++) {
      int y = members[i];
      for (int z : members) {
        double w = graph[y][z];
        if (w == 0 || z == y) {
          continue;
        }
        laplacian[i - 1][i - 1] += w;
        int j = Arrays.binarySearch(members, z);
        if (j > 0) {
          laplacian[i - 1][j - 1] -= w;
        }
        rhs[i - 1] += w * (Math.log(base[y]) - Math.log(base[z]));
      }
    }
    RealVector solution = new CholeskyDecomposition(
        new Array2DRowRealMatrix(laplacian, false), 1e-12, 1e-300)
        .getSolver().solve(new ArrayRealVector(rhs, false));
    double mean = 0;
    for (int i = 1; i <= m; i++) {
      u[members[i]] = solution.getEntry(i - 1);
      mean += u[members[i]];
    }
    mean /= members.length;
    for (int y : members) {
      u[y] -= mean;
    }
  }
}
