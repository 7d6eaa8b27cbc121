package org.pgbarrier.io.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgbarrier.experiment.BehaviourSettings;
import org.pgbarrier.experiment.CdfExperimentSettings;
import org.pgbarrier.experiment.DataSettings;
import org.pgbarrier.experiment.DataSettings.InputGenerator;
import org.pgbarrier.experiment.DataSettings.TrackSource;
import org.pgbarrier.experiment.OptimizerSettings;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.experiment.PgExperimentSettings.Reward;
import org.pgbarrier.experiment.PhaseSettings;
import org.pgbarrier.experiment.TrackingSettings;

/**
 * The shipped configs give the authors' published settings (docs/theory.md §7, written out here by
 * hand), and documents shaped like every published version of the authors' configs (their key
 * sets, [CODE: configs/*.yaml]) are read with the authors' defaults (docs/config.md).
 */
class ConfigReaderTest {
  private static final OptimizerSettings ADAGRAD_01 =
      new OptimizerSettings(OptimizerSettings.Kind.ADAGRAD, 0.1);
  private static final OptimizerSettings SGD_01 =
      new OptimizerSettings(OptimizerSettings.Kind.SGD, 0.1);

  private static ExperimentConfig shipped(String name) throws IOException {
    return ConfigReader.read(ShippedConfigs.directory().resolve(name), List.of());
  }

  @Test
  void theShippedOutcomeConfigHasThePublishedSettingsWithTheBaselineTheAuthorsRan()
      throws IOException {
    ExperimentConfig config = shipped(ShippedConfigs.OUTCOME);
    DataSettings data = new DataSettings(0, 32, 32, 128, 1024, 1024, TrackSource.MIXTURE_CENTERS,
        new InputGenerator.Mixture(32, 0.05));
    assertThat(config.kind()).isEqualTo(ExperimentKind.OUTCOME_REWARD);
    assertThat(config.outputDir()).isEqualTo("outputs/outcome_reward");
    assertThat(config.settings()).isEqualTo(new PgExperimentSettings(data, 0, Reward.OUTCOME,
        new PhaseSettings(1000, 256, ADAGRAD_01, 50, 50),
        new PhaseSettings(4000, 1024, ADAGRAD_01, 50, 1), true, new BehaviourSettings.OnPolicy(),
        new TrackingSettings(TrackingSettings.Type.UNIFORM, 16, 1e-12, 32, 120)));
  }

  @Test
  void theShippedProcessConfigHasThePublishedSettings() throws IOException {
    ExperimentConfig config = shipped(ShippedConfigs.PROCESS);
    DataSettings data = new DataSettings(0, 32, 32, 128, 1024, 1024, TrackSource.MIXTURE_CENTERS,
        new InputGenerator.Mixture(32, 0.05));
    assertThat(config.kind()).isEqualTo(ExperimentKind.PROCESS_REWARD);
    assertThat(config.outputDir()).isEqualTo("outputs/process_reward");
    assertThat(config.settings()).isEqualTo(new PgExperimentSettings(data, 0, Reward.PROCESS,
        new PhaseSettings(1000, 256, ADAGRAD_01, 50, 50),
        new PhaseSettings(4000, 1024, ADAGRAD_01, 50, 1), false, new BehaviourSettings.OnPolicy(),
        new TrackingSettings(TrackingSettings.Type.UNIFORM, 32, 1e-12, 32, 120)));
  }

  @Test
  void theShippedCdfConfigHasThePublishedSettings() throws IOException {
    ExperimentConfig config = shipped(ShippedConfigs.CDF);
    DataSettings data = new DataSettings(0, 32, 10, 100, 1024, 1024, TrackSource.TEST,
        new InputGenerator.Rademacher());
    assertThat(config.kind()).isEqualTo(ExperimentKind.CDF_QUANTILE);
    assertThat(config.outputDir()).isEqualTo("outputs/cdf_quantile");
    assertThat(config.settings()).isEqualTo(new CdfExperimentSettings(data, 0, 10, 500, 256,
        new OptimizerSettings(OptimizerSettings.Kind.ADAGRAD, 1.0), 16384));
  }

