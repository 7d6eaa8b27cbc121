package org.pgbarrier.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.batch.BatchAlgorithm;
import org.pgbarrier.learn.batch.PolicyGradientStep;
import org.pgbarrier.learn.batch.SupervisedCrossEntropy;
import org.pgbarrier.learn.batch.SupervisedSettings;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.metric.SequenceError;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.SequenceScorer;
import org.pgbarrier.parallel.Workers;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.reward.QueryCounter;

/**
 * The {@code outcome_reward} and {@code process_reward} experiments [CODE:
 * utils/experiments.py::run_outcome_reward_experiment, run_process_reward_experiment;
 * docs/theory.md §7.2, §7.4]:
 *
 * <ol>
 *   <li>data from the data seed ({@link ExperimentData}: {@code W*}, the test set, the pool);
 *   <li>(E1) supervised pre-training from {@code w = 0} ({@link SupervisedCrossEntropy}, {@code
 *       supervised.steps} steps of {@code supervised.batch_size} fresh contexts, a fresh {@code
 *       supervised.optimizer}); its result is the base model {@code q};
 *   <li>the base likelihoods {@code q(y*|x)} of the pool, their histogram, the tracked samples
 *       ({@link #select}) and the off-support samples ({@code q(y*|x) <
 *       initial_likelihood_threshold});
 *   <li>(E2 or E3) PG from {@code q} ({@link PgLearnerFactory#AUTHORS}) with the behaviour of
 *       {@code pg.behavior} and a fresh {@code pg.optimizer}.
 * </ol>
 *
 * Measured: the test error {@code 1 - mean_x p_w(y*|x)} on the test set (exact, where the authors
 * draw one response per context [CODE: utils/metrics.py::eval_sequence_error]) at step 0, every
 * {@code test_every} steps and the last step of each phase; the tracked samples' likelihoods and
 * the off-support average {@code mean p_w(y*|x)} over the off-support pool samples at PG step 0,
 * every {@code track_every} steps and the last. The authors measure the supervised phase only every
 * {@code test_every} steps and PG at 0 and every {@code test_every}/{@code track_every} steps; the
 * extra points (step 0, the last step) change no other value. Seeds: {@link ExperimentSeeds}.
 * Same settings, same result, bit for bit (but the timings).
 */
public final class PgExperiment {
  private PgExperiment() {}

  /** Runs {@code settings} with the authors' learners, on one thread. */
  public static PgResult run(PgExperimentSettings settings, ProgressListener listener) {
    return run(settings, PgLearnerFactory.AUTHORS, listener);
  }

  /**
   * Runs {@code settings} with the authors' learners on {@code threads} threads; the result is
   * the same bit for bit at any thread count (but the timings).
   */
  public static PgResult run(PgExperimentSettings settings, ProgressListener listener,
      int threads) {
    return run(settings, PgLearnerFactory.AUTHORS, listener, threads);
  }

  /** {@link #run(PgExperimentSettings, PgLearnerFactory, ProgressListener, int)} on one thread. */
  public static PgResult run(
      PgExperimentSettings settings, PgLearnerFactory learners, ProgressListener listener) {
    return run(settings, learners, listener, 1);
  }

  /**
   * Runs {@code settings} with the PG learner of {@code learners}, the batches and the
   * evaluations split across {@code threads} threads ({@link Workers}: the same result bit for
   * bit at any thread count).
   *
   * @throws IllegalArgumentException if threshold tracking finds no pool sample below the
   *     threshold, or the data settings are inconsistent ({@link ExperimentData#of})
   * @throws ArithmeticException if a learner meets a non-finite loss or direction
   */
  public static PgResult run(PgExperimentSettings settings, PgLearnerFactory learners,
      ProgressListener listener, int threads) {
    Checks.positive("threads", threads);
    try (Workers workers = Workers.of(threads)) {
      return run(settings, learners, listener, workers);
    }
  }

