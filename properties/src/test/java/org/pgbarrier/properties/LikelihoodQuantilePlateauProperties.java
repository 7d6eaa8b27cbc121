package org.pgbarrier.properties;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.BaseModelBarrier;
import org.pgbarrier.instance.BarrierInstances;
import org.pgbarrier.instance.FiniteDistribution;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.learn.LossNormalisedStep;
import org.pgbarrier.learn.OutcomePolicyGradient;
import org.pgbarrier.metric.LikelihoodCdf;
import org.pgbarrier.metric.SequenceError;
import org.pgbarrier.metric.TargetLikelihoods;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;

/**
 * BMB-10: on a G4 barrier mixture, outcome PG with a budget of {@code T} queries plateaus at the
 * base model's mass below about {@code 1/T}, and its error is within the LQ error form.
 *
 * <p>Regime, fixed from the derivation before any verdict: G4 with {@code k = 16}, {@code N = 5},
 * one on-support context (every token {@code qOn = 0.95}, so {@code q(y*|x) = 0.774}) and one
 * off-support context whose 5 positions are all fresh ({@code q(y*|x) = 16^-5 = 9.5e-7}), each
 * of mass {@code delta = 1/2}; {@code gamma = 1/sqrt(S) = 1/sqrt(10)}, the largest G4 allows.
 * Budget {@code T = 10^5 << k^5 = 1.05e6}: the chance that a run ever succeeds on the off-support
 * context is {@code 1 - (1 - delta k^-5)^T = 0.047}. The learner is algorithm (B'''') (success-only
 * PG, loss-normalised step {@code eta = 1/4}, behaviour {@code (q + p_w)/2}): the reconstruction's
 * distributional guarantee (§5.3) is proved for that behaviour, because each context then
 * succeeds with probability at least {@code q(y*|x)/2} whatever {@code p_w}; on-policy sampling
 * would need the monotonicity conjecture (BMB-08) for that step as well. Each query draws {@code
 * x_t ~ D} and runs one {@link OutcomePolicyGradient#step}. The error {@code 1 - E_x p_w(y*|x)}
 * is exact over the two contexts.
 *
 * <p>Why the off-support context is frozen: in the tabular map every context has its own states
 * and a success updates only the states of the correct path of its own context (the gradient of
 * {@code log p_w(y*|x)} along {@code y*} never touches the garbage state), so until its first
 * success the off-support context keeps its base weights (zero: exactly uniform) and succeeds with
 * probability exactly {@code k^-5} under either half of the behaviour.
 */
class LikelihoodQuantilePlateauProperties {
  private static final BarrierInstances.Spec SPEC =
      new BarrierInstances.Spec(16, 5, 1, 1, 5, 0.5, 0.95, 1 / Math.sqrt(10));
  private static final int QUERIES = 100_000;
  /**
   * Independent runs. 40, not 30: the LQ-form mutant is rejected when c of M runs exceed rho/beta
   * with P[Bin(M, 0.7) >= c] <= a; at M = 30 that needs all 30 runs (0.7^30 = 2.25e-5), so the
   * check had power only at levels above 2.25e-5. M = 40 rejects at c = 39 for a = 2e-5.
   */
  private static final int RUNS = 40;
  private static final double ETA = 0.25;
  /** Markov level: under {@code E[Z] <= F}, {@code P[Z >= F / BETA] <= BETA}. */
  private static final double BETA = 0.7;

  /** Final errors of the runs, by check seed (the LQ-form mutant reuses the real runs). */
  private static final Map<Long, Errors> RUN_CACHE = new ConcurrentHashMap<>();

  /**
   * The exact errors after {@code T} queries of each run: total, the on-support part {@code P[x
   * on] (1 - p_w(y*|x_on))}, and every context's share {@code P[x = c] (1 - p_w(y*|c))}.
   */
  private record Errors(double[] total, double[] onSupport, double[][] shares) {}

  @Test
  void outcomePolicyGradientPlateausAtTheBaseModelsMassBelowOneOverT() {
    StatisticalProperty property =
        StatisticalProperty.of("BMB-10", "error-plateaus-at-off-support-mass");
    double a = property.alpha();
    property
        .rule("G4 (k=16, N=5, fresh=5, delta=1/2), outcome PG (B'''') with T=" + QUERIES
            + " queries, M=" + RUNS + " runs. Floor: without an off-support success err >="
            + " F_q(1/T)(1 - k^-5) exactly, and P[off-support success] <= p0 = 1 - (1 - delta"
            + " k^-5)^T; reject if #{err < floor} >= c, P[Bin(M, p0) >= c] <= a/2. Ceiling: the"
            + " reconstruction bounds E[on-support error] by rho = 2B/(Q_q(delta+) T) (C gamma^-2 ="
            + " 2B, B = perSampleComparatorConstant); by Markov P[on >= rho/" + BETA + "] <= " + BETA
            + "; reject if #{on >= rho/" + BETA + "} >= c', P[Bin(M, " + BETA + ") >= c'] <= a/2."
            + " Union: false alarm <= a = " + a)
        .experiment(seed -> plateau(seed, a, false))
        .mutant("a token-level (process-reward) rejection learner, which reveals the off-support"
            + " context in about N k queries and so goes below the plateau",
            seed -> plateau(seed, a, true))
        .verify();
  }

