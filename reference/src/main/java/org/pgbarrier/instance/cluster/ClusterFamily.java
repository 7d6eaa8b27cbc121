package org.pgbarrier.instance.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.FiniteDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.MarginCertificate;
import org.pgbarrier.instance.Margins;
import org.pgbarrier.instance.Recipe;
import org.pgbarrier.kernel.LogSumExp;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * An exact cluster family ({@code docs/theory.md §6.2-6.5}): {@code M} contexts (clusters) {@code
 * x_c} with masses {@code mu_c}, correct responses {@code y*_c}, the feature map {@link
 * ClusterFeatureMap}, the teacher {@code w*} with its exact margin, and a base model {@code w0}
 * given per block by a {@link TokenBase}. Immutable.
 *
 * <ul>
 *   <li><b>F1-shared</b> ({@link #f1Shared}): {@code y*_i = (B_c + i) mod k}, {@code phi = e_c (x)
 *       e_{(v-i) mod k}}, {@code w* = M^-1/2 sum_c e_c (x) e_{B_c}}: margin exactly {@code gamma =
 *       M^-1/2} at every position, {@code D = M k = k/gamma^2}.
 *   <li><b>F1-indep</b> ({@link #f1Indep}): {@code phi = e_{c,i} (x) e_v}, same targets, margin
 *       {@code (M N)^-1/2}.
 *   <li><b>Staircase mixtures</b> ({@link #staircase}): F1-shared with groups of clusters of
 *       given mass and per-token base probability.
 *   <li><b>F3</b> ({@link #f3}, Theorem 5.5 shape [PAPER B, single source]): {@code y* = (B_c, ...,
 *       B_c)}, {@code B_c} uniform on the first two tokens, F1-shared features with shift 0, a
 *       heavy part plus {@code L} light clusters.
 * </ul>
 *
 * The families are our designs [INFERRED] (docs/theory.md §11); the paper reports only F3's shape.
 * Every family is also a general {@link LinearAutoregressiveModel} over {@link ClusterContext}
 * ({@link #model()}, {@link #contexts()}), which the tests use as the oracle of the fast path.
 */
public final class ClusterFamily {
  private final Recipe recipe;
  private final ClusterFeatureMap phi;
  private final int k;
  private final int length;
  private final double[] masses;
  private final int[] offsets;
  private final int[] groups;
  private final int groupCount;
  private final int[] blockTargets;
  private final double[] baseWeights;
  private final double[] wStar;
  private final double gamma;

  private ClusterFamily(
      Recipe recipe,
      ClusterFeatureMap phi,
      double[] masses,
      int[] offsets,
      int[] groups,
      TokenBase[] blockBases) {
    this.recipe = recipe;
    this.phi = phi;
    this.k = phi.vocabularySize();
    this.length = phi.length();
    int m = phi.clusterCount();
    Checks.length("masses", masses.length, m);
    double total = 0;
    for (int c = 0; c < m; c++) {
      Checks.positive("masses[" + c + "]", masses[c]);
      total += masses[c];
    }
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("masses sum to " + total + ": must sum to 1");
    }
    this.masses = masses.clone();
    this.offsets = offsets.clone();
    this.groups = groups.clone();
    int g = 0;
    for (int x : groups) {
      g = Math.max(g, x + 1);
    }
    this.groupCount = g;
    int bpc = phi.blocksPerCluster();
    int blocks = m * bpc;
    Checks.length("block bases", blockBases.length, blocks);
    this.blockTargets = new int[blocks];
    this.baseWeights = new double[phi.dimension()];
    this.wStar = new double[phi.dimension()];
    this.gamma = 1.0 / Math.sqrt(blocks);
    for (int b = 0; b < blocks; b++) {
      if (blockBases[b] == null) {
        throw new IllegalArgumentException("base of block " + b + " = null: must be a TokenBase");
      }
    }
    for (int c = 0; c < m; c++) {
      for (int j = 0; j < bpc; j++) {
        int b = c * bpc + j;
        // independent blocks hold position j; its token is (B_c + j) mod k, relative = token
        blockTargets[b] = phi.independent() ? (offsets[c] + j) % k : offsets[c];
        blockBases[b].writeBlock(k, blockTargets[b], baseWeights, b * k);
        wStar[b * k + blockTargets[b]] = gamma;
      }
    }
  }

  // ---------------------------------------------------------------- factories

  /**
   * F1-shared ({@code docs/theory.md §6.2}) with {@code B_c} uniform on {@code [k]}, drawn in
   * cluster order by {@code new SplittableRandom(seed).nextInt(k)}.
   *
   * @param base the base of each cluster's block
   */
  public static ClusterFamily f1Shared(
      int k, int length, double[] masses, TokenBase[] base, long seed) {
    int m = masses.length;
    Checks.length("base", base.length, m);
    var phi = new ClusterFeatureMap(Checks.positive("M", m), k, length, false, 1);
    return new ClusterFamily(new Recipe("F1-shared", params(k, length, m), seed), phi, masses,
        uniformOffsets(m, k, seed), new int[m], base.clone());
  }

  /**
   * F1-indep ({@code docs/theory.md §6.3}): as F1-shared but one block per (cluster, position),
   * {@code base[c][i]} the base of position {@code i} of cluster {@code c}.
   */
  public static ClusterFamily f1Indep(
      int k, int length, double[] masses, TokenBase[][] base, long seed) {
    int m = masses.length;
    Checks.length("base", base.length, m);
    var phi = new ClusterFeatureMap(Checks.positive("M", m), k, length, true, 0);
    TokenBase[] blocks = new TokenBase[m * length];
    for (int c = 0; c < m; c++) {
      Checks.length("base[" + c + "]", base[c].length, length);
      System.arraycopy(base[c], 0, blocks, c * length, length);
    }
    return new ClusterFamily(new Recipe("F1-indep", params(k, length, m), seed), phi, masses,
        uniformOffsets(m, k, seed), new int[m], blocks);
  }

  /**
   * F3 ({@code docs/theory.md §6.5}, the shape of Theorem 5.5's construction [PAPER B, single
   * source]): {@code y*_c = (B_c, ..., B_c)} with {@code B_c in {0, 1}} (the first two tokens)
   * i.i.d. fair, drawn in cluster order by {@code new SplittableRandom(seed).nextInt(2)};
   * features F1-shared with shift 0; {@code heavyClusters} clusters sharing {@code heavyMass}
   * (group 0) and {@code lightClusters} clusters sharing {@code 1 - heavyMass} (group 1); base
   * uniform ({@code w0 = 0}).
   */
  public static ClusterFamily f3(
      int k, int length, int heavyClusters, double heavyMass, int lightClusters, long seed) {
    Checks.positive("heavyClusters", heavyClusters);
    Checks.positive("lightClusters", lightClusters);
    Checks.openUnit("heavyMass", heavyMass);
    int m = heavyClusters + lightClusters;
    var phi = new ClusterFeatureMap(m, k, length, false, 0);
    double[] masses = new double[m];
    int[] groups = new int[m];
    for (int c = 0; c < m; c++) {
      boolean heavy = c < heavyClusters;
      masses[c] = heavy ? heavyMass / heavyClusters : (1 - heavyMass) / lightClusters;
      groups[c] = heavy ? 0 : 1;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] offsets = new int[m];
    for (int c = 0; c < m; c++) {
      offsets[c] = rng.nextInt(2);
    }
    TokenBase[] base = new TokenBase[m];
    java.util.Arrays.fill(base, TokenBase.uniform());
    Map<String, Object> p = params(k, length, m);
    p.put("heavyClusters", heavyClusters);
    p.put("heavyMass", heavyMass);
    p.put("lightClusters", lightClusters);
    return new ClusterFamily(new Recipe("F3", p, seed), phi, masses, offsets, groups, base);
  }

  /** A staircase mixture ({@code docs/theory.md §6.4}) over F1-shared. */
  public static Staircase staircase(int k, int length) {
    return new Staircase(k, length);
  }

  /**
   * Builder of a staircase mixture: groups {@code g} of {@code clusters_g} F1-shared clusters,
   * each of mass {@code mu_g / clusters_g}, with per-token base {@code s_g} (a {@link TokenBase},
   * so confidently wrong groups are allowed). Group masses must sum to 1.
   */
  public static final class Staircase {
    private final int k;
    private final int length;
    private final List<Double> masses = new ArrayList<>();
    private final List<TokenBase> bases = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();

    private Staircase(int k, int length) {
      this.k = Checks.atLeast("k", k, 2);
      this.length = Checks.positive("N", length);
    }

    /** Adds group {@code g = } (number of groups so far). */
    public Staircase group(double mass, int clusters, TokenBase base) {
      Checks.positive("mass", mass);
      Checks.positive("clusters", clusters);
      if (base == null) {
        throw new IllegalArgumentException("base = null: must be a TokenBase");
      }
      masses.add(mass);
      sizes.add(clusters);
      bases.add(base);
      return this;
    }

    /** The family; {@code B_c} as in {@link #f1Shared}. */
    public ClusterFamily build(long seed) {
      Checks.positive("groups", sizes.size());
      int m = 0;
      for (int s : sizes) {
        m += s;
      }
      double[] mu = new double[m];
      int[] groups = new int[m];
      TokenBase[] base = new TokenBase[m];
      StringBuilder desc = new StringBuilder();
      int c = 0;
      for (int g = 0; g < sizes.size(); g++) {
        for (int j = 0; j < sizes.get(g); j++, c++) {
          mu[c] = masses.get(g) / sizes.get(g);
          groups[c] = g;
          base[c] = bases.get(g);
        }
        desc.append(g == 0 ? "" : "; ").append(masses.get(g)).append(" x").append(sizes.get(g))
            .append(' ').append(bases.get(g).kind()).append(" log s=")
            .append(bases.get(g).logProbability(k));
      }
      var phi = new ClusterFeatureMap(m, k, length, false, 1);
      Map<String, Object> p = params(k, length, m);
      p.put("groups", desc.toString());
      return new ClusterFamily(new Recipe("F1-staircase", p, seed), phi, mu,
          uniformOffsets(m, k, seed), groups, base);
    }
  }

  private static Map<String, Object> params(int k, int length, int m) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("k", k);
    p.put("N", length);
    p.put("M", m);
    return p;
  }

  private static int[] uniformOffsets(int m, int k, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] offsets = new int[m];
    for (int c = 0; c < m; c++) {
      offsets[c] = rng.nextInt(k);
    }
    return offsets;
  }

  // ---------------------------------------------------------------- accessors

  /** {@code F1-shared}, {@code F1-indep}, {@code F1-staircase} or {@code F3}. */
  public String family() {
    return recipe.family();
  }

  public Map<String, Object> parameters() {
    return recipe.parameters();
  }

  public long seed() {
    return recipe.seed();
  }

  /** One line: family, parameters and seed. */
  public String describe() {
    return recipe.describe();
  }

  public ClusterFeatureMap featureMap() {
    return phi;
  }

  /** {@code M}, the number of contexts. */
  public int clusterCount() {
    return masses.length;
  }

  public int vocabularySize() {
    return k;
  }

  /** {@code N}. */
  public int length() {
    return length;
  }

  /** {@code D}. */
  public int dimension() {
    return phi.dimension();
  }

  /** {@code mu_c}. */
  public double mass(int c) {
    return masses[c];
  }

  /** All masses, a copy. */
  public double[] masses() {
    return masses.clone();
  }

  /** {@code B_c}. */
  public int offset(int c) {
    return offsets[c];
  }

  /** The group of cluster {@code c} (0 for families without groups; staircase order). */
  public int group(int c) {
    return groups[c];
  }

  public int groupCount() {
    return groupCount;
  }

  /** The relative index of the correct token inside block {@code b}. */
  public int blockTarget(int b) {
    return blockTargets[b];
  }

  /** {@code y*_c}, a new array. */
  public int[] target(int c) {
    int[] y = new int[length];
    for (int i = 0; i < length; i++) {
      y[i] = phi.token(i, blockTargets[phi.block(c, i)]);
    }
    return y;
  }

  /** The base weights {@code w0}, a copy. */
  public double[] baseWeights() {
    return baseWeights.clone();
  }

  /** The teacher {@code w*} ({@code ||w*|| = 1}), a copy. */
  public double[] wStar() {
    return wStar.clone();
  }

  /** The exact margin {@code gamma = (number of blocks)^-1/2}. */
  public double gamma() {
    return gamma;
  }

  /**
   * {@code log q0(y*_i | x_c, y*_<i)}, from the base block by a stable log-softmax.
   */
  public double baseTokenLogProbability(int c, int i) {
    int b = phi.block(c, i);
    double[] block = java.util.Arrays.copyOfRange(baseWeights, b * k, b * k + k);
    return LogSumExp.logSoftmaxAt(block, k, blockTargets[b]);
  }

  /** {@code log q0(y*_c | x_c) = sum_i log q0(y*_i | x_c, y*_<i)}. */
  public double baseTargetLogLikelihood(int c) {
    double s = 0;
    for (int i = 0; i < length; i++) {
      s += baseTokenLogProbability(c, i);
    }
    return s;
  }

  // ---------------------------------------------------------------- the general view

  /** The general model {@code p_w} over this family's feature map. */
  public LinearAutoregressiveModel<ClusterContext> model() {
    return new LinearAutoregressiveModel<>(phi, length);
  }

  /** The labelled contexts {@code (x_c, y*_c)}, in cluster order. */
  public List<Labeled<ClusterContext>> contexts() {
    List<Labeled<ClusterContext>> out = new ArrayList<>(masses.length);
    for (int c = 0; c < masses.length; c++) {
      out.add(new Labeled<>(new ClusterContext(c), target(c)));
    }
    return out;
  }

  /** {@code D} as a {@link FiniteDistribution} on {@link #contexts()}. */
  public FiniteDistribution<ClusterContext> distribution() {
    return new FiniteDistribution<>(contexts(), masses);
  }

  /** The margin certificate of {@code w*} on every context, against {@link #gamma()}. */
  public MarginCertificate certify() {
    return Margins.certify(model(), wStar, contexts(), gamma);
  }
}
