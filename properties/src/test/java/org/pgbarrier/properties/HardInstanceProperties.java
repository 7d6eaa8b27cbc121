package org.pgbarrier.properties;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.Sharpening;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.sharpen.HardInstance;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.testkit.engine.Comparison;
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
        .experiment(seed -> decide(seed, a, m))
        .mutant("the learner given 2 d M/Delta = " + (int) (2 * D * M / HARD_MASS) + " queries",
            seed -> decide(seed, a, (int) (2 * D * M / HARD_MASS)))
        .verify();
  }

  private static StatisticalProperty.Decision decide(long seed, double a, int m) {
    boolean[] missed = new boolean[REPLICATES];
    IntStream.range(0, REPLICATES).parallel().forEach(r -> {
      SplittableRandom rng = Seeds.stream(seed, r);
      HardInstance instance = HardInstance.generate(D, M, HARD_MASS, rng);
      missed[r] = instance.identify(m, rng)[0] != instance.hidden()[0];
    });
    int misses = 0;
    for (boolean b : missed) {
      misses += b ? 1 : 0;
    }
    double tail = BinomialTail.lower(REPLICATES, Sharpening.HARD_INSTANCE_MISIDENTIFICATION, misses);
    return new StatisticalProperty.Decision(tail < a, tail, Comparison.AT_LEAST, a,
        "m=" + m + ": misidentified " + misses + "/" + REPLICATES + " (rate "
            + (double) misses / REPLICATES + "), P[Bin <= X] = " + tail);
  }
}
