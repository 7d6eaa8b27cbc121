/**
 * The authors' experiments of arXiv 2603.06957 (github.com/mousavih/rlvr-base-model-barrier,
 * {@code utils/experiments.py}) as typed settings and runners [CODE]: supervised pre-training
 * followed by outcome- or process-reward PG ({@code outcome_reward}, {@code process_reward}), and
 * the likelihood CDF, quantile and alpha-tail across pre-training checkpoints ({@code
 * cdf_quantile}). Settings mirror the authors' YAML schema one block per record; the YAML reader
 * in {@code org.pgbarrier.io.config} produces them, the runners consume them. Semantics:
 * docs/theory.md §7.
 */
package org.pgbarrier.experiment;
