/**
 * The exact cluster families F1-shared, F1-indep, staircase mixtures and F3 ({@code docs/theory.md
 * §6.2-6.5}): {@link org.pgbarrier.instance.cluster.ClusterFamily}, with their general feature map
 * {@link org.pgbarrier.instance.cluster.ClusterFeatureMap}.
 */
package org.pgbarrier.instance.cluster;
