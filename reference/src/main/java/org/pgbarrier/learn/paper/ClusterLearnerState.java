package org.pgbarrier.learn.paper;

import org.pgbarrier.Checks;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.ClusterFeatureMap;
import org.pgbarrier.kernel.LogSumExp;
import org.pgbarrier.learn.StepRule;

/**
 * The fast exact representation of a learner on a {@link ClusterFamily} ({@code docs/theory.md
 * §6.2-6.5}). The weight blocks of different clusters are orthogonal, so an update from cluster
 * {@code c} touches its blocks only: one {@link #reinforce} and the exact error update cost
 * {@code O(N k)} plus {@code O(log M)}, never a pass over the contexts.
 *
 * <ul>
 *   <li>The weights {@code w} are laid out as in {@link ClusterFeatureMap}, so they compare
 *       directly with the general model's.
 *   <li>Per block: the softmax of the current and of the base block (relative-token order), and
 *       {@code log p_w} of the block's correct token; per cluster: {@code log p_w(y*_c | x_c)} (the
 *       sum over its positions; {@code N} times the block's for shared features).
 *   <li>The exact error {@code err(w) = sum_c mu_c (-expm1(log p_w(y*_c | x_c)))} is the root of
 *       a fixed-shape pairwise tree over the per-cluster terms: each leaf is a function of the
 *       current block only and the tree shape never changes, so {@link #error()} has the same bits
 *       whatever the update history. {@code k^N = 10^40} is still exact (log space).
 *   <li>The random-iterate error {@code (1/T) sum_t err(w_t)} is a compensated running sum of the
 *       root; the per-context one is accumulated lazily (a cluster's term is constant between its
 *       updates).
 * </ul>
 *
 * Token draws use the cached probabilities in token order, the rule of {@code InverseCdf.token};
 * they agree with the general model's draws except when {@code u} falls within a few ulps of a
 * CDF boundary. Not thread-safe.
 */
public final class ClusterLearnerState extends AbstractLearnerState {
  private final ClusterFamily family;
  private final ClusterFeatureMap phi;
  private final int clusters;
  private final int blocksPerCluster;
  private final int[] blockTargets;
  private final int[] targets;
  private final double[] prob;
  private final double[] baseProb;
  private final double[] baseTokenLog;
  private final double[] blockLog;
  private final double[] clusterLog;
  private final int leaves;
  private final double[] tree;
  private final double[] gradient;
  private final double[] scratch;
  // per-context random-iterate bookkeeping
  private final double[] contextSum;
  private final long[] since;

  /** The state at weights {@code w1} (a copy is kept). */
  public ClusterLearnerState(ClusterFamily family, double[] w1) {
    super(family.vocabularySize(), family.length(), family.masses(), w1);
    Checks.length("w1", w1.length, family.dimension());
    Checks.finite("w1", w1);
    this.family = family;
    this.phi = family.featureMap();
    this.clusters = family.clusterCount();
    this.blocksPerCluster = phi.blocksPerCluster();
    int blocks = clusters * blocksPerCluster;
    this.blockTargets = new int[blocks];
    for (int b = 0; b < blocks; b++) {
      blockTargets[b] = family.blockTarget(b);
    }
    this.targets = new int[clusters * length];
    for (int c = 0; c < clusters; c++) {
      System.arraycopy(family.target(c), 0, targets, c * length, length);
    }
    this.prob = new double[blocks * k];
    this.baseProb = new double[blocks * k];
    this.baseTokenLog = new double[blocks];
    this.blockLog = new double[blocks];
    this.clusterLog = new double[clusters];
    this.scratch = new double[k];
    this.gradient = new double[blocksPerCluster * k];
    double[] base = family.baseWeights();
    for (int b = 0; b < blocks; b++) {
      baseTokenLog[b] = refresh(base, b, baseProb);
      blockLog[b] = refresh(w, b, prob);
    }
    int p = 1;
    while (p < clusters) {
      p <<= 1;
    }
    this.leaves = p;
    this.tree = new double[2 * p];
    for (int c = 0; c < clusters; c++) {
      clusterLog[c] = clusterLogLikelihood(c);
      tree[p + c] = masses[c] * -Math.expm1(clusterLog[c]);
    }
    for (int j = p - 1; j >= 1; j--) {
      tree[j] = tree[2 * j] + tree[2 * j + 1];
    }
    this.contextSum = new double[clusters];
    this.since = new long[clusters];
  }

  /** The state at the base weights {@code w0}. */
  public static ClusterLearnerState atBase(ClusterFamily family) {
    return new ClusterLearnerState(family, family.baseWeights());
  }

  /** The state at {@code w = 0} (the uniform learner). */
  public static ClusterLearnerState atZero(ClusterFamily family) {
    return new ClusterLearnerState(family, new double[family.dimension()]);
  }

  public ClusterFamily family() {
    return family;
  }

