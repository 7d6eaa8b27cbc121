package org.pgbarrier.properties;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.FiniteDistribution;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.learn.AdaGradNormStep;
import org.pgbarrier.learn.LossNormalisedStep;
import org.pgbarrier.learn.OutcomePolicyGradient;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.metric.SequenceError;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.QueryCounter;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.MedianPowerLaw;

/**
 * BMB-09: the online mistakes of outcome PG with the mixture behaviour {@code (q + p_w)/2}
 * (variant (B'''')), {@code OutcomePolicyGradient} with {@code MIXTURE_WITH_BASE}, {@code PLAIN},
 * {@code LossNormalisedStep(1/4)}, from {@code w_0 = w_base}, on a stream {@code x_t ~ D} (a fresh
 * draw every round). The mistake of round {@code t} is {@code 1 - p_{w_t}(y*_t|x_t)}, exact, before
 * the round's update.
 *
 * <p><b>Instances.</b> G1 with {@code k = 2}, {@code N = 4}, {@code C} uniform contexts ({@code S =
 * 4C} states, {@code gamma = 1/sqrt(S)}) and every base token likelihood equal to {@code q}, so
 * every context has base likelihood exactly {@code alpha = q^4}.
 *
 * <p><b>Derivation [RECONSTRUCTED, from the update rule].</b> The states are orthogonal, so a
 * context's policy moves only on its own rounds and the contexts learn independently. Updates
 * happen only on success, so {@code p_c = p_w(y*|x_c)} never falls; a round on {@code c} succeeds
 * with probability {@code (alpha + p_c)/2}. The first success takes {@code 1/alpha} rounds ({@code
 * p_c = alpha}). Each success adds {@code eta ||score||^2 / l} to {@code log p_c}; early on {@code
 * l ~ l_0 = N log(1/q)} and each state's score has squared norm {@code c(q) = (1 - q)^2 k/(k-1)},
 * so {@code log p_c} gains {@code beta = eta c(q)/log(1/q)} per success, {@code p_j ~ alpha
 * e^{beta j}}, and the mistakes made on {@code c} before {@code p_c} first reaches 1/2 are
 *
 * <pre>
 *   ~ 1/alpha + sum_{j >= 1} 2/(alpha (1 + e^{beta j}))  ~  A(q)/alpha,
 *   A(q) = 1 + (2 ln 2 (k-1)/(eta k)) f(q),    f(q) = log(1/q)/(1 - q)^2,
 * </pre>
 *
 * the later rounds (where {@code p_c} is no longer small) adding {@code O(1/beta)}, not a multiple
 * of {@code 1/alpha}. Summed over the {@code C = S/N} contexts: {@code C A(q)/alpha = A(q)/(N alpha
 * gamma^2)}, the claim's {@code 1/(alpha gamma^2)} with the {@code O~} factor {@code A(q)}, whose
 * {@code log(1/q) = log(1/alpha)/N} is the polylog.
 *
 * <p><b>The quantity measured</b> is therefore {@code X = sum_t (1 - p_t) 1{x_t not yet learned}},
 * "learned" meaning {@code p_w(y*|x) >= 1/2} has been reached after some update, over the stream
 * until every context is learned (the learner acts on every round). By independence {@code X} is a
 * sum of {@code C} i.i.d. per-context counts, so its mean is exactly linear in {@code C}. The total
 * mistakes over a horizon {@code T} would add each context's tail after learning, {@code ~ (N/a)
 * log(visits)} with {@code a = eta k/(k-1)}: a term that is not a multiple of {@code 1/alpha} and
 * (for {@code T} scaled as {@code 1/alpha}) grows as {@code log(1/alpha)}, about 15% of the total
 * at {@code alpha = 0.03} here, which would bias the slope; {@code X} isolates the {@code 1/alpha}
 * part, which is what the bound's argument charges ({@code alpha/2} per round while unlearned).
 *
 * <p><b>Regime.</b> alpha-slope: {@code f(q)} has its minimum at {@code q* ~ 0.284} ({@code 2
 * log(1/q) = 1/q - 1}) and varies by under 5% on {@code [0.236, 0.42]} ({@code f = 2.47, 2.58}),
 * so with {@code q in {0.42, 0.42 * 10^-1/4 = 0.236}} (alpha from 0.0311 to 0.00311, a decade) the
 * predicted chord slope of {@code X} in {@code 1/alpha} is {@code 1 - 0.016}; further from {@code
 * q*} the {@code log(1/q)} factor tilts the chord by up to {@code ~ 1/ln(1/alpha)}, which the
 * {@code O~} allows but a pure exponent check would see. gamma-slope: {@code q = 0.42}, {@code C in
 * {4, 40}} ({@code S} from 16 to 160, {@code 1/gamma} from 4 to 12.6); the median of a sum of
 * {@code C} i.i.d. counts differs from {@code C} times one median by the skewness, under 2% at
 * {@code C = 4}. With M = 100 runs the boxes (level {@code a/2}) are about {@code +-0.06} in log
 * scale, slope half-widths about 0.05 (alpha) and 0.07 (gamma).
 */
