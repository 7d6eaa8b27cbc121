package org.pgbarrier.learn.paper;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.learn.Learner;
import org.pgbarrier.random.Seeds;

/**
 * The loop every paper learner shares ({@code docs/theory.md §4.2}): for {@code t = 1..T}, record
 * {@code w_t}, draw {@code x_t ~ D}, add {@code 1 - p_{w_t}(y*(x_t) | x_t)} to {@code M_T}, and
 * run the learner's iteration. Contexts come from {@code Seeds.stream(seed, 0)}, every other draw
 * from {@code Seeds.stream(seed, 1)}: the same seed gives the same contexts to every learner. The
 * initial weights are the state's (no source states {@code w_1}; [INFERRED] a parameter).
 */
public abstract class PaperLearner implements Learner<LearnerState> {
  /** What one iteration spent. */
  protected static final class Counters {
    long queries;
    long explorationQueries;
    long labels;
    long updates;
  }

  /** One iteration on context {@code c}, counting into {@code counters}. */
  protected abstract void iterate(LearnerState s, int c, RandomGenerator rng, Counters counters);

  /** One line naming the learner, its parameters and provenance. */
  @Override
  public abstract String describe();

  /**
   * One iteration outside a run: draws {@code x ~ D} and runs the learner's iteration, both from
   * {@code rng}; no random iterate is recorded (see {@link #run(LearnerState, long, long)}).
   */
  @Override
  public final long step(LearnerState s, RandomGenerator rng) {
    Counters counters = new Counters();
    iterate(s, s.drawContext(rng), rng, counters);
    return counters.queries;
  }

  @Override
  public final double error(LearnerState s) {
    return s.error();
  }

  /** {@link #run(LearnerState, long, long, long)} without a trace. */
  @Override
  public final PaperRun run(LearnerState s, long iterations, long seed) {
    return run(s, iterations, seed, 0);
  }

  /**
   * Runs {@code T = iterations} iterations on {@code s} (updated in place).
   *
   * @param traceEvery record a checkpoint every this many iterations and after the last; 0 for
   *     none
   * @throws ArithmeticException naming the iteration and the seed if a weight would become
   *     non-finite
   */
  public final PaperRun run(LearnerState s, long iterations, long seed, long traceEvery) {
    Checks.positive("iterations", iterations);
    Checks.nonNegative("traceEvery", traceEvery);
    int points = traceEvery == 0 ? 0
        : Math.toIntExact(iterations / traceEvery + (iterations % traceEvery == 0 ? 0 : 1));
    long[] tT = new long[points];
    long[] tQ = new long[points];
    double[] tLast = new double[points];
    double[] tRandom = new double[points];
    SplittableRandom contexts = Seeds.stream(seed, 0);
    SplittableRandom rng = Seeds.stream(seed, 1);
    s.resetIterates();
    double initial = s.error();
    Steps.Sum mistakes = new Steps.Sum();
    Counters counters = new Counters();
    int point = 0;
    for (long t = 1; t <= iterations; t++) {
      s.recordIterate();
      int c = s.drawContext(contexts);
      mistakes.add(-Math.expm1(s.targetLogLikelihood(c)));
      try {
        iterate(s, c, rng, counters);
      } catch (ArithmeticException e) {
        throw new ArithmeticException(describe() + " iteration " + t + " (seed " + seed + "): "
            + e.getMessage());
      }
      if (points > 0 && (t % traceEvery == 0 || t == iterations)) {
        tT[point] = t;
        tQ[point] = counters.queries;
        tLast[point] = s.error();
        tRandom[point] = s.randomIterateError();
        point++;
      }
    }
    return new PaperRun(describe(), s.describe(), seed, iterations, counters.queries,
        counters.explorationQueries, counters.labels, counters.updates, initial, s.error(),
        s.randomIterateError(), mistakes.value(), s.contextRandomIterateErrors(), s.weights(),
        new PaperRun.Trace(tT, tQ, tLast, tRandom));
  }

  static PaperBehaviour checkBehaviour(String name, PaperBehaviour b) {
    if (b == null) {
      throw new IllegalArgumentException(name + " = null: must be a PaperBehaviour");
    }
    return b;
  }

  static double checkZeta(double zeta) {
    return Checks.inRange("zeta", zeta, 1, Double.POSITIVE_INFINITY);
  }
}