  /** Shaped like the first published outcome config: labels, plot files, SGD, Rademacher. */
  private static final String FIRST_OUTCOME = """
      global:
        seed: 0
        d: 32
        k: 10
        seq_length: 15
        test_set_size: 1024
        track_set_size: 1024
        track_source: test
        output_dir: outputs/
        data_generator:
          _target_: utils.data_generator.RademacherInputGenerator
      experiment:
        type: outcome_reward
        name: sup_then_pg_outcome
        enabled: true
        seed: 0
        supervised:
          steps: 1500
          batch_size: 256
          optimizer: {_target_: torch.optim.SGD, _partial_: true, lr: 0.1}
          test_every: 50
        pg:
          steps: 1500
          batch_size: 256
          optimizer: {_target_: torch.optim.SGD, _partial_: true, lr: 0.1}
          test_every: 50
          track_every: 10
          behavior:
            _target_: utils.behavior_policy.OnPolicyBehavior
        track_initial_quantiles: 15
        supervised_track_histogram_file: sup_hist_outcome.pdf
        supervised_track_histogram_bins: 120
        supervised_track_likelihood_tensor_file: sup_lik_outcome.pt
        likelihood_plot_file: pg_lik_curve_outcome.pdf
        expected_error_plot_file: pg_err_outcome.pdf
      """;

  @Test
  void theFirstPublishedKeySetIsReadWithItsLabelsAndFileNamesIgnored() {
    ExperimentConfig config = ConfigReader.parse(FIRST_OUTCOME, "legacy.yaml", List.of());
    DataSettings data = new DataSettings(0, 32, 10, 15, 1024, 1024, TrackSource.TEST,
        new InputGenerator.Rademacher());
    assertThat(config.settings()).isEqualTo(new PgExperimentSettings(data, 0, Reward.OUTCOME,
        new PhaseSettings(1500, 256, SGD_01, 50, 50), new PhaseSettings(1500, 256, SGD_01, 50, 10),
        true, new BehaviourSettings.OnPolicy(),
        new TrackingSettings(TrackingSettings.Type.UNIFORM, 15, 1e-12, 1024, 120)));
  }

  /** Shaped like the published threshold_track config with the best-of-m behaviour. */
  private static final String THRESHOLD_TRACK = """
      global:
        seed: 0
        d: 32
        k: 32
        seq_length: 128
        test_set_size: 1024
        track_set_size: 1024
        track_source: test  # options: test, sample, mixture_centers
        output_dir: outputs/
        data_generator:
          _target_: utils.data_generator.MixtureInputGenerator
          num_mix: 32
          sigma: 0.05

      experiment:
        type: threshold_track
        name: sup_then_pg_threshold_track
        enabled: true
        seed: 0
        reward_type: process  # options: outcome or process
        initial_likelihood_threshold: 1e-9
        max_tracked_samples: 512

        supervised:
          steps: 300
          batch_size: 256
          optimizer:
            _target_: torch.optim.Adagrad
            _partial_: true
            lr: 0.1
          test_every: 50

        pg:
          steps: 300
          batch_size: 256
          optimizer:
            _target_: torch.optim.Adagrad
            _partial_: true
            lr: 0.1
          test_every: 50
          track_every: 10
          baseline: false
          behavior:
            _target_: utils.behavior_policy.BoMProcessPolicy
            m: 10
            base_policy:
              _target_: utils.behavior_policy.EpsilonMixtureBehavior
              k: ${global.k}
              epsilon: 0.5

        supervised_track_histogram_file: sup_hist_threshold.pdf
        supervised_track_histogram_bins: 120
        supervised_track_likelihood_tensor_file: sup_lik_threshold.pt
        selected_initial_likelihood_tensor_file: selected_lik_threshold_${experiment.reward_type}.pt
        average_likelihood_plot_file: avg_lik_curve_threshold_${experiment.reward_type}.pdf
        expected_error_plot_file: pg_err_threshold_${experiment.reward_type}.pdf
      """;

  @Test
  void theThresholdTrackKeySetIsThresholdTrackingWithTheRewardOfRewardType() {
    ExperimentConfig config = ConfigReader.parse(THRESHOLD_TRACK, "configs/x.yaml", List.of());
    DataSettings data = new DataSettings(0, 32, 32, 128, 1024, 1024, TrackSource.TEST,
        new InputGenerator.Mixture(32, 0.05));
    assertThat(config.kind()).isEqualTo(ExperimentKind.THRESHOLD_TRACK);
    assertThat(config.settings()).isEqualTo(new PgExperimentSettings(data, 0, Reward.PROCESS,
        new PhaseSettings(300, 256, ADAGRAD_01, 50, 50),
        new PhaseSettings(300, 256, ADAGRAD_01, 50, 10), false,
        new BehaviourSettings.BestOfM(10,
            new BehaviourSettings.EpsilonMixture(0.5, new BehaviourSettings.OnPolicy())),
        new TrackingSettings(TrackingSettings.Type.THRESHOLD, 15, 1e-9, 512, 120)));
    assertThat(config.resolved().toString())
        .contains("average_likelihood_plot_file=avg_lik_curve_threshold_process.pdf");
  }

