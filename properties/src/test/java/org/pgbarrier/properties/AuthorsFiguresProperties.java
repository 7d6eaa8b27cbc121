package org.pgbarrier.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pgbarrier.experiment.BehaviourSettings;
import org.pgbarrier.experiment.DataSettings;
import org.pgbarrier.experiment.OptimizerSettings;
import org.pgbarrier.experiment.PgExperiment;
import org.pgbarrier.experiment.PgExperimentSettings.Reward;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.experiment.PgLearnerFactory;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.experiment.PhaseSettings;
import org.pgbarrier.experiment.ProgressListener;
import org.pgbarrier.experiment.TrackingSettings;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.learn.batch.BatchAlgorithm;
import org.pgbarrier.learn.batch.OutcomeReinforce;
import org.pgbarrier.learn.batch.PolicyGradientSettings;
import org.pgbarrier.learn.batch.PolicyGradientStep;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.QueryCounter;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.ShortfallRule;

/**
 * BMB-13: the authors' outcome-versus-process figures [CODE: utils/experiments.py, docs/theory.md
 * §7.2, §7.4], on a scaled-down configuration chosen from the derivation below before any verdict.
 * Each replicate is the authors' pair of runs ({@link PgExperiment}): one data seed (ground truth,
 * test set), one experiment seed (pre-training, PG), the same pre-trained base model {@code q} for
 * both arms, then {@code T} steps of E2 (outcome, mean baseline: the authors' {@code fasle}) or E3
 * (process, no baseline), on-policy, Adagrad. Equal budget means equal PG steps and contexts, as in
 * the authors' figures; the process arm is charged {@code N} times the reward queries.
 *
 * <p><b>Why the effect lives on the mixture centres.</b> With {@code sigma = 0} (the authors'
 * earlier commented value) every context is one of the {@code M} mixture centres {@code sqrt(d)
 * e_j}, the authors' tracking pool ({@code track_source: mixture_centers}). The bigram logits are
 * {@code sqrt(d) W1[j] + W2[y_(i-1)]}, so {@code y*(x_j)} is the orbit of a map on the {@code k}
 * tokens: a constant orbit {@code aaaa..} is learnt through the centre's own column {@code W1[j]},
 * while an alternating orbit {@code abab..} needs the shared transition table {@code W2} to prefer
 * {@code a->b, b->a} against the constant components. After short pre-training the alternating
 * centres keep every token likelihood at about {@code q_i = 0.4..0.7} [SIM, pilot seeds: 3 data
 * seeds, 48 centres], so their sequence likelihood {@code alpha = prod_i q_i} is exponential in
 * {@code N} (1e-6..1e-10 at {@code N = 64}) while the token-level cost {@code sum_i 1/q_i} is about
 * 80..90, linear in {@code N}. That is the paper's barrier (docs/theory.md §5.4, §5.6): outcome PG
 * needs about {@code 1/alpha} draws of a centre to see one success, process PG about {@code sum_i
 * 1/q_i} token draws. The engine's pilots also showed that the effect does not hold for arbitrary
 * low-likelihood test contexts: at {@code sigma = 0.05} the off-support test contexts are boundary
 * contexts whose {@code y*} differs from their component's, and process PG pushes them further
 * down. The checks are therefore about the tracked pool of mixture centres.
 *
 * <p><b>Scale</b> ({@code d = 16, k = 8, N = 64, M = 16} centres, {@code sigma = 0}, 60
 * pre-training steps of batch 128, {@code T = 400} PG steps of batch {@code B = 256}, Adagrad lr
 * 0.1 in both phases, as the authors'). Each centre gets {@code n_j ~ T B / M = 6400} on-policy
 * draws. The threshold is the largest power of ten with {@code n_j tau <= 1e-2}: {@code tau =
 * 1e-6}, so an off-support centre whose likelihood stays below {@code tau} has at most {@code
 * 6.4e-3} expected outcome successes (Markov), while {@code n_j} is about 70 times the token-level
 * cost. The authors' {@code tau = 1e-12} at {@code n_j = 4000 * 1024 / 32 = 128000} satisfies the
 * same inequality ({@code n_j tau = 1.3e-7}); at our budget 1e-12 would only drop centres the
 * outcome arm could not reach anyway. {@code N = 64} makes an alternating centre with {@code q_i
 * <= 0.8} off-support ({@code 0.8^64 = 6e-7}). Whether a ground truth has an alternating centre at
 * all is a property of {@code W*} (about 3 data seeds in 4 at {@code M = 16} [SIM, pilot seeds]);
 * the first check therefore runs on the first {@value #REPLICATES} replicates whose base model has
 * an off-support centre (decided by pre-training alone, before any PG step, so the PG outcomes of
 * the kept replicates are still independent and identically distributed).
 *
 * <p><b>Checks.</b> Each replicate gives one event: (1) the outcome arm's final off-support
 * average is below {@value #NEAR_ZERO} (near zero: where it started, below {@code tau}, up to a
 * factor 1000) and the process arm's is above {@value #LIFTED} (a constant, independent of {@code
 * tau}); (2) the process arm's final test error is below the outcome arm's. The claim, made
 * quantitative, is that each event has probability at least {@code p0 = 0.75}; {@code X} events in
 * {@value #REPLICATES} independent replicates reject it iff {@code X <= c}, the exact binomial
 * {@link ShortfallRule} at the check's share of the suite budget ({@code P[Bin(10, 0.75) <= 1] =
 * 2.96e-5 <= 4.17e-5}, so {@code c = 1}). The mutant twins replace only the process arm, through
 * the {@link PgLearnerFactory} hook, and reuse the outcome arms (same seeds, same bits): (1)
 * E3's per-position reward replaced by the outcome reward (E2 without baseline), which then needs
 * a success on the centre like the outcome arm; (2) a per-position reward that is a fair coin,
 * which learns nothing about {@code y*}. Each check runs {@code 3 x 10} PG runs (plus about 13
 * pre-training probes for the first), replicates in parallel, results stored by index.
 */
