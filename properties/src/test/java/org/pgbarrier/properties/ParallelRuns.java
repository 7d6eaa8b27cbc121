package org.pgbarrier.properties;

import java.util.function.LongToDoubleFunction;
import java.util.stream.IntStream;
import org.pgbarrier.random.Seeds;

/**
 * Independent replicates of one seeded experiment, run in parallel: replicate {@code r} gets the
 * seed {@code Seeds.derive(seed, r)} and writes slot {@code r}, so the result has the same bits
 * whatever the thread count. (A check whose rule is over one number per replicate uses the
 * engine's {@link org.pgbarrier.testkit.engine.Replicates} instead, which can rerun one of them.)
 */
final class ParallelRuns {
  private ParallelRuns() {}

  /** {@code runs} values of {@code experiment}, replicate {@code r} at {@code derive(seed, r)}. */
  static double[] of(int runs, long seed, LongToDoubleFunction experiment) {
    double[] out = new double[runs];
    IntStream.range(0, runs).parallel()
        .forEach(r -> out[r] = experiment.applyAsDouble(Seeds.derive(seed, r)));
    return out;
  }
}