  @Test
  void theLaterKeySetsReadWithTheAuthorsDefaults() {
    // Shaped like the version without labels, likelihood_tracking_type or baseline.
    String later = FIRST_OUTCOME
        .replace("  type: outcome_reward\n  name: sup_then_pg_outcome\n  enabled: true\n", "")
        .replace("  supervised_track_histogram_file: sup_hist_outcome.pdf\n"
            + "  supervised_track_histogram_bins: 120\n"
            + "  supervised_track_likelihood_tensor_file: sup_lik_outcome.pt\n"
            + "  likelihood_plot_file: pg_lik_curve_outcome.pdf\n"
            + "  expected_error_plot_file: pg_err_outcome.pdf\n", "")
        .replace("  seed: 0\n  supervised:", "  likelihood_tracking_type: uniform\n  supervised:");
    PgExperimentSettings s = (PgExperimentSettings) ConfigReader.parse(
        later, ShippedConfigs.OUTCOME, List.of()).settings();
    assertThat(s.seed()).isZero();
    assertThat(s.baseline()).isTrue();
    assertThat(s.tracking()).isEqualTo(
        new TrackingSettings(TrackingSettings.Type.UNIFORM, 15, 1e-12, 1024, 80));
    PgExperimentSettings noBehaviour = (PgExperimentSettings) ConfigReader.parse(later,
        ShippedConfigs.OUTCOME, List.of("~experiment.pg.behavior", "~experiment.pg.track_every",
            "global.seed=4")).settings();
    assertThat(noBehaviour.behaviour()).isEqualTo(new BehaviourSettings.OnPolicy());
    assertThat(noBehaviour.pg().trackEvery()).isEqualTo(50);
    assertThat(noBehaviour.seed()).isEqualTo(4L);
  }

  @Test
  void theAuthorsLastOutcomeConfigIsRefusedForItsFasle() {
    String last = ShippedConfigs.text(ShippedConfigs.OUTCOME).replace("    baseline: true",
        "    baseline: fasle");
    assertThatThrownBy(() -> ConfigReader.parse(last, ShippedConfigs.OUTCOME, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("experiment.pg.baseline = fasle: must be a boolean");
  }

  @Test
  void theCdfKeySetsWithAndWithoutTrackingKeysAndPlotFilesAreRead() {
    String cdf = """
        global:
          seed: 0
          d: 32
          k: 10
          seq_length: 100
          test_set_size: 1024
          track_set_size: 1024
          track_source: test
          output_dir: outputs/
          data_generator:
            _target_: utils.data_generator.RademacherInputGenerator
        experiment:
          type: cdf_quantile
          name: sup_cdf_quantile
          enabled: true
          seed: 0
          num_models: 10
          partial_steps: 500
          batch_size: 256
          optimizer:
            _target_: torch.optim.Adagrad
            _partial_: true
            lr: 1.0
          cdf_samples: 16384
          cdf_plot_file: cdf_curve.pdf
          quantile_plot_file: quantile_curve.pdf
          alpha_tail_plot_file: alpha_tail_curve.pdf
        """;
    ExperimentConfig full = ConfigReader.parse(cdf, "a.yaml", List.of());
    ExperimentConfig bare = ConfigReader.parse(cdf, "cdf_quantile.yaml",
        List.of("~global.track_set_size", "~global.track_source", "~experiment.type",
            "~experiment.name", "~experiment.enabled", "~experiment.cdf_plot_file",
            "~experiment.quantile_plot_file", "~experiment.alpha_tail_plot_file"));
    assertThat(bare.settings()).isEqualTo(full.settings());
    assertThat(full.settings()).isEqualTo(ConfigReader.parse(ShippedConfigs.text(
        ShippedConfigs.CDF), ShippedConfigs.CDF, List.of("global.output_dir=outputs/"))
        .settings());
  }
}
