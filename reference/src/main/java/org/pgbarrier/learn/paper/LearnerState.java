package org.pgbarrier.learn.paper;

import java.util.random.RandomGenerator;
import org.pgbarrier.learn.StepRule;

/**
 * The weights of a learner on an exact finite problem, with what the paper's algorithms ask of
 * them ({@code docs/theory.md §2, §4}): draws along the correct prefix, the reinforcement of a
 * prefix of {@code y*}, and the exact error of the current and of the random iterate.
 *
 * <p>Every update of the paper's algorithms reinforces (a prefix of) the correct response: the
 * outcome reward is 0 on every other response, the process reward on every prefix past the first
 * wrong token. So draws only ever continue along {@code y*_<i}, and a response is drawn lazily:
 * tokens after its first wrong token are not drawn, since neither the reward nor the update reads
 * them (same law as drawing them; fewer random numbers) [INFERRED implementation detail].
 *
 * <p>Two implementations: {@link ClusterLearnerState} (the fast one, O(N k) per update on the
 * touched cluster) and {@link ModelLearnerState} (any {@code LinearAutoregressiveModel}, the
 * reference the tests compare it with). The same calls with the same random numbers give the
 * same draws.
 */
public interface LearnerState {
  /** {@code k}. */
  int vocabularySize();

  /** {@code N}. */
  int length();

  /** The number of contexts {@code M} of the finite distribution. */
  int contextCount();

  /** {@code mu_c}. */
  double mass(int c);

  /** {@code y*_i} of context {@code c}. */
  int targetToken(int c, int i);

  /** One line naming the problem. */
  String describe();

  /**
   * {@code x ~ D}: one {@code rng.nextDouble()}, inverse CDF over the masses in context order
   * (the arithmetic of {@code FiniteDistribution.sample}).
   */
  int drawContext(RandomGenerator rng);

  /** The token of {@code p_w(. | x_c, y*_<i)} at uniform {@code u}, by inverse CDF in token order. */
  int sampleCurrentToken(int c, int i, double u);

  /** The token of {@code q0(. | x_c, y*_<i)} at uniform {@code u}, by inverse CDF in token order. */
  int sampleBaseToken(int c, int i, double u);

  /** {@code log p_w(y*_c | x_c)}. */
  double targetLogLikelihood(int c);

  /** {@code log p_w(y*_i | x_c, y*_<i)}, the current model along the correct prefix. */
  double targetTokenLogProbability(int c, int i);

  /** {@code log q0(y*_c | x_c)}. */
  double baseTargetLogLikelihood(int c);

  /** {@code log q0(y*_i | x_c, y*_<i)}. */
  double baseTargetTokenLogProbability(int c, int i);

  /**
   * The update {@code w <- w + factor * eta * g} with {@code g = sum_{i < n} grad_w log p_w(y*_i
   * | x_c, y*_<i)} (all blocks) and {@code eta} the step of {@code rule} at {@code ||g||^2}
   * ({@link org.pgbarrier.learn.GradientNormStep}: {@code 1/(4 + 2||g||^2)}; {@link org.pgbarrier.learn.ConstantStep}: its {@code
   * eta}).
   *
   * @param n the length of the reinforced prefix, {@code 1 <= n <= N}
   * @param factor the factor applied to the update (1, or a clipped importance ratio)
   * @return the step {@code eta} taken
   * @throws ArithmeticException if a weight would become non-finite (weights then unchanged)
   * @throws IllegalArgumentException if the rule is neither of the two above
   * @see #lastNormSquared()
   */
  double reinforce(int c, int n, StepRule rule, double factor);

  /** {@code ||g||^2} of the last {@link #reinforce}. */
  double lastNormSquared();

  /** The exact error {@code err(w) = sum_c mu_c (1 - p_w(y*_c | x_c))}. */
  double error();

  /** Forgets the recorded iterates. */
  void resetIterates();

  /** Records the current weights as the next iterate {@code w_t} of the random-iterate error. */
  void recordIterate();

  /** The number of recorded iterates {@code T}. */
  long recordedIterates();

  /** {@code (1/T) sum_t err(w_t)} over the recorded iterates. */
  double randomIterateError();

  /** {@code (1/T) sum_t (1 - p_{w_t}(y*_c | x_c))} for every context {@code c}. */
  double[] contextRandomIterateErrors();

  /** The current weights, a copy. */
  double[] weights();
}