class AuthorsFiguresProperties {
  private static final int D = 16;
  private static final int VOCABULARY = 8;
  private static final int LENGTH = 64;
  private static final int CENTRES = 16;
  /** The authors' test set size. */
  private static final int TEST_SET = 1024;
  private static final int PRETRAINING_STEPS = 60;
  private static final int PRETRAINING_BATCH = 128;
  private static final int PG_STEPS = 400;
  private static final int PG_BATCH = 256;
  private static final OptimizerSettings ADAGRAD =
      new OptimizerSettings(OptimizerSettings.Kind.ADAGRAD, 0.1);
  /** Off-support: base likelihood below this (the derivation in the class comment). */
  private static final double TAU = 1e-6;
  /** "Near zero": the outcome arm's final off-support average below this. */
  private static final double NEAR_ZERO = 1e-3;
  /** "Lifted to a constant": the process arm's final off-support average above this. */
  private static final double LIFTED = 0.05;
  /** Replicates per check (for the first check: replicates with an off-support centre). */
  private static final int REPLICATES = 10;
  /** Replicates probed for an off-support centre before giving up. */
  private static final int MAX_PROBES = 40;
  /**
   * The claim's rate: the effect shows in at least three replicates in four. The false alarm is
   * computed at this rate; it holds for any true rate at least {@code P0}.
   */
  private static final double P0 = 0.75;

  /** The outcome arms of a seed's replicates, reused by the check's mutant (same seeds). */
  private static final Map<Arms, PgResult[]> OUTCOME_ARMS = new ConcurrentHashMap<>();
  /** The replicates kept by the first check, by seed, reused by its mutant. */
  private static final Map<Long, int[]> KEPT = new ConcurrentHashMap<>();

