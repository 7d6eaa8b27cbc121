package org.pgbarrier.learn.paper;

import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.StepRule;

/**
 * Algorithm 1 of the paper, PG with best-of-m exploration ({@code docs/theory.md §4.4}) [PAPER
 * A,B]:
 *
 * <pre>
 *   x ~ D;  y ~ p_{w_t}(. | x);  r = R(x, y)                              (1 query, current policy first)
 *   if r = 1: PG-OR step on y
 *   else: up to m draws y' ~ 1/2 q0(. | x) + 1/2 Unif(Y^N)                 (each 1 query, sequence-level)
 *         PG-OR step on the first y' with R(x, y') = 1;  none: w_{t+1} = w_t   [INFERRED]
 * </pre>
 *
 * Query accounting [INFERRED, exact]: {@code Q = T + sum_t J_t}, {@code J_t} the exploration
 * draws of iteration {@code t} ({@link PaperRun#explorationQueries()}). Budget {@code m = min{
 * ceil(1/Q_{q0}((1 - o(1)) eps)), k^N}} [PAPER A,B]: {@link #budget(double, int, int)} from a
 * supplied LQ value. For the tests' mutants the exploration behaviour and the on-policy first
 * draw can be changed ({@link #withExploration}); the paper's algorithm is {@link #of}.
 */
public final class BestOfMExploration extends PaperLearner {
  private final long m;
  private final StepRule step;
  private final PaperBehaviour exploration;
  private final boolean onPolicyFirst;

  private BestOfMExploration(
      long m, StepRule step, PaperBehaviour exploration, boolean onPolicyFirst) {
    this.m = Checks.positive("m", m);
    this.step = Steps.check(step);
    this.exploration = checkBehaviour("exploration", exploration);
    this.onPolicyFirst = onPolicyFirst;
  }

  /** Algorithm 1 with budget {@code m} and the gradient-norm step. */
  public static BestOfMExploration of(long m) {
    return of(m, GradientNormStep.INSTANCE);
  }

  /** Algorithm 1 with budget {@code m} and {@code step}. */
  public static BestOfMExploration of(long m, StepRule step) {
    return new BestOfMExploration(m, step, PaperBehaviour.SEQUENCE_MIXTURE, true);
  }

  /**
   * A variant for the tests' mutants: exploration from {@code exploration} instead of the
   * sequence-level mixture and, when {@code onPolicyFirst} is false, no on-policy first draw (every
   * draw is then an exploration draw: {@code Q = sum_t J_t}).
   */
  public static BestOfMExploration withExploration(
      long m, StepRule step, PaperBehaviour exploration, boolean onPolicyFirst) {
    return new BestOfMExploration(m, step, exploration, onPolicyFirst);
  }

  /** {@code m}. */
  public long budget() {
    return m;
  }

  /**
   * {@code m = min{ ceil(1/lq), k^N }} from a supplied Likelihood Quantile value {@code lq =
   * Q_{q0}(eps')} in {@code [0, 1]} ({@code lq = 0}: {@code k^N}); saturates at {@code
   * Long.MAX_VALUE}.
   */
  public static long budget(double lq, int k, int length) {
    Checks.inRange("lq", lq, 0.0, 1.0);
    long cap = budgetFromLog(Double.NEGATIVE_INFINITY, k, length);
    if (lq == 0) {
      return cap;
    }
    double inverse = Math.ceil(1.0 / lq);
    return inverse >= cap ? cap : (long) inverse;
  }

  /**
   * {@link #budget(double, int, int)} from {@code log lq <= 0}, for quantiles that underflow; the
   * ceiling is taken of {@code exp(-log lq)} (one rounding of {@code exp}).
   */
  public static long budgetFromLog(double logLq, int k, int length) {
    Checks.atLeast("k", k, 2);
    Checks.positive("N", length);
    Checks.logProbability("logLq", logLq);
    double logCap = length * Math.log(k);
    long cap = Long.MAX_VALUE;
    if (logCap < Math.log(Long.MAX_VALUE) - 1) {
      cap = 1;
      for (int i = 0; i < length; i++) {
        cap *= k;
      }
    }
    if (-logLq >= logCap) {
      return cap;
    }
    double inverse = Math.ceil(Math.exp(-logLq));
    return inverse >= cap ? cap : Math.max(1, (long) inverse);
  }

  @Override
  protected void iterate(LearnerState s, int c, RandomGenerator rng, Counters counters) {
    if (onPolicyFirst) {
      counters.queries++;
      if (PaperBehaviour.ON_POLICY.drawsTarget(s, c, rng)) {
        s.reinforce(c, s.length(), step, 1.0);
        counters.updates++;
        return;
      }
    }
    for (long j = 0; j < m; j++) {
      counters.queries++;
      counters.explorationQueries++;
      if (exploration.drawsTarget(s, c, rng)) {
        s.reinforce(c, s.length(), step, 1.0);
        counters.updates++;
        return;
      }
    }
  }

  @Override
  public String describe() {
    return "BestOfMExploration(m=" + m + ", step=" + step.describe()
        + (exploration == PaperBehaviour.SEQUENCE_MIXTURE && onPolicyFirst ? ""
            : ", MUTANT exploration=" + exploration + " onPolicyFirst=" + onPolicyFirst)
        + ") [PAPER A,B Algorithm 1, docs/theory.md §4.4]";
  }
}
