package org.pgbarrier.metric;

/**
 * Which per-context likelihood of the correct response a CDF or quantile is taken of. With the
 * token likelihoods along the correct prefix {@code q_i(x) = q(y*_i | x, y*_<i)}, {@code i = 1..N}
 * (docs/theory.md §3):
 */
public enum LikelihoodStatistic {
  /**
   * {@code alpha(x) = q(y*|x) = prod_i q_i(x)}, the paper's likelihood of the correct response
   * [SOURCE: abstract, arXiv 2603.06957; CODE: utils/metrics.py::compute_sequence_likelihood].
   */
  SEQUENCE,

  /**
   * {@code alpha_tok(x) = min_i q_i(x)}: the token-level likelihood whose quantile is the
   * token-level LQ {@code Q^TL_q(eps) = sup{a : P_x(min_i q_i(x) <= a) <= eps}}, the minimum over
   * the positions of the correct prefix, not an average [PAPER A,C; docs/theory.md §3.4]
   * (earlier [RECONSTRUCTED] here from the abstract's "token-level LQ" [SOURCE]).
   */
  TOKEN_MIN,

  /**
   * {@code (1/N) sum_i q_i(x)}, the mean-over-positions variant of the token-level likelihood
   * [RECONSTRUCTED: not the paper's, which takes the minimum (docs/theory.md §3.4); neither the
   * paper's text nor the code defines it].
   */
  TOKEN_MEAN
}
