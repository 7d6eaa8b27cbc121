package org.pgbarrier.properties;

import org.pgbarrier.learn.StepRule;

/** Step-rule mutants shared by the learner claims. */
final class StepMutants {
  private StepMutants() {}

  /** The sign error: {@code rule} applied to {@code -d}, i.e. descent on {@code log p}. */
  static StepRule descent(StepRule rule) {
    return new StepRule() {
      @Override
      public void apply(double[] w, double[] direction, double loss) {
        double[] negated = direction.clone();
        for (int j = 0; j < negated.length; j++) {
          negated[j] = -negated[j];
        }
        rule.apply(w, negated, loss);
      }

      @Override
      public StepRule fresh() {
        return descent(rule.fresh());
      }

      @Override
      public String describe() {
        return "descent along " + rule.describe();
      }
    };
  }
}
