/**
 * Files in and out, in three rooms: {@code io.conformance} (the {@code pgbarrier/bigram-v1},
 * {@code lq-v1} and {@code pg-step-v1} formats that other implementations are checked against),
 * {@code io.config} (the strict reader of the authors' YAML configs) and {@code io.artifact} (what
 * an experiment run writes and reads back: the artifact JSON, its settings block, the completion
 * marker and the staged replacement of a previous run). This package holds what they share: the
 * streaming JSON cursor and writer, the input rules and {@link AtomicFiles}.
 */
package org.pgbarrier.io;
