package org.pgbarrier.sharpen;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;

/**
 * Best-of-N selection with the maximum-likelihood self-reward {@code r_self(y|x) = log
 * pi_base(y|x)} [SOURCE: arXiv 2412.01951 §3.1 Eq. (2), §4.1 step 2], and the exact law of its
 * output.
 *
 * <p><b>Tie-breaking (explicit).</b> Responses are ranked by likelihood, highest first, and among
 * equal likelihoods by index, lowest first. Best-of-N returns the best-ranked of its N draws. The
 * paper resolves ties among non-argmax responses "arbitrarily" [SOURCE: §4.1]; this rule is one
 * such choice.
 *
 * <p><b>Exact law</b> [RECONSTRUCTED, docs/theory.md §9.4]: with responses ranked {@code
 * y_(1), y_(2), ...} and tail masses {@code T_i = sum_{j >= i} p_(j)}, the output is {@code
 * y_(i)} iff every draw has rank {@code >= i} and not every draw has rank {@code >= i+1}:
 *
 * <pre>
 *   P(BoN = y_(i)) = T_i^N - T_(i+1)^N = T_i^N * (-expm1(N * log1p(-p_(i) / T_i))),
 * </pre>
 *
 * the second form computed in log space so that small differences of close powers keep their
 * relative accuracy.
 */
public final class BestOfN {
  private BestOfN() {}

  /** The self-reward {@code r_self(y|x) = log pi_base(y|x)} [SOURCE: Eq. (2)]. */
  public static double selfReward(double[] base, int response) {
    return Math.log(base[response]);
  }

  /**
   * The ranking used for selection: response indices sorted by likelihood descending, ties by
   * index ascending.
   */
  public static int[] ranking(double[] base) {
    Laws.check("base", base);
    return java.util.stream.IntStream.range(0, base.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -base[i]).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
  }

  /**
   * The best-ranked of {@code draws} (maximum self-reward, lowest index among ties).
   *
   * @param base the base law {@code pi_base(.|x)}
   * @param draws sampled response indices, at least one
   */
  public static int select(double[] base, int[] draws) {
    Checks.positive("draws.length", draws.length);
    int best = draws[0];
    for (int y : draws) {
      Checks.inRange("draw", y, 0, base.length - 1);
      if (base[y] > base[best] || (base[y] == base[best] && y < best)) {
        best = y;
      }
    }
    return best;
  }

  /** Draws N responses from {@code base} (one {@code nextDouble} each) and selects the best. */
  public static int sample(double[] base, int n, RandomGenerator rng) {
    Checks.positive("n", n);
    int[] draws = new int[n];
    for (int j = 0; j < n; j++) {
      draws[j] = Laws.draw(base, rng);
    }
    return select(base, draws);
  }

  /**
   * The exact law of the best-of-N output, indexed by response: {@code law[y] = P(BoN = y)}.
   *
   * @param base the base law, non-negative, summing to 1
   * @param n the number of draws, at least 1
   */
  public static double[] law(double[] base, int n) {
    return law(base, ranking(base), n);
  }

  /**
   * {@link #law(double[], int)} with the ranking given, so that a sweep over {@code N} sorts the
   * responses once.
   *
   * @param rank {@link #ranking}{@code (base)}: checked to be a permutation along which {@code
   *     base} does not increase and equal masses have increasing indices
   */
  public static double[] law(double[] base, int[] rank, int n) {
    Laws.check("base", base);
    Checks.positive("n", n);
    checkRanking(base, rank);
    int k = base.length;
    double[] tail = new double[k + 1];
    for (int i = k - 1; i >= 0; i--) {
      tail[i] = tail[i + 1] + base[rank[i]];
    }
    double[] law = new double[k];
    for (int i = 0; i < k; i++) {
      double p = base[rank[i]];
      if (p == 0 || tail[i] == 0) {
        continue;
      }
      double ratio = Math.min(p / tail[i], 1.0);
      law[rank[i]] = Math.exp(n * Math.log(tail[i])) * -Math.expm1(n * Math.log1p(-ratio));
    }
    return law;
  }

  private static void checkRanking(double[] base, int[] rank) {
    Checks.length("rank", rank.length, base.length);
    boolean[] seen = new boolean[base.length];
    for (int i = 0; i < rank.length; i++) {
      int y = Checks.inRange("rank[" + i + "]", rank[i], 0, base.length - 1);
      if (seen[y]) {
        throw new IllegalArgumentException("rank[" + i + "] = " + y + ": repeats a response");
      }
      seen[y] = true;
      if (i > 0) {
        int prev = rank[i - 1];
        if (base[y] > base[prev] || (base[y] == base[prev] && y < prev)) {
          throw new IllegalArgumentException("rank[" + i + "] = " + y
              + ": out of order (likelihood descending, then index ascending)");
        }
      }
    }
  }

  /** {@code law} sorted by rank, for reports: entry {@code i} is {@code P(BoN = y_(i+1))}. */
  public static double[] lawByRank(double[] base, int n) {
    double[] law = law(base, n);
    int[] rank = ranking(base);
    return Arrays.stream(rank).mapToDouble(y -> law[y]).toArray();
  }
}