  @Test
  void outcomePgLeavesOffSupportCentresNearZeroWhileProcessPgLiftsThem() {
    StatisticalProperty property = StatisticalProperty.of("BMB-13", "off-support-likelihood");
    double a = property.alpha();
    property
        .rule("The first " + REPLICATES + " replicates (of at most " + MAX_PROBES + ") whose base"
            + " model has a mixture centre with q(y*|x) < tau = " + TAU + " (" + describeScale()
            + "); event: the outcome arm's final off-support average < " + NEAR_ZERO + " and the"
            + " process arm's > " + LIFTED + ". Claim: event rate >= p0 = " + P0 + "; X = #events,"
            + " exact binomial ShortfallRule at level a = " + a + ": "
            + ShortfallRule.design(REPLICATES, P0, a).describe())
        .experiment(seed -> decideOffSupport(seed, a, PgLearnerFactory.AUTHORS))
        .mutant("process arm with its per-position reward replaced by the outcome reward"
                + " (OutcomeReinforce without baseline)",
            seed -> decideOffSupport(seed, a, AuthorsFiguresProperties::outcomeRewardInProcessArm))
        .verify();
  }

  @Test
  void processPgReachesALowerTestErrorThanOutcomePgAtEqualSteps() {
    StatisticalProperty property = StatisticalProperty.of("BMB-13", "process-lowers-test-error");
    double a = property.alpha();
    property
        .rule(REPLICATES + " replicates (" + describeScale() + "); event: the process arm's final"
            + " test error (exact, on the " + TEST_SET + "-context test set) below the outcome"
            + " arm's, after " + PG_STEPS + " steps each. Claim: event rate >= p0 = " + P0
            + "; X = #events, exact binomial ShortfallRule at level a = " + a + ": "
            + ShortfallRule.design(REPLICATES, P0, a).describe())
        .experiment(seed -> decideTestError(seed, a, PgLearnerFactory.AUTHORS))
        .mutant("process arm whose per-position reward is an independent fair +-1 coin",
            seed -> decideTestError(seed, a, CoinReinforce::create))
        .verify();
  }