class OnlineMistakeProperties {
  private static final int K = 2;
  private static final int LENGTH = 4;
  private static final double ETA = 0.25;
  private static final int RUNS = 100;
  /** A run longer than this is right-censored (recorded as +inf), which only widens its box. */
  private static final long MAX_ROUNDS = 50_000_000L;

  private static final int ALPHA_CONTEXTS = 8;
  private static final double[] TOKEN_LIKELIHOODS = {0.42, 0.42 * Math.pow(10, -0.25)};
  private static final double GAMMA_TOKEN_LIKELIHOOD = 0.42;
  private static final int[] GAMMA_CONTEXTS = {4, 40};

  @Test
  void mistakesScaleAsOneOverAlpha() {
    StatisticalProperty property = StatisticalProperty.of("BMB-09", "mistakes-slope-in-alpha");
    double a = property.alpha();
    property
        .rule("X = mistakes on contexts not yet learned (p >= 1/2), stream until all learned;"
            + " median of X over M = " + RUNS + " runs at alpha = q^4, q in {0.42, 0.236} (G1 k=2"
            + " N=4 C=8), each an order-statistic box at level a/2; reject if no line of slope 1"
            + " in (log 1/alpha, log X) meets both boxes (Bonferroni: false alarm <= a = " + a
            + ")")
        .experiment(seed -> slopeInAlpha(seed, a, false))
        .mutant("the mixture built on zero weights (the uniform policy) instead of the base"
                + " model: first successes no longer cost 1/alpha",
            seed -> slopeInAlpha(seed, a, true))
        .verify();
  }

  @Test
  void mistakesScaleAsOneOverGammaSquared() {
    StatisticalProperty property = StatisticalProperty.of("BMB-09", "mistakes-slope-in-gamma");
    double a = property.alpha();
    property
        .rule("X as for the alpha slope; median of X over M = " + RUNS + " runs at S = 4C, C in"
            + " {4, 40}, gamma = 1/sqrt(S) (G1 k=2 N=4, alpha = 0.42^4), each an order-statistic"
            + " box at level a/2; reject if no line of slope 2 in (log 1/gamma, log X) meets both"
            + " boxes (Bonferroni: false alarm <= a = " + a + ")")
        .experiment(seed -> slopeInGamma(seed, a, () -> new LossNormalisedStep(ETA)))
        .mutant("AdaGrad-norm eta/sqrt(sum_s ||d_s||^2) (eta = 1, its natural scale) in place of"
                + " the loss-normalised step: its accumulator is shared by all contexts, so each"
                + " context learns more slowly the more contexts there are",
            seed -> slopeInGamma(seed, a, () -> new AdaGradNormStep(1.0)))
        .verify();
  }

