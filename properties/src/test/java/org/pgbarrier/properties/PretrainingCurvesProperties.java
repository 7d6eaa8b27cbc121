package org.pgbarrier.properties;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.pgbarrier.experiment.CdfExperiment;
import org.pgbarrier.experiment.CdfExperimentSettings;
import org.pgbarrier.experiment.CdfResult;
import org.pgbarrier.experiment.DataSettings;
import org.pgbarrier.experiment.OptimizerSettings;
import org.pgbarrier.experiment.ProgressListener;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;
import org.pgbarrier.testkit.stats.StochasticOrderRule;

/**
 * BMB-23: Figure 2's synthetic panels [PAPER A; CODE: utils/experiments.py::run_cdf_quantile_
 * experiment; docs/theory.md §7.5]: with more pre-training the likelihood CDF {@code P[q(y*|x) <=
 * alpha]} moves right and the LQ curve {@code Q_q(eps)} moves up. Both say that the law of {@code
 * log q(y*|x)}, {@code x ~ D}, at a later checkpoint dominates that of an earlier one in the
 * usual stochastic order ({@code G_c'(t) <= G_c(t)} for all {@code t}).
 *
 * <p><b>Run.</b> The authors' {@code cdf_quantile} settings as shipped in {@code
 * configs/cdf_quantile.yaml} ({@code d = 32, k = 10, N = 100}, Rademacher contexts, {@code w = 0}
 * then 10 phases of 500 Adagrad steps of batch 256 at lr 1.0, a fresh optimiser per phase, 16384
 * curve contexts), data seed {@code Seeds.derive(seed, 0)} and experiment seed {@code
 * Seeds.derive(seed, 1)}, through {@link CdfExperiment}: the check reads the figure's own
 * quantile curves ({@link CdfResult#logQuantile()}, the sorted sample at position {@code
 * floor(eps_j (n - 1))}, {@code eps_j = j/200}).
 *
 * <p><b>Why a distribution-free test.</b> The curve contexts are drawn from their own stream, so
 * given the ground truth and the weights of a checkpoint they are {@code n} independent draws of
 * {@code x ~ D}; {@link StochasticOrderRule} bounds each checkpoint's empirical CDF by a DKW band
 * and rejects only a reversal between two checkpoints larger than the two bands together. The
 * false-alarm probability is at most the check's level {@code a} for any laws that are in order,
 * ties and atoms included (the {@code w = 0} model gives every context {@code k^-N}). Its
 * resolution is {@code 2h = 2 sqrt(ln(22/a)/(2n))}, about 0.04: a reversal within the lowest few
 * percent of contexts is not detectable.
 *
 * <p><b>Mutant twin.</b> Every phase's Adagrad step taken along minus the ascent direction (a sign
 * error in the update: pre-training that lowers {@code log q(y*|x)}), the rest of the experiment
 * unchanged.
 */
class PretrainingCurvesProperties {
  private static final int D = 32;
  private static final int VOCABULARY = 10;
  private static final int LENGTH = 100;
  private static final int TEST_SET = 1024;
  private static final int PHASES = 10;
  private static final int PHASE_STEPS = 500;
  private static final int BATCH = 256;
  private static final double LEARNING_RATE = 1.0;
  private static final int CURVE_CONTEXTS = 16384;

  @Test
  void preTrainingMovesTheLikelihoodLawUpAcrossCheckpoints() {
    StatisticalProperty property =
        StatisticalProperty.of("BMB-23", "cdf-moves-right-across-checkpoints");
    StochasticOrderRule rule = new StochasticOrderRule(PHASES + 1, CURVE_CONTEXTS,
        property.alpha());
    property
        .rule("The authors' cdf_quantile run (d = " + D + ", k = " + VOCABULARY + ", N = " + LENGTH
            + ", Rademacher x; w = 0 and " + PHASES + " phases of " + PHASE_STEPS + " Adagrad steps"
            + " x " + BATCH + ", lr " + LEARNING_RATE + "; " + CURVE_CONTEXTS + " curve contexts)."
            + " Statistic: the worst reversal of the 11 quantile curves of log q(y*|x), max over"
            + " checkpoints c < c' and levels with Q_c'(eps_i) < Q_c(eps_j) of (m_i + 1 - m_j)/n."
            + " " + rule.describe())
        .experiment(seed -> decide(seed, rule, UnaryOperator.identity()))
        .mutant("every phase's Adagrad step along minus the ascent direction (pre-training that"
            + " lowers log q(y*|x))", seed -> decide(seed, rule, Downhill::new))
        .verify();
  }

  private static Decision decide(long seed, StochasticOrderRule rule,
      UnaryOperator<StepRule> rules) {
    CdfResult result = CdfExperiment.run(settings(seed), ProgressListener.NONE,
        Runtime.getRuntime().availableProcessors(), rules);
    double[] eps = result.epsGrid();
    int[] positions = new int[eps.length];
    for (int j = 0; j < eps.length; j++) {
      // the position LikelihoodQuantile.authorsLogAt reads
      positions[j] = (int) Math.floor(eps[j] * (CURVE_CONTEXTS - 1));
    }
    double[][] curves = result.logQuantile();
    StochasticOrderRule.Reversal worst = rule.worstReversal(curves, positions);
    int[] steps = result.steps();
    String where = worst.earlier() < 0 ? "no reversal"
        : String.format(Locale.ROOT, "worst: step %d's Q(%.3f) = 10^%.2f below step %d's Q(%.3f)"
            + " = 10^%.2f", steps[worst.later()], eps[worst.at()],
            curves[worst.later()][worst.at()] / Math.log(10), steps[worst.earlier()],
            eps[worst.against()], curves[worst.earlier()][worst.against()] / Math.log(10));
    StringJoiner lowDecile = new StringJoiner(", ", "log10 Q(0.1) by checkpoint: ", "");
    int tenth = (eps.length - 1) / 10;
    for (int c = 0; c < curves.length; c++) {
      lowDecile.add(String.format(Locale.ROOT, "%.2f", curves[c][tenth] / Math.log(10)));
    }
    String detail = String.format(Locale.ROOT, "worst reversal %.4g (%s); %s; final test error"
        + " %.4f", worst.size(), where, lowDecile, result.testError()[curves.length - 1]);
    return new Decision(rule.rejects(worst.size()), worst.size(), Comparison.AT_MOST,
        rule.threshold(), detail);
  }

  private static CdfExperimentSettings settings(long seed) {
    DataSettings data = new DataSettings(Seeds.derive(seed, 0), D, VOCABULARY, LENGTH, TEST_SET,
        TEST_SET, DataSettings.TrackSource.TEST, new DataSettings.InputGenerator.Rademacher());
    return new CdfExperimentSettings(data, Seeds.derive(seed, 1), PHASES, PHASE_STEPS, BATCH,
        new OptimizerSettings(OptimizerSettings.Kind.ADAGRAD, LEARNING_RATE), CURVE_CONTEXTS);
  }

  /** The mutant's rule: the authors' step taken along {@code -d}. */
  private record Downhill(StepRule rule) implements StepRule {
    @Override
    public void apply(double[] w, double[] direction, double loss) {
      double[] minus = new double[direction.length];
      for (int j = 0; j < minus.length; j++) {
        minus[j] = -direction[j];
      }
      rule.apply(w, minus, loss);
    }

    @Override
    public StepRule fresh() {
      return new Downhill(rule.fresh());
    }

    @Override
    public String describe() {
      return rule.describe() + " along minus the direction (mutant)";
    }
  }
}
