package org.pgbarrier.instance.cluster;

/**
 * A context {@code x_c} of a cluster family: the cluster index {@code c}. The features depend on
 * {@code (c, i, v)} only, never on the prefix ({@code docs/theory.md §6.2}).
 */
public record ClusterContext(int cluster) {}
