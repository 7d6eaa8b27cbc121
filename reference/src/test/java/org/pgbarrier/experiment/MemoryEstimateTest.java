package org.pgbarrier.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgbarrier.experiment.DataSettings.InputGenerator;
import org.pgbarrier.experiment.DataSettings.TrackSource;
import org.pgbarrier.experiment.OptimizerSettings.Kind;
import org.pgbarrier.experiment.PgExperimentSettings.Reward;
import org.pgbarrier.experiment.TrackingSettings.Type;

/**
 * {@link MemoryEstimate} against its sizes formula, evaluated by hand (in the comments) for the
 * authors' published outcome-reward and cdf-quantile settings.
 */
class MemoryEstimateTest {
  private static final OptimizerSettings ADAGRAD = new OptimizerSettings(Kind.ADAGRAD, 0.1);

  /** configs/outcome_reward.yaml: d = k = 32, N = 128, 1024 test contexts, 32 mixture centres. */
  private static PgExperimentSettings outcome(int testSetSize, TrackSource source) {
    DataSettings data = new DataSettings(0, 32, 32, 128, testSetSize, 1024, source,
        new InputGenerator.Mixture(32, 0.05));
    return new PgExperimentSettings(data, 0, Reward.OUTCOME,
        new PhaseSettings(1000, 256, ADAGRAD, 50, 1), new PhaseSettings(4000, 1024, ADAGRAD, 50, 1),
        true, new BehaviourSettings.OnPolicy(), new TrackingSettings(Type.UNIFORM, 16, 1e-12,
            1000, 120));
  }

  @Test
  void theOutcomeRewardEstimateIsTheSizesFormulaPartByPart() {
    // c = 72 + 8d + 4N = 72 + 256 + 512 = 840 bytes per labelled context; D = dk + k^2 = 2048.
    Map<String, Double> parts = MemoryEstimate.of(
        outcome(1024, TrackSource.MIXTURE_CENTERS)).parts();
    assertThat(parts).containsOnlyKeys(
        "weights", "test set", "pool", "batch", "worker buffers", "tracked history",
        "written text");
    // 8 (16 + 8 D) + 16 + 8 N k
    assertThat(parts.get("weights")).isEqualTo(8 * (16 + 8 * 2048) + 16 + 8 * 128 * 32);
    // test_set_size (c + 16)
    assertThat(parts.get("test set")).isEqualTo(1024 * (840 + 16));
    // 32 mixture centres: 32 c + 32 * 72
    assertThat(parts.get("pool")).isEqualTo(32 * 840 + 32 * 72);
    // max(256, 1024) (c + 32 + 12 N)
    assertThat(parts.get("batch")).isEqualTo(1024 * (840 + 32 + 12 * 128));
    // 1024 / 64 = 16 lanes of 2 (16 + 8 D) + 4 (16 + 8 N k) + 16 + 8 N = 32800 + 131136 + 1040
    assertThat(parts.get("worker buffers")).isEqualTo(16 * 164_976);
    // rows = 4000 / 1 + 2 = 4002, T = 16 quantiles: rows (8 T + 80)
    assertThat(parts.get("tracked history")).isEqualTo(4002 * (8 * 16 + 80));
    // curve points: (1000/50 + 2) + (4000/50 + 2) + 4002 = 4106;
    // 4 (4002 * 16 * 128 + 32 * 96 + 4106 * 64)
    assertThat(parts.get("written text")).isEqualTo(4.0 * (4002 * 16 * 128 + 32 * 96 + 4106 * 64));
    assertThat(MemoryEstimate.of(outcome(1024, TrackSource.MIXTURE_CENTERS)).bytes())
        .isEqualTo(163_984 + 876_544 + 29_184 + 2_465_792 + 2_639_616 + 832_416 + 33_847_808);
  }

  @Test
  void aPoolSharedWithTheTestSetCostsOnlyItsWorkingArrays() {
    Map<String, Double> parts = MemoryEstimate.of(outcome(1024, TrackSource.TEST)).parts();
    assertThat(parts.get("pool")).isEqualTo(1024 * 72);
    assertThat(MemoryEstimate.of(outcome(1024, TrackSource.SAMPLE)).parts().get("pool"))
        .isEqualTo(1024 * 840 + 1024 * 72);
  }

  @Test
  void theCdfEstimateCountsItsSamplesAndNoPool() {
    // configs/cdf_quantile.yaml: d = 32, k = 10, N = 100; c = 72 + 256 + 400 = 728.
    DataSettings data = new DataSettings(0, 32, 10, 100, 1024, 1, TrackSource.TEST,
        new InputGenerator.Rademacher());
    Map<String, Double> parts = MemoryEstimate.of(
        new CdfExperimentSettings(data, 0, 10, 500, 256, ADAGRAD, 16384)).parts();
    assertThat(parts).containsOnlyKeys(
        "weights", "test set", "batch", "worker buffers", "cdf samples", "written text");
    assertThat(parts.get("weights")).isEqualTo(8 * (16 + 8 * (320 + 100)) + 16 + 8 * 100 * 10);
    assertThat(parts.get("test set")).isEqualTo(1024 * (728 + 16));
    assertThat(parts.get("batch")).isEqualTo(256 * (728 + 32 + 12 * 100));
    // 256 / 64 = 4 lanes of 2 (16 + 8 * 420) + 4 (16 + 8 * 1000) + 16 + 800 = 39632
    assertThat(parts.get("worker buffers")).isEqualTo(4 * 39_632);
    assertThat(parts.get("cdf samples")).isEqualTo(16384 * (728 + 128));
    // (10 + 1) checkpoints * 2 curves * 201 levels * 64 characters * 4 bytes
    assertThat(parts.get("written text")).isEqualTo(4.0 * 11 * 2 * 201 * 64);
  }

  @Test
  void hugeSizesDoNotOverflowAndTheLargestPartIsNamedFirst() {
    MemoryEstimate estimate = MemoryEstimate.of(outcome(2_000_000_000, TrackSource.TEST));
    // 2e9 (840 + 16) bytes = 1594.42 GiB; then the pool's text, 2e9 * 96 * 4 bytes = 715.26
    // GiB (and the curves'); last the weights, 163984 bytes, rounded up to KiB
    assertThat(estimate.parts().get("test set")).isEqualTo(2e9 * 856);
    assertThat(estimate.bytes()).isGreaterThan(2e9 * 856);
    assertThat(estimate.describe()).startsWith(MemoryEstimate.size(estimate.bytes())
        + " (test set 1594.42 GiB, written text 715.").endsWith(", weights 161 KiB)");
  }
}
