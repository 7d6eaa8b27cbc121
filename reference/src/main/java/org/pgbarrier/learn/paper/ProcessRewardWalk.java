package org.pgbarrier.learn.paper;

import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.StepRule;

/**
 * Algorithm 2 of the paper, PG with a process reward ({@code docs/theory.md §4.6}) [PAPER A,B]:
 *
 * <pre>
 *   x ~ D;  y ~ p_{w_t}(. | x);  query R_p(x, y_{1:N})                       (1 query)
 *   success: traj = y*, A_i = 1 for all i
 *   else: prefix = []  (the walk starts at position 1 [INFERRED])
 *         for i = 1..N: up to m draws v ~ 1/2 q0(. | x, prefix) + 1/2 Unif(Y)   (each 1 PRM query)
 *                       first v with R_p(x, prefix + v) = 1 extends the prefix; none: stop the walk
 *         traj = prefix, A_i = r_i = 1 for i <= |prefix|
 *   l_t(w) = -sum_{i <= |traj|} A_i log p_w(traj_i | x, traj_<i)
 *   w_{t+1} = w_t + eta g,  g = -grad l_t(w_t),  eta = 1/(4 + 2||g||^2)   (step rule transplanted [INFERRED])
 * </pre>
 *
 * An empty prefix gives no update. The failed on-policy sample's correct prefix is not used
 * [INFERRED, the listing's reading]. Query accounting: {@code Q = T + (PRM walk draws)} ({@link
 * PaperRun#explorationQueries()}). Per-position budget: the analysis uses {@code a = min{
 * Q^TL_{q0}((1 - o(1)) eps)^-1, k}} with a hidden {@code log N} [PAPER B]; {@code m} is given.
 */
public final class ProcessRewardWalk extends PaperLearner {
  private final long m;
  private final StepRule step;
  private final PaperBehaviour exploration;

  private ProcessRewardWalk(long m, StepRule step, PaperBehaviour exploration) {
    this.m = Checks.positive("m", m);
    this.step = Steps.check(step);
    this.exploration = checkBehaviour("exploration", exploration);
    if (exploration == PaperBehaviour.SEQUENCE_MIXTURE) {
      throw new IllegalArgumentException(
          "exploration = SEQUENCE_MIXTURE: the walk needs a token-level policy");
    }
  }

  /** Algorithm 2 with per-position budget {@code m} and the gradient-norm step. */
  public static ProcessRewardWalk of(long m) {
    return of(m, GradientNormStep.INSTANCE);
  }

  /** Algorithm 2 with per-position budget {@code m} and {@code step}. */
  public static ProcessRewardWalk of(long m, StepRule step) {
    return new ProcessRewardWalk(m, step, PaperBehaviour.TOKEN_MIXTURE);
  }

  /** A variant for the tests' mutants: token draws from {@code exploration} (e.g. uniform only). */
  public static ProcessRewardWalk withExploration(
      long m, StepRule step, PaperBehaviour exploration) {
    return new ProcessRewardWalk(m, step, exploration);
  }

  /** {@code m}. */
  public long budget() {
    return m;
  }

  @Override
  protected void iterate(LearnerState s, int c, RandomGenerator rng, Counters counters) {
    counters.queries++;
    int n = s.length();
    if (PaperBehaviour.ON_POLICY.drawsTarget(s, c, rng)) {
      s.reinforce(c, n, step, 1.0);
      counters.updates++;
      return;
    }
    int prefix = 0;
    walk:
    for (int i = 0; i < n; i++) {
      int target = s.targetToken(c, i);
      for (long j = 0; j < m; j++) {
        counters.queries++;
        counters.explorationQueries++;
        if (exploration.drawToken(s, c, i, rng) == target) {
          prefix++;
          continue walk;
        }
      }
      break;
    }
    if (prefix > 0) {
      s.reinforce(c, prefix, step, 1.0);
      counters.updates++;
    }
  }

  @Override
  public String describe() {
    return "ProcessRewardWalk(m=" + m + ", step=" + step.describe()
        + (exploration == PaperBehaviour.TOKEN_MIXTURE ? "" : ", MUTANT exploration=" + exploration)
        + ") [PAPER A,B Algorithm 2, docs/theory.md §4.6]";
  }
}