  private static PgResult run(PgExperimentSettings settings, PgLearnerFactory learners,
      ProgressListener listener, Workers workers) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(learners, "learners");
    Objects.requireNonNull(listener, "listener");
    Map<String, Double> seconds = new LinkedHashMap<>();
    long start = System.nanoTime();
    ExperimentData data = ExperimentData.of(settings.data());
    LinearAutoregressiveModel<double[]> model = data.model();
    Evaluator test = new Evaluator(model, data.testSet(), workers);
    List<Labeled<double[]>> pool = data.pool();
    long mark = lap(seconds, "data", start);

    PhaseSettings sup = settings.supervised();
    SupervisedCrossEntropy<double[]> pretraining = new SupervisedCrossEntropy<>(model,
        data.distribution(), Optimizers.of(sup.optimizer()),
        new SupervisedSettings(sup.steps(), sup.batchSize()), workers);
    double[] w = new double[model.dimension()];
    StepCurve supervisedError = train("supervised", pretraining, w, sup.testEvery(),
        Seeds.stream(settings.seed(), ExperimentSeeds.SUPERVISED), test, listener, null);
    mark = lap(seconds, "supervised", mark);

    double[] base = w.clone();
    Evaluator poolEvaluator = new Evaluator(model, pool, workers);
    double[] poolBase = poolEvaluator.logLikelihoods(base, null);
    double[] poolLikelihoods = Arrays.stream(poolBase).map(Math::exp).toArray();
    Histogram histogram =
        Histogram.authors(poolLikelihoods, settings.tracking().histogramBins());
    Selection selection = select(settings.tracking(), poolBase);
    int[] offSupport = IntStream.range(0, poolBase.length)
        .filter(c -> poolBase[c] < Math.log(settings.tracking().threshold())).toArray();
    Tracker tracker = new Tracker(poolEvaluator, selection, offSupport, settings.pg().trackEvery(),
        settings.pg().steps());

    QueryCounter counter = QueryCounter.unlimited();
    BehaviourPolicy<double[]> behaviour = Behaviours.of(settings.behaviour(), model, base, counter);
    BatchAlgorithm<PolicyGradientStep> pg = learners.create(settings, model, data.distribution(),
        behaviour, counter, Optimizers.of(settings.pg().optimizer()), workers);
    StepCurve pgError = train("pg", pg, w, settings.pg().testEvery(),
        Seeds.stream(settings.seed(), ExperimentSeeds.POLICY_GRADIENT), test, listener, tracker);
    lap(seconds, "pg", mark);
    seconds.put("total", (System.nanoTime() - start) * 1e-9);

