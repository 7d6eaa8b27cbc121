package org.pgbarrier.learn.paper;

import org.pgbarrier.learn.ConstantStep;
import org.pgbarrier.learn.GradientNormStep;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.random.Draws;

/** The step of a rule at {@code ||g||^2}, and a compensated sum. */
final class Steps {
  private Steps() {}

  /** {@code eta} of {@code rule} at a direction of squared norm {@code normSquared}. */
  static double eta(StepRule rule, double normSquared) {
    if (rule instanceof GradientNormStep) {
      if (!Double.isFinite(normSquared)) {
        throw new ArithmeticException("||g||^2 = " + normSquared + ": not finite");
      }
      return GradientNormStep.eta(normSquared);
    }
    if (rule instanceof ConstantStep constant) {
      return constant.eta();
    }
    throw new IllegalArgumentException("rule = " + (rule == null ? "null" : rule.describe())
        + ": must be GradientNormStep or ConstantStep (the paper's learners need eta as a"
        + " function of ||g||^2)");
  }

  /** Requires a rule {@link #eta} accepts. */
  static StepRule check(StepRule rule) {
    eta(rule, 0.0);
    return rule;
  }

  /** Neumaier's compensated sum. */
  static final class Sum {
    private double sum;
    private double compensation;

    void add(double x) {
      double t = sum + x;
      compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
      sum = t;
    }

    double value() {
      return sum + compensation;
    }

    void reset() {
      sum = 0;
      compensation = 0;
    }
  }

  /** {@code x ~ D} over cumulative masses, the arithmetic of {@code FiniteDistribution.sample}. */
  static final class Masses {
    private final double[] cumulative;

    Masses(double[] masses) {
      cumulative = Draws.cumulative(masses);
    }

    int draw(java.util.random.RandomGenerator rng) {
      return Draws.indexOfCumulative(cumulative, rng.nextDouble());
    }
  }
}
