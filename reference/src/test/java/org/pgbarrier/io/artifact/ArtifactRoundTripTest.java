package org.pgbarrier.io.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.experiment.CdfExperiment;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.PgExperiment;
import org.pgbarrier.experiment.PgExperimentSettings.Reward;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.experiment.ProgressListener;
import org.pgbarrier.experiment.SmallSettings;
import org.pgbarrier.experiment.Timings;
import org.pgbarrier.io.InputException;

class ArtifactRoundTripTest {
  @TempDir Path tmp;

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertSameBytesButTimings(Path a, Path b) throws IOException {
    assertThat(files(a)).isEqualTo(files(b));
    for (String name : files(a)) {
      if (!name.equals(ArtifactWriter.TIMINGS)) {
        assertThat(Files.readAllBytes(b.resolve(name))).as(name)
            .isEqualTo(Files.readAllBytes(a.resolve(name)));
      }
    }
  }

  @Test
  void sameSettingsAndSeedGiveIdenticalArtifactBytes() throws IOException {
    for (int run = 0; run < 2; run++) {
      Path dir = tmp.resolve("run" + run);
      ArtifactWriter.write(PgExperiment.run(SmallSettings.pg(Reward.OUTCOME),
          ProgressListener.NONE), dir);
      ArtifactWriter.write(PgExperiment.run(SmallSettings.pg(Reward.PROCESS),
          ProgressListener.NONE), dir);
      ArtifactWriter.write(CdfExperiment.run(SmallSettings.cdf(), ProgressListener.NONE), dir);
    }
    assertSameBytesButTimings(tmp.resolve("run0"), tmp.resolve("run1"));
    assertThat(files(tmp.resolve("run0"))).contains("outcome_reward_uniform.json",
        "process_reward_uniform.json", "cdf_quantile.json", "cdf_quantile_cdf.csv",
        "outcome_reward_uniform_tracked.csv", "timings.json");
    assertThat(ArtifactReader.readTimings(tmp.resolve("run0")))
        .containsOnlyKeys("outcome_reward_uniform", "process_reward_uniform", "cdf_quantile");
  }

  @Test
  void aResultReadBackWritesTheSameBytes() throws IOException {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    List<ExperimentResult> results = List.of(
        PgExperiment.run(SmallSettings.pg(Reward.OUTCOME), ProgressListener.NONE),
        CdfExperiment.run(SmallSettings.cdf(), ProgressListener.NONE));
    for (ExperimentResult result : results) {
      ArtifactWriter.write(result, first);
    }
    for (ExperimentResult result : results) {
      ExperimentResult back = ArtifactReader.read(first, result.name());
      assertThat(back.settings()).isEqualTo(result.settings());
      assertThat(back.timings()).isEqualTo(result.timings());
      ArtifactWriter.write(back, second);
    }
    assertSameBytesButTimings(first, second);
    assertThat(Files.readString(second.resolve("timings.json")))
        .isEqualTo(Files.readString(first.resolve("timings.json")));
  }

  @Test
  void theReadBackCurvesAreTheWrittenOnes() throws IOException {
    PgResult result = PgExperiment.run(SmallSettings.pg(Reward.PROCESS), ProgressListener.NONE);
    ArtifactWriter.write(result, tmp);
    PgResult back = (PgResult) ArtifactReader.read(tmp.resolve(result.name() + ".json"));
    assertThat(back.pgError().values()).isEqualTo(result.pgError().values());
    assertThat(back.tracked().logLikelihoods()).isEqualTo(result.tracked().logLikelihoods());
    assertThat(back.poolBaseLogLikelihoods()).isEqualTo(result.poolBaseLogLikelihoods());
    assertThat(back.baseHistogram().counts()).isEqualTo(result.baseHistogram().counts());
    assertThat(back.queries()).isEqualTo(result.queries());
  }

  @Test
  void withoutTimingsJsonTheTimingsAreEmpty() throws IOException {
    PgResult result = PgExperiment.run(SmallSettings.pg(Reward.OUTCOME), ProgressListener.NONE);
    ArtifactWriter.write(result, tmp);
    Files.delete(tmp.resolve(ArtifactWriter.TIMINGS));
    assertThat(ArtifactReader.read(tmp, result.name()).timings()).isEqualTo(Timings.none());
  }

  @Test
  void anUnknownKeyIsRefusedWithItsPath() throws IOException {
    PgResult result = PgExperiment.run(SmallSettings.pg(Reward.OUTCOME), ProgressListener.NONE);
    ArtifactWriter.write(result, tmp);
    Path file = tmp.resolve(result.name() + ".json");
    Files.writeString(file, Files.readString(file).replace("\"num_mix\"", "\"num_mixes\""));
    assertThatThrownBy(() -> ArtifactReader.read(file)).isInstanceOf(InputException.class)
        .hasMessage(file + ": settings.global.data_generator.num_mixes: unknown key");
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws IOException {
    ArtifactWriter.write(CdfExperiment.run(SmallSettings.cdf(), ProgressListener.NONE), tmp);
    assertThat(files(tmp)).allMatch(name -> !name.startsWith("."));
  }
}