  private static Decision slopeInAlpha(long seed, double level, boolean uniformBehaviour) {
    int points = TOKEN_LIKELIHOODS.length;
    double[] t = new double[points];
    double[][] samples = new double[points][];
    for (int j = 0; j < points; j++) {
      Instance<TabularContext> inst =
          instance(ALPHA_CONTEXTS, TOKEN_LIKELIHOODS[j], Seeds.derive(seed, 2L * j));
      t[j] = -LENGTH * Math.log(TOKEN_LIKELIHOODS[j]);
      double[] behaviourBase = uniformBehaviour ? new double[inst.model().dimension()]
          : inst.wBase();
      samples[j] = mistakes(inst, () -> new LossNormalisedStep(ETA), behaviourBase,
          Seeds.derive(seed, 2L * j + 1));
    }
    return MedianPowerLaw.decide(t, samples, level, 1,
        "log 1/alpha, alpha = 0.42^4, 0.236^4; G1 k=2 N=4 C=" + ALPHA_CONTEXTS);
  }

  private static Decision slopeInGamma(long seed, double level, Supplier<StepRule> rule) {
    int points = GAMMA_CONTEXTS.length;
    double[] t = new double[points];
    double[][] samples = new double[points][];
    for (int j = 0; j < points; j++) {
      Instance<TabularContext> inst =
          instance(GAMMA_CONTEXTS[j], GAMMA_TOKEN_LIKELIHOOD, Seeds.derive(seed, 2L * j));
      t[j] = -Math.log(inst.requestedGamma());
      samples[j] = mistakes(inst, rule, inst.wBase(), Seeds.derive(seed, 2L * j + 1));
    }
    return MedianPowerLaw.decide(t, samples, level, 2,
        "log 1/gamma, S = 16, 160; G1 k=2 N=4 alpha=0.42^4");
  }

  /** {@code X} of {@link #RUNS} independent runs. */
  private static double[] mistakes(
      Instance<TabularContext> inst, Supplier<StepRule> rule, double[] behaviourBase, long seed) {
    double[] out = new double[RUNS];
    IntStream.range(0, RUNS).parallel().forEach(r ->
        out[r] = mistakesBeforeLearned(inst, rule.get(), behaviourBase, Seeds.stream(seed, r)));
    return out;
  }

  /**
   * One run of the online protocol from {@code w_base}: every round draws {@code x_t ~ D}, charges
   * {@code 1 - p_{w_t}(y*_t|x_t)} if {@code x_t} is not yet learned, and lets the learner act;
   * stops when every context is learned.
   */
  private static double mistakesBeforeLearned(
      Instance<TabularContext> inst, StepRule rule, double[] behaviourBase, SplittableRandom rng) {
    LinearAutoregressiveModel<TabularContext> model = inst.model();
    OutcomePolicyGradient<TabularContext> pg = new OutcomePolicyGradient<>(model, rule,
        OutcomePolicyGradient.Weighting.PLAIN,
        OutcomePolicyGradient.Behaviour.MIXTURE_WITH_BASE, behaviourBase,
        new OutcomeReward(QueryCounter.unlimited()));
    FiniteDistribution<TabularContext> d = finite(inst);
    Map<Labeled<TabularContext>, Boolean> learned = new IdentityHashMap<>();
    double logHalf = Math.log(0.5);
    double[] w = inst.wBase();
    double mistakes = 0;
    for (long round = 0; learned.size() < inst.contexts().size(); round++) {
      if (round == MAX_ROUNDS) {
        return Double.POSITIVE_INFINITY;
      }
      Labeled<TabularContext> context = d.sample(rng);
      boolean open = !learned.containsKey(context);
      if (open) {
        mistakes += SequenceError.at(model, w, context);
      }
      if (pg.step(w, context, rng) && open
          && model.logLikelihood(w, context.x(), context.target()) >= logHalf) {
        learned.put(context, Boolean.TRUE);
      }
    }
    return mistakes;
  }

  /** G1 with {@code k = 2}, {@code N = 4}, all base token likelihoods {@code q}. */
  private static Instance<TabularContext> instance(int contexts, double q, long seed) {
    return TabularInstances.generate(new TabularInstances.Spec(K, LENGTH, contexts,
        1 / Math.sqrt((double) contexts * LENGTH), q, q), seed);
  }

  private static FiniteDistribution<TabularContext> finite(Instance<TabularContext> inst) {
    if (inst.distribution() instanceof FiniteDistribution<TabularContext> d) {
      return d;
    }
    throw new IllegalStateException("G1 has a finite context distribution: " + inst.describe());
  }
}
