package org.pgbarrier.learn.paper;

import java.util.random.RandomGenerator;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.StepRule;

/**
 * The outcome-reward policy gradient of the paper ({@code docs/theory.md §4.2}), PG-OR: no
 * baseline, no importance weights, reward in {@code {0, 1}} [PAPER A,B]:
 *
 * <pre>
 *   x_t ~ D;  y ~ q_t(. | x_t);  r = 1{y = y*(x_t)}                           (1 query)
 *   w_{t+1} = w_t + eta_t r_t grad_w log p_{w_t}(y | x_t),   eta_t = 1/(4 + 2 ||grad||^2)
 * </pre>
 *
 * A zero reward leaves {@code w} bit-identical (no call touches it). The behaviour {@code q_t} is
 * a {@link PaperBehaviour}: {@link PaperBehaviour#ON_POLICY} (Theorem 3's on-policy case), the
 * fixed {@link PaperBehaviour#SEQUENCE_MIXTURE} (Corollary 3.4, {@code docs/theory.md §5.4}), or
 * {@link PaperBehaviour#UNIFORM} (online PG, Remark 3.3, {@code docs/theory.md §4.7}: see {@link
 * #onlineUniform()}; the stream here is i.i.d. from {@code D}, not adversarial).
 *
 * <p>Clipped-ratio variant [PAPER A, single source, appendix]: the update is multiplied by {@code
 * rho_t = clip(p_{w_t}(y|x) / q_t(y|x), 1/zeta, zeta)}, computed in log space; {@code eta_t} stays
 * computed from {@code ||grad||} and {@code rho_t} multiplies the update [INFERRED]. {@code zeta =
 * infinity} gives the unclipped ratio (a mutant of the tests, not the paper's algorithm).
 */
public final class OutcomeRewardPg extends PaperLearner {
  private final PaperBehaviour behaviour;
  private final StepRule step;
  private final double zeta;

  private OutcomeRewardPg(PaperBehaviour behaviour, StepRule step, double zeta) {
    this.behaviour = checkBehaviour("behaviour", behaviour);
    this.step = Steps.check(step);
    this.zeta = zeta;
  }

  /** PG-OR with behaviour {@code q} and the gradient-norm step. */
  public static OutcomeRewardPg plain(PaperBehaviour behaviour) {
    return new OutcomeRewardPg(behaviour, GradientNormStep.INSTANCE, Double.NaN);
  }

  /** PG-OR with behaviour {@code q} and {@code step} (gradient-norm or constant). */
  public static OutcomeRewardPg plain(PaperBehaviour behaviour, StepRule step) {
    return new OutcomeRewardPg(behaviour, step, Double.NaN);
  }

  /** The clipped-ratio variant, {@code zeta >= 1} ({@code infinity}: unclipped). */
  public static OutcomeRewardPg clipped(PaperBehaviour behaviour, StepRule step, double zeta) {
    return new OutcomeRewardPg(behaviour, step, checkZeta(zeta));
  }

  /**
   * Online PG with uniform behaviour and the gradient-norm step (Remark 3.3 [PAPER B, single
   * source], {@code docs/theory.md §4.7}); its mistakes are {@link PaperRun#expectedMistakes()}.
   */
  public static OutcomeRewardPg onlineUniform() {
    return plain(PaperBehaviour.UNIFORM);
  }

  public PaperBehaviour behaviour() {
    return behaviour;
  }

  /** {@code zeta}, {@code NaN} without a ratio. */
  public double zeta() {
    return zeta;
  }

  /**
   * The PG-OR step at reward {@code r}: nothing when {@code r = 0}, else {@code w <- w + factor
   * eta g} with {@code g = grad log p_w(y*_c | x_c)}.
   *
   * @return the step {@code eta} taken, 0 when {@code r = 0}
   */
  public static double step(LearnerState s, int c, boolean reward, StepRule rule, double factor) {
    if (!reward) {
      return 0;
    }
    return s.reinforce(c, s.length(), rule, factor);
  }

  /** {@code clip(p_w(y*|x_c) / q(y*|x_c), 1/zeta, zeta)}, in log space. */
  public static double clippedRatio(LearnerState s, int c, PaperBehaviour q, double zeta) {
    double logRatio = s.targetLogLikelihood(c) - q.targetLogLikelihood(s, c);
    double bound = Math.log(checkZeta(zeta));
    return Math.exp(Math.max(-bound, Math.min(bound, logRatio)));
  }

  @Override
  protected void iterate(LearnerState s, int c, RandomGenerator rng, Counters counters) {
    counters.queries++;
    if (behaviour.drawsTarget(s, c, rng)) {
      double factor = Double.isNaN(zeta) ? 1.0 : clippedRatio(s, c, behaviour, zeta);
      step(s, c, true, step, factor);
      counters.updates++;
    }
  }

  @Override
  public String describe() {
    return "OutcomeRewardPg(q=" + behaviour + ", step=" + step.describe()
        + (Double.isNaN(zeta) ? "" : ", clip zeta=" + zeta + " [PAPER A, single source]")
        + ") [PAPER A,B, docs/theory.md §4.2]";
  }
}
