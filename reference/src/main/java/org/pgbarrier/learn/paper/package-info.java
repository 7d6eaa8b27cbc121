/**
 * The paper's own learners ({@code docs/theory.md §4}), beside the authors'-code reproductions
 * ({@code learn.batch}, {@code learn.behaviour}) and the older reconstruction ({@code
 * learn.AdaptiveSgd}, {@code learn.ReconstructedOutcomePg}), which stay unchanged: {@link
 * org.pgbarrier.learn.paper.OutcomeRewardPg} (PG-OR loop, clipped ratio, online uniform), {@link
 * org.pgbarrier.learn.paper.BestOfMExploration} (Algorithm 1), {@link
 * org.pgbarrier.learn.paper.ProcessRewardWalk} (Algorithm 2), {@link
 * org.pgbarrier.learn.paper.LabelledSgd} (Prop 2.2), on a {@link
 * org.pgbarrier.learn.paper.LearnerState}: the fast {@link
 * org.pgbarrier.learn.paper.ClusterLearnerState} or the reference {@link
 * org.pgbarrier.learn.paper.ModelLearnerState}. Each run reports {@code T} and {@code Q}
 * separately ({@link org.pgbarrier.learn.paper.PaperRun}).
 */
package org.pgbarrier.learn.paper;