    return new PgResult(settings, supervisedError, pgError, poolBase, histogram,
        tracker.history(), offSupport.length, tracker.offSupportCurve(), counter.count(),
        new Timings(seconds));
  }

  private static long lap(Map<String, Double> seconds, String phase, long since) {
    long now = System.nanoTime();
    seconds.put(phase, (now - since) * 1e-9);
    return now;
  }

  /**
   * Runs all steps of {@code algorithm} on {@code w} in place; measures the test error at step 0,
   * every {@code testEvery} steps and the last; lets {@code tracker} (if any) record at step 0 and
   * after every step it asks for.
   */
  private static StepCurve train(String phase, BatchAlgorithm<?> algorithm, double[] w,
      int testEvery, RandomGenerator rng, Evaluator test, ProgressListener listener,
      Tracker tracker) {
    int steps = algorithm.steps();
    List<Integer> at = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    double error = test.error(w);
    at.add(0);
    errors.add(error);
    if (tracker != null) {
      tracker.record(0, w);
    }
    listener.onStep(phase, 0, steps, error);
    for (int step = 1; step <= steps; step++) {
      algorithm.step(w, rng);
      if (tracker != null) {
        tracker.record(step, w);
      }
      if (step % testEvery == 0 || step == steps) {
        error = test.error(w);
        at.add(step);
        errors.add(error);
      }
      listener.onStep(phase, step, steps, error);
    }
    return new StepCurve(at.stream().mapToInt(Integer::intValue).toArray(),
        errors.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * The tracked samples of the pool [CODE: utils/experiments.py::_select_tracking_samples], given
   * the pool's base log-likelihoods:
   *
   * <ul>
   *   <li>{@code uniform}: sort the pool by base likelihood (ascending; ties by pool index) and
   *       take the sample at sorted position {@code floor(q_j (n - 1))} for each of the {@code
   *       track_initial_quantiles} levels {@code q_j = j / (Q - 1)} ({@code torch.linspace(0, 1,
   *       Q)}; {@code q_0 = 0} when {@code Q = 1}); the position is computed in integers, {@code
   *       floor(j (n - 1) / (Q - 1))}, so no level rounds down by a float error;
   *   <li>{@code threshold}: the pool samples with base likelihood {@code <
   *       initial_likelihood_threshold}, in pool order; when there are more than {@code
   *       max_tracked_samples}, the {@code max_tracked_samples} lowest, in ascending likelihood.
   * </ul>
   *
   * @throws IllegalArgumentException if threshold tracking finds no sample below the threshold
   */
  public static Selection select(TrackingSettings tracking, double[] poolBaseLogLikelihoods) {
    int n = poolBaseLogLikelihoods.length;
    Comparator<Integer> byLikelihood = Comparator.<Integer>comparingDouble(
        c -> poolBaseLogLikelihoods[c]).thenComparingInt(c -> c);
    if (tracking.type() == TrackingSettings.Type.UNIFORM) {
      Integer[] sorted = IntStream.range(0, n).boxed().sorted(byLikelihood).toArray(Integer[]::new);
      int levels = tracking.quantiles();
      int[] indices = new int[levels];
      double[] quantiles = new double[levels];
      for (int j = 0; j < levels; j++) {
        long position = levels == 1 ? 0 : (long) j * (n - 1) / (levels - 1);
        indices[j] = sorted[(int) position];
        quantiles[j] = levels == 1 ? 0.0 : (double) j / (levels - 1);
      }
      return new Selection(indices, quantiles);
    }
    double logThreshold = Math.log(tracking.threshold());
    int[] below = IntStream.range(0, n).filter(c -> poolBaseLogLikelihoods[c] < logThreshold)
        .toArray();
    if (below.length == 0) {
      throw new IllegalArgumentException("initial_likelihood_threshold = " + tracking.threshold()
          + ": no sample of the tracking pool (" + n + " samples) has a base likelihood below"
          + " it; raise it or enlarge the pool");
    }
    if (below.length > tracking.maxTracked()) {
      below = Arrays.stream(below).boxed().sorted(byLikelihood).limit(tracking.maxTracked())
          .mapToInt(Integer::intValue).toArray();
    }
    return new Selection(below, new double[0]);
  }

  /**
   * The tracked samples: their pool indices, and with uniform tracking their quantile levels.
   *
   * @param poolIndices indices into the pool
   * @param quantiles one level per index (uniform tracking), or empty (threshold tracking)
   */
  public record Selection(int[] poolIndices, double[] quantiles) {
    public Selection {
      poolIndices = poolIndices.clone();
      quantiles = quantiles.clone();
    }

    @Override
    public int[] poolIndices() {
      return poolIndices.clone();
    }

    @Override
    public double[] quantiles() {
      return quantiles.clone();
    }
  }

  /**
   * Exact {@code log p_w(y*|x)} over a fixed list of labelled contexts, on {@link
   * SequenceScorer#of} (for the bigram map, its fast exact path), in lanes of {@value #LANE}
   * contexts across the workers; every value is stored by index and sums run in index order, so
   * the results do not depend on the number of threads.
   */
  static final class Evaluator {
    static final int LANE = 32;
    private final double[][] inputs;
    private final int[][] targets;
    private final SequenceScorer<double[]> scorer;
    private final SequenceScorer.Workspace<double[]>[] workspaces;
    private final double[][] tokens;
    private final Workers workers;

    @SuppressWarnings("unchecked")
    Evaluator(LinearAutoregressiveModel<double[]> model, List<Labeled<double[]>> contexts,
        Workers workers) {
      this.inputs = new double[contexts.size()][];
      this.targets = new int[contexts.size()][];
      for (int c = 0; c < inputs.length; c++) {
        inputs[c] = contexts.get(c).x();
        targets[c] = contexts.get(c).target();
      }
      this.scorer = SequenceScorer.of(model);
      int lanes = (inputs.length + LANE - 1) / LANE;
      this.workspaces = (SequenceScorer.Workspace<double[]>[])
          new SequenceScorer.Workspace<?>[lanes];
      this.tokens = new double[lanes][model.length()];
      for (int l = 0; l < lanes; l++) {
        workspaces[l] = scorer.workspace();
      }
      this.workers = workers;
    }

    /** {@code log p_w(y*|x_c)} for every context, or for those with {@code needed[c]}. */
    double[] logLikelihoods(double[] w, boolean[] needed) {
      double[] out = new double[inputs.length];
      scorer.prepare(w);
      workers.forEach(workspaces.length, l -> {
        SequenceScorer.Workspace<double[]> workspace = workspaces[l];
        int end = Math.min(inputs.length, (l + 1) * LANE);
        for (int c = l * LANE; c < end; c++) {
          if (needed == null || needed[c]) {
            workspace.start(inputs[c]);
            out[c] = workspace.tokenLogProbabilities(targets[c], tokens[l]);
          } else {
            out[c] = Double.NaN;
          }
        }
      });
      return out;
    }

    /** {@code out[c][i] = log p_w(y*_i | x_c, y*_<i)} for every context. */
    double[][] tokenLogLikelihoods(double[] w) {
      double[][] out = new double[inputs.length][tokens[0].length];
      scorer.prepare(w);
      workers.forEach(workspaces.length, l -> {
        SequenceScorer.Workspace<double[]> workspace = workspaces[l];
        int end = Math.min(inputs.length, (l + 1) * LANE);
        for (int c = l * LANE; c < end; c++) {
          workspace.start(inputs[c]);
          workspace.tokenLogProbabilities(targets[c], out[c]);
        }
      });
      return out;
    }

    /** {@code mean_c (1 - p_w(y*|x_c))}, each term {@code -expm1(log p)}, summed in order. */
    double error(double[] w) {
      double sum = 0;
      for (double logp : logLikelihoods(w, null)) {
        sum += SequenceError.fromLogLikelihood(logp);
      }
      return sum / inputs.length;
    }
  }

  /** Records the tracked likelihoods and the off-support average during PG. */
  private static final class Tracker {
    private final Evaluator pool;
    private final Selection selection;
    private final int[] offSupport;
    private final int every;
    private final int last;
    private final boolean[] needed;
    private final List<Integer> steps = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final List<Double> offSupportMeans = new ArrayList<>();

    Tracker(Evaluator pool, Selection selection, int[] offSupport, int every, int last) {
      this.pool = pool;
      this.selection = selection;
      this.offSupport = offSupport;
      this.every = every;
      this.last = last;
      this.needed = new boolean[pool.inputs.length];
      for (int c : selection.poolIndices) {
        needed[c] = true;
      }
      for (int c : offSupport) {
        needed[c] = true;
      }
    }

    void record(int step, double[] w) {
      if (step % every != 0 && step != last) {
        return;
      }
      double[] logp = pool.logLikelihoods(w, needed);
      double[] row = new double[selection.poolIndices.length];
      for (int j = 0; j < row.length; j++) {
        row[j] = logp[selection.poolIndices[j]];
      }
      steps.add(step);
      rows.add(row);
      double sum = 0;
      for (int c : offSupport) {
        sum += Math.exp(logp[c]);
      }
      offSupportMeans.add(sum / offSupport.length);
    }

    LikelihoodHistory history() {
      return new LikelihoodHistory(stepArray(), selection.poolIndices, selection.quantiles,
          rows.toArray(new double[0][]));
    }

    StepCurve offSupportCurve() {
      if (offSupport.length == 0) {
        return StepCurve.empty();
      }
      return new StepCurve(stepArray(),
          offSupportMeans.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private int[] stepArray() {
      return steps.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