  @Test
  void outcomePolicyGradientStaysWithinTheLikelihoodQuantileErrorForm() {
    StatisticalProperty property = StatisticalProperty.of("BMB-10", "error-within-lq-form");
    double a = property.alpha();
    property
        .rule("F = min over the atoms a_j of the base likelihood CDF of P[q < a_j] + rho_j, rho_j ="
            + " C/(a_j gamma^2 T), C = 2 B gamma^2, B = perSampleComparatorConstant(eta=1/4, N, T,"
            + " alpha_tok=1/k, gamma) (from sum_t E[err_Q(w_t)] <= 2B/Q for behaviour (q + p_w)/2,"
            + " and the last iterate is the smallest by BMB-08). At the best atom a_j*, the error"
            + " on {q < a_j*} is at most its mass and the claim gives E[error on {q >= a_j*}] <="
            + " rho_j*, so by Markov P[that error >= rho_j*/" + BETA + "] <= " + BETA + "; reject"
            + " if #{runs over} >= c, P[Bin(M=" + RUNS + ", " + BETA + ") >= c] <= a = " + a)
        .experiment(seed -> withinForm(seed, a, true))
        .mutant("the form without its eps term, i.e. claiming the mass below Q_q(eps) is learned"
            + " too: min_j C/(a_j gamma^2 T)", seed -> withinForm(seed, a, false))
        .verify();
  }

  private static Instance<TabularContext> instance(long seed) {
    return BarrierInstances.generate(SPEC, Seeds.derive(seed, 0));
  }

  private static FiniteDistribution<TabularContext> distribution(Instance<TabularContext> inst) {
    return (FiniteDistribution<TabularContext>) inst.distribution();
  }

  /** {@code C gamma^-2 = 2 B}: the learnable term of the LQ form is {@code 2B/(Q T)}. */
  private static double formConstant() {
    double b = BaseModelBarrier.perSampleComparatorConstant(
        ETA, SPEC.length(), QUERIES, 1.0 / SPEC.k(), SPEC.gamma());
    return 2 * b * SPEC.gamma() * SPEC.gamma();
  }

  private static Decision plateau(long seed, double a, boolean processReward) {
    Instance<TabularContext> inst = instance(seed);
    TargetLikelihoods base =
        TargetLikelihoods.of(inst.model(), inst.wBase(), distribution(inst));
    double mass = LikelihoodCdf.of(base).at(1.0 / QUERIES);
    double offLikelihood = Math.pow(SPEC.k(), -SPEC.fresh());
    double floor = mass * (1 - offLikelihood) * (1 - 1e-12);
    double p0 = -Math.expm1(QUERIES * Math.log1p(-SPEC.delta() * offLikelihood));
    double onLikelihood = Math.pow(SPEC.qOn(), SPEC.length());
    double rho = formConstant() / (onLikelihood * SPEC.gamma() * SPEC.gamma() * QUERIES);
    Errors errors = processReward ? runs(seed, true) : RUN_CACHE.computeIfAbsent(seed,
        s -> runs(s, false));
    int below = 0;
    int above = 0;
    double mean = 0;
    double meanOn = 0;
    for (int r = 0; r < RUNS; r++) {
      below += errors.total()[r] < floor ? 1 : 0;
      above += errors.onSupport()[r] >= rho / BETA ? 1 : 0;
      mean += errors.total()[r] / RUNS;
      meanOn += errors.onSupport()[r] / RUNS;
    }
    int cLow = smallestCount(p0, a / 2);
    int cHigh = smallestCount(BETA, a / 2);
    boolean rejects = below >= cLow || above >= cHigh;
    String detail = String.format("F_q(1/T)=%.4g, floor=%.6g, p0=%.4g: %d of %d runs below the"
        + " floor (reject at %d); mean err=%.6g, mean on-support err=%.4g, rho=%.4g: %d runs with"
        + " on-support err >= rho/beta (reject at %d)", mass, floor, p0, below, RUNS, cLow, mean,
        meanOn, rho, above, cHigh);
    return new Decision(rejects, below, Comparison.BELOW, cLow, detail);
  }

