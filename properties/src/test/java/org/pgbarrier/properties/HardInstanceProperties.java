package org.pgbarrier.properties;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.Sharpening;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.sharpen.HardInstance;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.Replicates;
import org.pgbarrier.testkit.engine.StatisticalProperty;

/**
 * SHP-07, the hard instance of Thm 3.1 (arXiv 2412.01951 App. H): {@code d = 20}, {@code M = 50},
 * {@code Delta = 0.1}, so {@code d M/Delta = 10000}. At {@code m = d M/(8 Delta) = 1250} queries
 * each hard prompt receives about 12.5 samples and its hidden response (mass {@code 2/M}) stays
 * unseen with probability about {@code e^(-1/4)}: far above the claimed 1/8. The mutant gives the
 * learner {@code 2 d M/Delta} queries, outside the theorem's regime, where it misidentifies about
 * {@code e^(-4)} of the coordinates.
 */
class HardInstanceProperties {
  private static final int D = 20;
  private static final int M = 50;
  private static final double HARD_MASS = 0.1;
  private static final int REPLICATES = 500;

  @Test
  void fewQueriesMisidentifyAConstantFractionOfHiddenCoordinates() {
    StatisticalProperty property =
        StatisticalProperty.of("SHP-07", "misidentifies-a-constant-fraction");
    double a = property.alpha();
    int m = (int) (D * M / (8 * HARD_MASS));
    property.rule(REPLICATES + " independent instances (hidden coordinates uniform) and learner"
            + " runs with m = " + m + " queries; X = #runs whose first coordinate is"
            + " misidentified ~ Bin(" + REPLICATES + ", q), q >= 1/8 by the claim: reject iff P[Bin("
            + REPLICATES + ", 1/8) <= X] < a = " + a + " (exact; false alarm <= a)")
        .experiment(runs(a, m))
        .mutant("the learner given 2 d M/Delta = " + (int) (2 * D * M / HARD_MASS) + " queries",
            runs(a, (int) (2 * D * M / HARD_MASS)))
        .verify();
  }

  /**
   * {@value #REPLICATES} runs of the learner with {@code m} queries, run {@code r} on an instance
   * drawn from stream {@code r} of the check seed and continuing on it; a run observes 1 if it
   * misidentifies the first hidden coordinate, else 0. The one named for replay is the first that
   * identifies it (a run against the claim).
   */
  private static Replicates runs(double a, int m) {
    return new Replicates(REPLICATES, (seed, r) -> {
      SplittableRandom rng = Seeds.stream(seed, r);
      HardInstance instance = HardInstance.generate(D, M, HARD_MASS, rng);
      return instance.identify(m, rng)[0] != instance.hidden()[0] ? 1 : 0;
    }, Replicates.Pick.first("the first run that identifies the hidden coordinate",
        missed -> missed == 0), (seed, missed) -> decide(missed, a, m));
  }

  private static StatisticalProperty.Decision decide(double[] missed, double a, int m) {
    int misses = (int) Arrays.stream(missed).sum();
    double tail = BinomialTail.lower(REPLICATES, Sharpening.HARD_INSTANCE_MISIDENTIFICATION, misses);
    return new StatisticalProperty.Decision(tail < a, tail, Comparison.AT_LEAST, a,
        "m=" + m + ": misidentified " + misses + "/" + REPLICATES + " (rate "
            + (double) misses / REPLICATES + "), P[Bin <= X] = " + tail);
  }
}