  /**
   * Writes the softmax of block {@code b} of {@code weights} into {@code out[b k ..)} and returns
   * the log-probability of the block's correct token.
   */
  private double refresh(double[] weights, int b, double[] out) {
    int off = b * k;
    System.arraycopy(weights, off, scratch, 0, k);
    double lse = LogSumExp.of(scratch, k);
    for (int r = 0; r < k; r++) {
      out[off + r] = Math.exp(scratch[r] - lse);
    }
    return LogSumExp.logSoftmaxAt(scratch, k, blockTargets[b]);
  }

  private double clusterLogLikelihood(int c) {
    if (blocksPerCluster == 1) {
      return length * blockLog[c];
    }
    double s = 0;
    int b0 = c * blocksPerCluster;
    for (int i = 0; i < length; i++) {
      s += blockLog[b0 + i];
    }
    return s;
  }

  @Override
  public int targetToken(int c, int i) {
    return targets[c * length + i];
  }

  @Override
  public String describe() {
    return family.describe();
  }

  @Override
  public int sampleCurrentToken(int c, int i, double u) {
    return token(prob, phi.block(c, i), i, u);
  }

  @Override
  public int sampleBaseToken(int c, int i, double u) {
    return token(baseProb, phi.block(c, i), i, u);
  }

  /** Inverse CDF in token order over the block's cached probabilities. */
  private int token(double[] p, int b, int i, double u) {
    int off = b * k;
    int r = phi.relative(i, 0);
    double cumulative = 0;
    int last = 0;
    for (int v = 0; v < k; v++) {
      double pv = p[off + r];
      if (pv > 0) {
        last = v;
        cumulative += pv;
        if (u < cumulative) {
          return v;
        }
      }
      r = r + 1 == k ? 0 : r + 1;
    }
    return last;
  }

  @Override
  public double targetLogLikelihood(int c) {
    return clusterLog[c];
  }

  @Override
  public double targetTokenLogProbability(int c, int i) {
    return blockLog[phi.block(c, i)];
  }

  @Override
  public double baseTargetLogLikelihood(int c) {
    if (blocksPerCluster == 1) {
      return length * baseTokenLog[c];
    }
    double s = 0;
    for (int i = 0; i < length; i++) {
      s += baseTokenLog[c * blocksPerCluster + i];
    }
    return s;
  }

  @Override
  public double baseTargetTokenLogProbability(int c, int i) {
    return baseTokenLog[phi.block(c, i)];
  }

  @Override
  public double reinforce(int c, int n, StepRule rule, double factor) {
    Checks.inRange("n", n, 1, length);
    // g = sum_{i<n} (e_{t} - p) per touched block, 1 - p_t summed from the other tokens
    int touched = blocksPerCluster == 1 ? 1 : n;
    int b0 = c * blocksPerCluster;
    double normSquared = 0;
    for (int j = 0; j < touched; j++) {
      int b = b0 + j;
      int off = b * k;
      int t = blockTargets[b];
      double times = blocksPerCluster == 1 ? n : 1;
      double rest = 0;
      for (int r = 0; r < k; r++) {
        if (r != t) {
          rest += prob[off + r];
          gradient[j * k + r] = -times * prob[off + r];
        }
      }
      gradient[j * k + t] = times * rest;
      for (int r = 0; r < k; r++) {
        normSquared += gradient[j * k + r] * gradient[j * k + r];
      }
    }
    double eta = takeStep(rule, factor, normSquared, gradient, b0 * k, touched * k);
    for (int j = 0; j < touched; j++) {
      blockLog[b0 + j] = refresh(w, b0 + j, prob);
    }
    double before = -Math.expm1(clusterLog[c]);
    long recorded = recordedIterates();
    contextSum[c] += before * (recorded - since[c]);
    since[c] = recorded;
    clusterLog[c] = clusterLogLikelihood(c);
    int leaf = leaves + c;
    tree[leaf] = masses[c] * -Math.expm1(clusterLog[c]);
    for (int j = leaf >>> 1; j >= 1; j >>>= 1) {
      tree[j] = tree[2 * j] + tree[2 * j + 1];
    }
    return eta;
  }

  @Override
  public double error() {
    return tree[1];
  }

  @Override
  public void resetIterates() {
    super.resetIterates();
    java.util.Arrays.fill(contextSum, 0.0);
    java.util.Arrays.fill(since, 0L);
  }

  @Override
  public void recordIterate() {
    addIterateError(tree[1]);
  }

  @Override
  public double[] contextRandomIterateErrors() {
    long recorded = recordedIterates();
    double[] out = new double[clusters];
    for (int c = 0; c < clusters; c++) {
      out[c] = recorded == 0 ? Double.NaN
          : (contextSum[c] + -Math.expm1(clusterLog[c]) * (recorded - since[c])) / recorded;
    }
    return out;
  }
}
