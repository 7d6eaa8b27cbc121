package org.pgbarrier.properties;

import java.util.function.Function;
import java.util.function.LongFunction;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.learn.paper.ClusterLearnerState;
import org.pgbarrier.learn.paper.PaperLearner;
import org.pgbarrier.learn.paper.PaperRun;
import org.pgbarrier.random.Seeds;

/**
 * Runs shared by the theorem checks BMB-19..22 on the exact cluster families: the paper's learners
 * from {@code w = 0} on the fast {@link ClusterLearnerState}, stopped (read off the trace) at the
 * first iteration whose random-iterate error {@code (1/T) sum_{t <= T} err(w_t)} is at most {@code
 * eps} (docs/theory.md §2.5).
 */
final class TheoremRuns {
  private TheoremRuns() {}

  /**
   * {@code T_eps} and {@code Q_eps} of one run: the first checkpoint {@code T} with random-iterate
   * error {@code <= eps}, and the reward queries spent by then; {@code reached = false} (and both
   * {@code +inf}) when the horizon ends first (a censored run, larger than every reached one).
   */
  record Reach(boolean reached, double iterations, double queries) {}

  /**
   * Runs {@code learner} from {@code w = 0} on {@code family} for at most {@code horizon}
   * iterations. Runs are deterministic in the seed, so the run is tried on horizons 1000, 4000,
   * ... up to {@code horizon} and stopped at the first that reaches {@code eps}: the same {@code
   * T_eps} as one long run, at most about 5 times its cost. Checkpoints every iteration up to
   * 200000 iterations, then every {@code horizon / 200000}.
   */
  static Reach reach(PaperLearner learner, ClusterFamily family, double eps, long horizon,
      long seed) {
    return reach(learner, family, new double[family.dimension()], eps, horizon, seed);
  }

  /** {@link #reach(PaperLearner, ClusterFamily, double, long, long)} from {@code w_1 = w1}. */
  static Reach reach(PaperLearner learner, ClusterFamily family, double[] w1, double eps,
      long horizon, long seed) {
    for (long h = Math.min(1000, horizon); ; h = Math.min(4 * h, horizon)) {
      Reach r = reachWithin(learner, family, w1, eps, h, seed);
      if (r.reached() || h == horizon) {
        return r;
      }
    }
  }

  private static Reach reachWithin(PaperLearner learner, ClusterFamily family, double[] w1,
      double eps, long horizon, long seed) {
    long every = Math.max(1, horizon / 200_000);
    PaperRun run = learner.run(new ClusterLearnerState(family, w1), horizon, seed, every);
    PaperRun.Trace trace = run.trace();
    double[] random = trace.randomIterateError();
    long[] t = trace.iterations();
    long[] q = trace.queries();
    for (int j = 0; j < random.length; j++) {
      if (random[j] <= eps) {
        return new Reach(true, t[j], q[j]);
      }
    }
    return new Reach(false, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** {@code runs} independent {@link #reach} runs, run {@code r} on seed {@code derive(seed, r)}. */
  static Reach[] reach(Function<Long, PaperLearner> learner, ClusterFamily family, double eps,
      long horizon, int runs, long seed) {
    return replicate(s -> reach(learner.apply(s), family, eps, horizon, s), runs, seed);
  }

  /** {@code run} on seeds {@code derive(seed, r)}, {@code r = 0..runs-1}. */
  static Reach[] replicate(LongFunction<Reach> run, int runs, long seed) {
    Reach[] out = new Reach[runs];
    for (int r = 0; r < runs; r++) {
      out[r] = run.apply(Seeds.derive(seed, r));
    }
    return out;
  }

  static double[] iterations(Reach[] runs) {
    double[] x = new double[runs.length];
    for (int r = 0; r < runs.length; r++) {
      x[r] = runs[r].iterations();
    }
    return x;
  }

  static double[] queries(Reach[] runs) {
    double[] x = new double[runs.length];
    for (int r = 0; r < runs.length; r++) {
      x[r] = runs[r].queries();
    }
    return x;
  }

  /** A per-token base of target probability {@code alpha^(1/N)}: sequence likelihood {@code alpha}. */
  static TokenBase tokenBaseFor(double alpha, int length) {
    return TokenBase.correctLog(Math.log(alpha) / length);
  }
}
