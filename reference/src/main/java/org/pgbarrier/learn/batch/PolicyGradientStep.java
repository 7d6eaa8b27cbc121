package org.pgbarrier.learn.batch;

/**
 * What one policy-gradient (E2 or E3) step reports, all at the weights before the step.
 *
 * @param step the 1-based index of the step within its learner
 * @param loss the surrogate loss {@code -(1/(BN)) sum_{b,i} adv_{b,i} log p_w(y_{b,i} | x_b,
 *     y_{b,<i})} (the value the authors log as {@code loss})
 * @param meanReward the mean signed reward: {@code mean_b r_b} (E2) or {@code mean_{b,i} r_{b,i}}
 *     (E3), in {@code [-1, 1]}
 * @param accuracy the fraction of the batch's responses equal to {@code y*} (the authors' {@code
 *     acc})
 * @param queries the queries charged to the learner's reward counter during the step (including
 *     those of a behaviour that shares the counter)
 */
public record PolicyGradientStep(
    int step, double loss, double meanReward, double accuracy, long queries)
    implements BatchStep {}
