package org.pgbarrier.learn.behaviour;

import java.util.random.RandomGenerator;

/**
 * The per-response state of a {@link BehaviourPolicy}: draws the token at position {@code i}
 * given the prefix {@code y[0..i)} generated so far. Created once per response by {@link
 * BehaviourPolicy#start}, so per-context work (for the bigram map, {@code W1^T x}) and the logit
 * buffer are set up once and the per-token call allocates nothing.
 */
@FunctionalInterface
public interface TokenSampler {
  /**
   * The token at position {@code i}. Reads {@code y[0..i)}; may use {@code y[i]} as scratch (the
   * caller then overwrites it with the returned token); never touches {@code y[i+1..N)}.
   */
  int next(int[] y, int i, RandomGenerator rng);
}