  /**
   * The form at its best atom {@code a_j*} splits the error into the lost mass {@code P[q < a_j*]}
   * (at most that, deterministically) and the error on {@code {q >= a_j*}}, which the
   * reconstruction bounds in expectation by {@code rho_j* = C/(a_j* gamma^2 T)}: Markov is applied
   * to that non-negative part. The mutant, the form without its eps term, claims the whole error
   * is at most {@code min_j rho_j} in expectation: Markov on the total error.
   */
  private static Decision withinForm(long seed, double a, boolean withEps) {
    Instance<TabularContext> inst = instance(seed);
    TargetLikelihoods base =
        TargetLikelihoods.of(inst.model(), inst.wBase(), distribution(inst));
    LikelihoodCdf cdf = LikelihoodCdf.of(base);
    // The atoms a_j of q(y*|x), increasing; the infimum over eps in (F(a_{j-1}), F(a_j)], where
    // Q_q(eps) = a_j, is approached at eps -> P[q < a_j] = F(a_{j-1}).
    double[] logAtoms = IntStream.range(0, base.size()).mapToDouble(base::logLikelihood)
        .sorted().distinct().toArray();
    double[] eps = new double[logAtoms.length];
    double[] quantiles = new double[logAtoms.length];
    int best = 0;
    double form = Double.POSITIVE_INFINITY;
    for (int j = 0; j < logAtoms.length; j++) {
      eps[j] = withEps && j > 0 ? cdf.atLog(logAtoms[j - 1]) : 0;
      quantiles[j] = Math.exp(logAtoms[j]);
      double atAtom = BaseModelBarrier.lqErrorForm(new double[] {eps[j]},
          new double[] {quantiles[j]}, formConstant(), SPEC.gamma(), QUERIES);
      if (atAtom < form) {
        form = atAtom;
        best = j;
      }
    }
    double bound = form - eps[best];
    double threshold = logAtoms[best];
    Errors errors = RUN_CACHE.computeIfAbsent(seed, s -> runs(s, false));
    int over = 0;
    double mean = 0;
    for (int r = 0; r < RUNS; r++) {
      double part = 0;
      for (int c = 0; c < base.size(); c++) {
        if (!withEps || base.logLikelihood(c) >= threshold) {
          part += errors.shares()[r][c];
        }
      }
      over += part >= bound / BETA ? 1 : 0;
      mean += part / RUNS;
    }
    int c = smallestCount(BETA, a);
    String detail = String.format("form F=%.4g at atom Q=%.4g: lost mass %.4g + rho=%.4g (C=%.4g,"
        + " gamma=%.4g, T=%d, atoms %s); mean %s=%.6g, %d of %d runs with it >= rho/beta=%.4g"
        + " (reject at %d)", form, quantiles[best], eps[best], bound, formConstant(),
        SPEC.gamma(), QUERIES, Arrays.toString(quantiles),
        withEps ? "error on {q >= Q}" : "total error", mean, over, RUNS, bound / BETA, c);
    return new Decision(over >= c, over, Comparison.BELOW, c, detail);
  }

  /** The smallest {@code c} with {@code P[Bin(RUNS, p) >= c] <= level} ({@code RUNS + 1} if none). */
  private static int smallestCount(double p, double level) {
    int c = 0;
    while (c <= RUNS && BinomialTail.upper(RUNS, p, c) > level) {
      c++;
    }
    return c;
  }

  private static Errors runs(long seed, boolean processReward) {
    Instance<TabularContext> inst = instance(seed);
    double[] total = new double[RUNS];
    double[] onSupport = new double[RUNS];
    double[][] shares = new double[RUNS][];
    IntStream.range(0, RUNS).parallel().forEach(r -> {
      double[] w = processReward
          ? runProcessReward(inst, Seeds.stream(seed, r + 1L))
          : runOutcome(inst, Seeds.stream(seed, r + 1L));
      TargetLikelihoods t = TargetLikelihoods.of(inst.model(), w, distribution(inst));
      total[r] = SequenceError.of(t);
      shares[r] = new double[t.size()];
      for (int c = 0; c < t.size(); c++) {
        shares[r][c] = t.weight(c) * SequenceError.fromLogLikelihood(t.logLikelihood(c));
        if (!BarrierInstances.isOffSupport(SPEC, c)) {
          onSupport[r] += shares[r][c];
        }
      }
    });
    return new Errors(total, onSupport, shares);
  }

  /** {@code T} queries of (B'''') from the base model, {@code x_t ~ D}. */
  private static double[] runOutcome(Instance<TabularContext> inst, SplittableRandom rng) {
    LinearAutoregressiveModel<TabularContext> model = inst.model();
    OutcomePolicyGradient<TabularContext> pg = new OutcomePolicyGradient<>(model,
        new LossNormalisedStep(ETA), OutcomePolicyGradient.Weighting.PLAIN,
        OutcomePolicyGradient.Behaviour.MIXTURE_WITH_BASE, inst.wBase(),
        new OutcomeReward(QueryCounter.withBudget(QUERIES)));
    double[] w = inst.wBase();
    for (int t = 0; t < QUERIES; t++) {
      pg.step(w, inst.distribution().sample(rng), rng);
    }
    return w;
  }

  /** The mutant: {@code T} process-reward queries of the token-level learner, {@code x_t ~ D}. */
  private static double[] runProcessReward(Instance<TabularContext> inst, SplittableRandom rng) {
    TokenRejectionLearner<TabularContext> learner = new TokenRejectionLearner<>(inst.model(), ETA,
        0.01, new ProcessReward(QueryCounter.withBudget(QUERIES)));
    double[] w = inst.wBase();
    for (int t = 0; t < QUERIES; t++) {
      learner.step(w, inst.distribution().sample(rng), rng);
    }
    return w;
  }
}
