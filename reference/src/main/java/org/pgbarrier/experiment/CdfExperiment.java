package org.pgbarrier.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.learn.batch.SupervisedCrossEntropy;
import org.pgbarrier.learn.batch.SupervisedSettings;
import org.pgbarrier.metric.LikelihoodCdf;
import org.pgbarrier.metric.LikelihoodQuantile;
import org.pgbarrier.metric.TargetLikelihoods;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.parallel.Workers;
import org.pgbarrier.random.Seeds;

/**
 * The {@code cdf_quantile} experiment [CODE: utils/experiments.py::run_cdf_quantile_experiment;
 * docs/theory.md §7.5]: from {@code w = 0}, {@code num_models} successive supervised phases (E1) of
 * {@code partial_steps} steps of {@code batch_size} fresh contexts, each with a fresh optimiser,
 * on one stream of batches; at {@code w = 0} and after each phase, on {@code cdf_samples} fresh
 * contexts, the likelihood CDF {@code F_q(alpha)}, the authors' quantile {@code Q_q(eps)} and the
 * alpha-tail {@code alpha P[q > alpha]} ({@link CdfResult}), and the test error on the test set.
 *
 * <p>Grids. The authors draw each curve through the sorted sample on linear axes over {@code [0,
 * 1]} [CODE: utils/plotting.py::plot_cdf, plot_quantile, plot_alpha_tail]. Here every curve is
 * evaluated on {@value #GRID_POINTS} equally spaced levels, {@code alpha_j = eps_j = j / 200},
 * {@code j = 0..200}: the quantile at {@code eps_j} is the authors' sample point at sorted position
 * {@code floor(eps_j (n - 1))}, exactly on their curve; the CDF and the alpha-tail are the exact
 * empirical {@code #{q <= alpha}/n} and {@code alpha #{q > alpha}/n} (the authors' curves read
 * {@code i/(n-1)} at the {@code i}-th sorted value, a difference of at most {@code 1/(n-1)}).
 *
 * <p>Seeds: {@link ExperimentSeeds} (the batches of all phases on experiment stream {@code
 * SUPERVISED}, the curve contexts on data stream {@code CDF_SAMPLES}). Same settings, same result,
 * bit for bit (but the timings).
 */
public final class CdfExperiment {
  /** Points of the alpha and eps grids. */
  public static final int GRID_POINTS = 201;

  private CdfExperiment() {}

  /** {@link #run(CdfExperimentSettings, ProgressListener, int)} on one thread. */
  public static CdfResult run(CdfExperimentSettings settings, ProgressListener listener) {
    return run(settings, listener, 1);
  }

  /**
   * Runs {@code settings} with the batches and the likelihood evaluations split across {@code
   * threads} threads ({@link Workers}: the same result bit for bit at any thread count, but the
   * timings); {@code listener} sees phase {@code supervised} with the step counted over all
   * checkpoints ({@code num_models * partial_steps} steps).
   */
  public static CdfResult run(CdfExperimentSettings settings, ProgressListener listener,
      int threads) {
    return run(settings, listener, threads, UnaryOperator.identity());
  }

  /**
   * As {@link #run(CdfExperimentSettings, ProgressListener, int)}, with each phase's step rule
   * (the authors': a fresh optimiser of {@code settings.optimizer()}) passed through {@code rule}
   * first; anything but the identity substitutes a different rule in the same experiment (a
   * mutant twin in the claims suite).
   */
  public static CdfResult run(CdfExperimentSettings settings, ProgressListener listener,
      int threads, UnaryOperator<StepRule> rule) {
    Checks.positive("threads", threads);
    Objects.requireNonNull(rule, "rule");
    try (Workers workers = Workers.of(threads)) {
      return run(settings, listener, workers, rule);
    }
  }

  private static CdfResult run(CdfExperimentSettings settings, ProgressListener listener,
      Workers workers, UnaryOperator<StepRule> rule) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(listener, "listener");
    Map<String, Double> seconds = new LinkedHashMap<>();
    long start = System.nanoTime();
    ExperimentData data = ExperimentData.of(settings.data());
    LinearAutoregressiveModel<double[]> model = data.model();
    PgExperiment.Evaluator test = new PgExperiment.Evaluator(model, data.testSet(), workers);
    List<Labeled<double[]>> samples =
        data.sample(settings.cdfSamples(), ExperimentSeeds.CDF_SAMPLES);
    PgExperiment.Evaluator curveSamples = new PgExperiment.Evaluator(model, samples, workers);
    double[] grid = new double[GRID_POINTS];
    for (int j = 0; j < GRID_POINTS; j++) {
      grid[j] = (double) j / (GRID_POINTS - 1);
    }
    double dataSeconds = (System.nanoTime() - start) * 1e-9;

    int checkpoints = settings.numModels() + 1;
    int total = settings.numModels() * settings.partialSteps();
    int[] steps = new int[checkpoints];
    double[] testError = new double[checkpoints];
    double[][] cdf = new double[checkpoints][];
    double[][] tail = new double[checkpoints][];
    double[][] logQuantile = new double[checkpoints][];
    double[] w = new double[model.dimension()];
    SplittableRandom rng = Seeds.stream(settings.seed(), ExperimentSeeds.SUPERVISED);
    long training = 0;
    long curves = 0;
    for (int c = 0; c < checkpoints; c++) {
      long t0 = System.nanoTime();
      if (c > 0) {
        SupervisedCrossEntropy<double[]> phase = new SupervisedCrossEntropy<>(model,
            data.distribution(), rule.apply(Optimizers.of(settings.optimizer())),
            new SupervisedSettings(settings.partialSteps(), settings.batchSize()), workers);
        for (int s = 1; s <= settings.partialSteps(); s++) {
          phase.step(w, rng);
          listener.onStep("supervised", (c - 1) * settings.partialSteps() + s, total,
              testError[c - 1]);
        }
      }
      long t1 = System.nanoTime();
      steps[c] = c * settings.partialSteps();
      testError[c] = test.error(w);
      TargetLikelihoods likelihoods =
          TargetLikelihoods.fromTokenLogLikelihoods(curveSamples.tokenLogLikelihoods(w));
      LikelihoodCdf f = LikelihoodCdf.of(likelihoods);
      LikelihoodQuantile q = LikelihoodQuantile.of(likelihoods);
      cdf[c] = new double[GRID_POINTS];
      tail[c] = new double[GRID_POINTS];
      logQuantile[c] = new double[GRID_POINTS];
      for (int j = 0; j < GRID_POINTS; j++) {
        cdf[c][j] = f.at(grid[j]);
        tail[c][j] = f.alphaTail(grid[j]);
        logQuantile[c][j] = q.authorsLogAt(grid[j]);
      }
      if (c == 0) {
        listener.onStep("supervised", 0, total, testError[0]);
      }
      training += t1 - t0;
      curves += System.nanoTime() - t1;
    }
    seconds.put("data", dataSeconds);
    seconds.put("supervised", training * 1e-9);
    seconds.put("curves", curves * 1e-9);
    seconds.put("total", (System.nanoTime() - start) * 1e-9);
    return new CdfResult(settings, steps, testError, grid, grid, cdf, tail, logQuantile,
        new Timings(seconds));
  }
}
