package org.pgbarrier.learn.paper;

import java.util.random.RandomGenerator;

/**
 * The behaviour policies {@code q_t} of the paper's learners ({@code docs/theory.md §4.3}), not to
 * be confused with the authors'-code behaviours of {@code learn.behaviour}. Random numbers, in
 * order (a fixed protocol, so that two {@link LearnerState}s given the same generator make the same
 * draws):
 *
 * <ul>
 *   <li>{@link #ON_POLICY} {@code p_{w_t}}, {@link #BASE} {@code q0}: one {@code nextDouble()} per
 *       token, inverse CDF in token order;
 *   <li>{@link #UNIFORM} {@code Unif(Y^N)}: one {@code nextInt(k)} per token;
 *   <li>{@link #SEQUENCE_MIXTURE} {@code 1/2 q0 + 1/2 Unif(Y^N)}: ONE {@code nextBoolean()} per
 *       response ({@code true}: the whole response from {@code q0}), then that policy's numbers
 *       [PAPER A,B for the mixture; sequence level INFERRED from the {@code min{., k^N}} form,
 *       docs/theory.md §11]. It guarantees {@code q(y*|x) >= max(q0(y*|x), k^-N)/2}.
 *   <li>{@link #TOKEN_MIXTURE} {@code 1/2 q0(.|x, prefix) + 1/2 Unif(Y)} (Algorithm 2's
 *       exploration [PAPER A,B]): per token one {@code nextBoolean()} ({@code true}: {@code q0}),
 *       then that token's number.
 * </ul>
 *
 * Responses are drawn lazily along the correct prefix: drawing stops at the first wrong token
 * (see {@link LearnerState}).
 */
public enum PaperBehaviour {
  ON_POLICY,
  BASE,
  UNIFORM,
  SEQUENCE_MIXTURE,
  TOKEN_MIXTURE;

  private static final double LOG2 = Math.log(2);

  /**
   * Draws {@code y ~ q(. | x_c)} and returns whether {@code y = y*_c} (the outcome reward, one
   * query for the caller to count).
   */
  public boolean drawsTarget(LearnerState s, int c, RandomGenerator rng) {
    if (this == SEQUENCE_MIXTURE) {
      return (rng.nextBoolean() ? BASE : UNIFORM).drawsTarget(s, c, rng);
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (drawToken(s, c, i, rng) != s.targetToken(c, i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Draws one token of {@code q(. | x_c, y*_<i)}.
   *
   * @throws IllegalArgumentException for {@link #SEQUENCE_MIXTURE}, which is not a product of
   *     per-token policies
   */
  public int drawToken(LearnerState s, int c, int i, RandomGenerator rng) {
    return switch (this) {
      case ON_POLICY -> s.sampleCurrentToken(c, i, rng.nextDouble());
      case BASE -> s.sampleBaseToken(c, i, rng.nextDouble());
      case UNIFORM -> rng.nextInt(s.vocabularySize());
      case TOKEN_MIXTURE -> rng.nextBoolean()
          ? s.sampleBaseToken(c, i, rng.nextDouble())
          : rng.nextInt(s.vocabularySize());
      case SEQUENCE_MIXTURE -> throw new IllegalArgumentException("behaviour = SEQUENCE_MIXTURE:"
          + " token draws need a token-level policy (the coin is one per response)");
    };
  }

  /**
   * {@code log q(y*_c | x_c)}: {@code log alpha}, the behaviour likelihood of the correct response
   * ({@code docs/theory.md §3.1}; for {@link #ON_POLICY} at the current weights).
   */
  public double targetLogLikelihood(LearnerState s, int c) {
    int n = s.length();
    double logUniform = -n * Math.log(s.vocabularySize());
    return switch (this) {
      case ON_POLICY -> s.targetLogLikelihood(c);
      case BASE -> s.baseTargetLogLikelihood(c);
      case UNIFORM -> logUniform;
      case SEQUENCE_MIXTURE -> logAddExp(s.baseTargetLogLikelihood(c), logUniform) - LOG2;
      case TOKEN_MIXTURE -> {
        double logToken = -Math.log(s.vocabularySize());
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += logAddExp(s.baseTargetTokenLogProbability(c, i), logToken) - LOG2;
        }
        yield sum;
      }
    };
  }

  /** {@code log(e^a + e^b)}, stable. */
  static double logAddExp(double a, double b) {
    double max = Math.max(a, b);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.exp(Math.min(a, b) - max));
  }
}