  private static Decision decideOffSupport(long seed, double level, PgLearnerFactory process) {
    ShortfallRule rule = ShortfallRule.design(REPLICATES, P0, level);
    int[] kept = KEPT.computeIfAbsent(seed, s -> IntStream.range(0, MAX_PROBES)
        .filter(r -> probe(s, r).offSupportCount() > 0).limit(REPLICATES).toArray());
    if (kept.length < REPLICATES) {
      throw new IllegalStateException("only " + kept.length + " of " + MAX_PROBES + " replicates"
          + " (seed " + seed + ") have a mixture centre below tau = " + TAU + "; the design"
          + " assumes about 3 in 4");
    }
    PgResult[] outcome = outcomeArms(seed, kept);
    PgResult[] processed = new PgResult[REPLICATES];
    IntStream.range(0, REPLICATES).parallel()
        .forEach(i -> processed[i] = run(seed, kept[i], Reward.PROCESS, process));
    int x = 0;
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < REPLICATES; i++) {
      double out = outcome[i].offSupportLikelihood().last();
      double proc = processed[i].offSupportLikelihood().last();
      boolean event = out < NEAR_ZERO && proc > LIFTED;
      x += event ? 1 : 0;
      rows.append(String.format(Locale.ROOT, "%sr%d: %d off, base %.1e, outcome %.1e, process"
              + " %.3g%s", i == 0 ? "" : "; ", kept[i], outcome[i].offSupportCount(),
          outcome[i].offSupportLikelihood().values()[0], out, proc, event ? "" : " (no)"));
    }
    String detail = String.format(Locale.ROOT, "%d of %d replicates show the effect, replicates"
        + " kept %s; %s; %s", x, REPLICATES, Arrays.toString(kept), rows, rule.describe());
    return new Decision(rule.rejects(x), x, Comparison.ABOVE, rule.threshold(), detail);
  }

  private static Decision decideTestError(long seed, double level, PgLearnerFactory process) {
    ShortfallRule rule = ShortfallRule.design(REPLICATES, P0, level);
    int[] replicates = IntStream.range(0, REPLICATES).toArray();
    PgResult[] outcome = outcomeArms(seed, replicates);
    PgResult[] processed = new PgResult[REPLICATES];
    IntStream.range(0, REPLICATES).parallel()
        .forEach(r -> processed[r] = run(seed, r, Reward.PROCESS, process));
    int x = 0;
    StringBuilder rows = new StringBuilder();
    for (int r = 0; r < REPLICATES; r++) {
      double out = outcome[r].pgError().last();
      double proc = processed[r].pgError().last();
      x += proc < out ? 1 : 0;
      rows.append(String.format(Locale.ROOT, "%sr%d: base %.3f, outcome %.3f, process %.3f",
          r == 0 ? "" : "; ", r, outcome[r].pgError().values()[0], out, proc));
    }
    String detail = String.format(Locale.ROOT, "process lower in %d of %d replicates; %s; %s", x,
        REPLICATES, rows, rule.describe());
    return new Decision(rule.rejects(x), x, Comparison.ABOVE, rule.threshold(), detail);
  }

  /** The outcome arms of {@code replicates}, computed once per seed and replicate list. */
  private static PgResult[] outcomeArms(long seed, int[] replicates) {
    Arms key = new Arms(seed, Arrays.stream(replicates).boxed().toList());
    return OUTCOME_ARMS.computeIfAbsent(key, k -> {
      PgResult[] out = new PgResult[replicates.length];
      IntStream.range(0, replicates.length).parallel().forEach(
          i -> out[i] = run(seed, replicates[i], Reward.OUTCOME, PgLearnerFactory.AUTHORS));
      return out;
    });
  }

  /** The key of a set of outcome arms: the check's seed and the replicate indices. */
  private record Arms(long seed, List<Integer> replicates) {}

  /** Replicate {@code r}'s pre-training and one PG step: its base likelihoods, cheaply. */
  private static PgResult probe(long seed, int r) {
    return PgExperiment.run(settings(seed, r, Reward.OUTCOME, 1), ProgressListener.NONE);
  }

  private static PgResult run(long seed, int r, Reward reward, PgLearnerFactory learners) {
    return PgExperiment.run(settings(seed, r, reward, PG_STEPS), learners, ProgressListener.NONE);
  }

  /**
   * Replicate {@code r} of {@code seed}: data seed {@code Seeds.derive(seed, 2r)}, experiment seed
   * {@code Seeds.derive(seed, 2r + 1)}; the test error at step 0 and the last, the off-support
   * average every 100 steps (uniform tracking of 16 quantiles; the off-support average does not
   * depend on the tracking mode).
   */
  private static PgExperimentSettings settings(long seed, int r, Reward reward, int pgSteps) {
    DataSettings data = new DataSettings(Seeds.derive(seed, 2L * r), D, VOCABULARY, LENGTH,
        TEST_SET, CENTRES, DataSettings.TrackSource.MIXTURE_CENTERS,
        new DataSettings.InputGenerator.Mixture(CENTRES, 0.0));
    return new PgExperimentSettings(data, Seeds.derive(seed, 2L * r + 1), reward,
        new PhaseSettings(PRETRAINING_STEPS, PRETRAINING_BATCH, ADAGRAD, PRETRAINING_STEPS, 1),
        new PhaseSettings(pgSteps, PG_BATCH, ADAGRAD, pgSteps, Math.min(100, pgSteps)),
        reward == Reward.OUTCOME, new BehaviourSettings.OnPolicy(),
        new TrackingSettings(TrackingSettings.Type.UNIFORM, 16, TAU, 32, 120));
  }

  private static String describeScale() {
    return String.format(Locale.ROOT, "G3 bigram d=%d k=%d N=%d, %d mixture centres, sigma=0, pool"
            + " = the centres; pre-training %d x %d, then %d PG steps x %d contexts per arm, Adagrad"
            + " 0.1, on-policy; outcome with mean baseline, process without",
        D, VOCABULARY, LENGTH, CENTRES, PRETRAINING_STEPS, PRETRAINING_BATCH, PG_STEPS, PG_BATCH);
  }

  /** The first mutant: E3's per-position reward {@code r_(b,i)} replaced by E2's {@code r_b}. */
  private static BatchAlgorithm<PolicyGradientStep> outcomeRewardInProcessArm(
      PgExperimentSettings settings, LinearAutoregressiveModel<double[]> model,
      ContextDistribution<double[]> distribution, BehaviourPolicy<double[]> behaviour,
      QueryCounter counter, StepRule rule) {
    return new OutcomeReinforce<>(model, distribution, behaviour, new OutcomeReward(counter), rule,
        new PolicyGradientSettings(settings.pg().steps(), settings.pg().batchSize(),
            settings.baseline()));
  }

  /**
   * The second mutant: E3 with every per-position reward an independent fair {@code +-1} coin,
   * drawn from the step's generator after the responses; it carries no information on {@code
   * y*}:
   *
   * <pre>
   *   loss = -(1/(B N)) sum_{b,i} c_{b,i} log p_w(y_{b,i} | x_b, y_{b,<i}),   c_{b,i} = +-1 fair
   * </pre>
   */
  private static final class CoinReinforce implements BatchAlgorithm<PolicyGradientStep> {
    private final LinearAutoregressiveModel<double[]> model;
    private final ContextDistribution<double[]> distribution;
    private final BehaviourPolicy<double[]> behaviour;
    private final StepRule rule;
    private final int steps;
    private final int batch;
    private final int[][] responses;
    private final double[][] coins;
    private final double[] direction;
    private final double[] tokenLogp;
    private int taken;

    private CoinReinforce(PgExperimentSettings settings, LinearAutoregressiveModel<double[]> model,
        ContextDistribution<double[]> distribution, BehaviourPolicy<double[]> behaviour,
        StepRule rule) {
      this.model = model;
      this.distribution = distribution;
      this.behaviour = behaviour;
      this.rule = rule.fresh();
      this.steps = settings.pg().steps();
      this.batch = settings.pg().batchSize();
      this.responses = new int[batch][model.length()];
      this.coins = new double[batch][model.length()];
      this.direction = new double[model.dimension()];
      this.tokenLogp = new double[model.length()];
    }

    static BatchAlgorithm<PolicyGradientStep> create(PgExperimentSettings settings,
        LinearAutoregressiveModel<double[]> model, ContextDistribution<double[]> distribution,
        BehaviourPolicy<double[]> behaviour, QueryCounter counter,
        StepRule rule) {
      return new CoinReinforce(settings, model, distribution, behaviour, rule);
    }

    @Override
    public PolicyGradientStep advance(double[] w, RandomGenerator rng) {
      int n = model.length();
      List<Labeled<double[]>> contexts = new ArrayList<>(batch);
      for (int b = 0; b < batch; b++) {
        contexts.add(distribution.sample(rng));
      }
      for (int b = 0; b < batch; b++) {
        behaviour.generate(w, contexts.get(b), rng, responses[b]);
      }
      double inverse = 1.0 / ((double) batch * n);
      for (double[] row : coins) {
        for (int i = 0; i < n; i++) {
          row[i] = (rng.nextBoolean() ? 1.0 : -1.0) * inverse;
        }
      }
      Arrays.fill(direction, 0.0);
      double nll = 0;
      for (int b = 0; b < batch; b++) {
        Labeled<double[]> context = contexts.get(b);
        nll -= model.tokenLogProbabilities(w, context.x(), responses[b], tokenLogp) * inverse;
        model.addWeightedGradient(w, context.x(), responses[b], coins[b], direction);
      }
      rule.apply(w, direction, nll);
      taken++;
      return new PolicyGradientStep(taken, Double.NaN, 0.0, Double.NaN, 0);
    }

    @Override
    public int steps() {
      return steps;
    }

    @Override
    public String describe() {
      return "coin-reward REINFORCE (mutant), " + steps + " steps x " + batch + ", "
          + rule.describe();
    }
  }
}
