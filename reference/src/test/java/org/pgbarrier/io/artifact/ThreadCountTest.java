package org.pgbarrier.io.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.experiment.BehaviourSettings;
import org.pgbarrier.experiment.CdfExperiment;
import org.pgbarrier.experiment.DataSettings;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.PgExperiment;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.experiment.PgExperimentSettings.Reward;
import org.pgbarrier.experiment.PhaseSettings;
import org.pgbarrier.experiment.ProgressListener;
import org.pgbarrier.experiment.SmallSettings;
import org.pgbarrier.experiment.TrackingSettings;

/**
 * The thread count changes no result: the artifacts of a run at 1 and at 3 threads are the same
 * bytes, every file but {@code timings.json}. The batches are larger than one lane (64
 * sequences) and the pools than one evaluation lane (32 contexts), so the work is really split.
 */
class ThreadCountTest {
  @TempDir Path tmp;

  private static PgExperimentSettings pg(Reward reward, boolean baseline,
      BehaviourSettings behaviour) {
    DataSettings data = new DataSettings(5L, 4, 5, 6, 70, 30,
        DataSettings.TrackSource.TEST, new DataSettings.InputGenerator.Mixture(6, 0.05));
    return new PgExperimentSettings(data, 9L, reward,
        new PhaseSettings(4, 150, SmallSettings.ADAGRAD, 2, 1),
        new PhaseSettings(5, 200, SmallSettings.ADAGRAD, 2, 1), baseline, behaviour,
        new TrackingSettings(TrackingSettings.Type.UNIFORM, 5, 0.5, 4, 12));
  }

  @Test
  void outcomeAndProcessRunsWriteTheSameBytesAtOneAndThreeThreads() throws IOException {
    BehaviourSettings onPolicy = new BehaviourSettings.OnPolicy();
    BehaviourSettings mixture =
        new BehaviourSettings.EpsilonMixture(0.3, new BehaviourSettings.Frozen());
    for (PgExperimentSettings settings : List.of(pg(Reward.OUTCOME, true, onPolicy),
        pg(Reward.PROCESS, false, onPolicy), pg(Reward.PROCESS, true, mixture))) {
      sameBytes(threads -> PgExperiment.run(settings, ProgressListener.NONE, threads));
    }
  }

  @Test
  void theCdfRunWritesTheSameBytesAtOneAndThreeThreads() throws IOException {
    sameBytes(threads -> CdfExperiment.run(SmallSettings.cdf(), ProgressListener.NONE, threads));
  }

  private void sameBytes(IntFunction<ExperimentResult> run) throws IOException {
    Path one = Files.createTempDirectory(tmp, "one");
    Path three = Files.createTempDirectory(tmp, "three");
    List<Path> files = ArtifactWriter.write(run.apply(1), one);
    ArtifactWriter.write(run.apply(3), three);
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!name.equals(ArtifactWriter.TIMINGS)) {
        assertThat(Files.readAllBytes(three.resolve(name))).as(name)
            .isEqualTo(Files.readAllBytes(file));
      }
    }
    assertThat(files).hasSizeGreaterThan(2);
  }
}
