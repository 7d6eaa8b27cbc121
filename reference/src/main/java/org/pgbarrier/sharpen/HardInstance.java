package org.pgbarrier.sharpen;

import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;

/**
 * The hard instance behind the lower bound of Thm 3.1 [SOURCE: arXiv 2412.01951 App. H, with
 * gamma = 1/2]: prompts {@code x_0..x_d} with {@code mu = (1 - Delta) delta_{x_0} + (Delta/d)
 * sum_i delta_{x_i}}, responses {@code y_0..y_M}; {@code pi(.|x_0) = delta_{y_0}} and on {@code
 * x_i} the hidden response {@code j_i in [M]} has mass {@code 2/M} while every other response of
 * {@code [M]} has {@code (M-2)/(M(M-1))}, so {@code j_i} is the unique argmax and {@code log|Pi| =
 * d log M}. A sample-and-evaluate learner identifies {@code j_i} only by drawing it: once seen,
 * its likelihood {@code 2/M} reveals it.
 *
 * @param d number of hard prompts
 * @param responses {@code M}, at least 3
 * @param hardMass {@code Delta}, the total prompt mass of {@code x_1..x_d}
 * @param hidden {@code hidden[i-1] = j_i in 1..M}
 */
public record HardInstance(int d, int responses, double hardMass, int[] hidden) {
  public HardInstance {
    Checks.positive("d", d);
    Checks.atLeast("responses", responses, 3);
    Checks.openUnit("hardMass", hardMass);
    Checks.length("hidden", hidden.length, d);
    for (int j : hidden) {
      Checks.inRange("hidden", j, 1, responses);
    }
  }

  /** Draws the hidden coordinates uniformly from {@code [M]^d}. */
  public static HardInstance generate(int d, int responses, double hardMass, RandomGenerator rng) {
    int[] hidden = new int[d];
    for (int i = 0; i < d; i++) {
      hidden[i] = 1 + rng.nextInt(responses);
    }
    return new HardInstance(d, responses, hardMass, hidden);
  }

  /** {@code pi(.|x)} over {@code y_0..y_M}. */
  public double[] law(int x) {
    Checks.inRange("x", x, 0, d);
    double[] law = new double[responses + 1];
    if (x == 0) {
      law[0] = 1;
      return law;
    }
    double other = (responses - 2.0) / ((double) responses * (responses - 1));
    for (int y = 1; y <= responses; y++) {
      law[y] = y == hidden[x - 1] ? 2.0 / responses : other;
    }
    return law;
  }

  /** One prompt from {@code mu} (one {@code nextDouble}). */
  public int drawPrompt(RandomGenerator rng) {
    double u = rng.nextDouble();
    return u < 1 - hardMass ? 0 : 1 + Math.min(d - 1, (int) ((u - (1 - hardMass)) / hardMass * d));
  }

  /**
   * The sample-and-evaluate learner of Definition 3.2 with a budget of {@code m} (prompt,
   * response) queries: on each {@code x_i} it returns the response it saw with the largest
   * observed likelihood, or, if it saw none of likelihood {@code 2/M}, a uniform guess among the
   * responses of {@code [M]} it has not seen.
   *
   * @return the estimate of {@code j_i} per hard prompt
   */
  public int[] identify(int m, RandomGenerator rng) {
    Checks.nonNegative("m", m);
    boolean[][] seen = new boolean[d][responses + 1];
    int[] found = new int[d];
    double[][] laws = new double[d + 1][];
    for (int x = 0; x <= d; x++) {
      laws[x] = law(x);
    }
    for (int t = 0; t < m; t++) {
      int x = drawPrompt(rng);
      if (x == 0) {
        continue;
      }
      int y = Laws.draw(laws[x], rng);
      seen[x - 1][y] = true;
      if (laws[x][y] == 2.0 / responses) {
        found[x - 1] = y;
      }
    }
    int[] estimate = new int[d];
    for (int i = 0; i < d; i++) {
      if (found[i] != 0) {
        estimate[i] = found[i];
        continue;
      }
      int unseen = 0;
      for (int y = 1; y <= responses; y++) {
        unseen += seen[i][y] ? 0 : 1;
      }
      int pick = rng.nextInt(unseen);
      for (int y = 1; y <= responses; y++) {
        if (!seen[i][y] && pick-- == 0) {
          estimate[i] = y;
          break;
        }
      }
    }
    return estimate;
  }
}
