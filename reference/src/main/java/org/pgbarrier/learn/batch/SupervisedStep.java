package org.pgbarrier.learn.batch;

/**
 * What one supervised (E1) step reports.
 *
 * @param step the 1-based index of the step within its learner
 * @param loss the token-averaged cross-entropy of the batch at the weights before the step,
 *     {@code -(1/(BN)) sum_b log p_w(y*_b | x_b)} (the value the authors log as {@code loss})
 */
public record SupervisedStep(int step, double loss) implements BatchStep {
  /** 0: a supervised step reads the labels {@code y*}, it queries no reward. */
  @Override
  public long queries() {
    return 0;
  }
}
