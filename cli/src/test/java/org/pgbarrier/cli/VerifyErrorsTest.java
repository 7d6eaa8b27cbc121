package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code verify} and to {@code merge} of a verify directory: one line naming the
 * option, its value and the rule, exit 2, nothing written. (This module's tests do not have the
 * claims suite on their class path; that refusal is the last one, so every check before it runs.)
 */
class VerifyErrorsTest {
  @TempDir Path temp;

  private Cli verify(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "verify";
    all[1] = "--out";
    all[2] = temp.resolve("soak").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  @Test
  void badSeedsKindsPatternsAndShardsAreRefusedBeforeAnythingIsWritten() {
    assertOneLineError(verify("--seeds", "5..2"), 2,
        "--seeds 5..2: must be A..B with A <= B");
    assertOneLineError(verify("--seeds", "1-4"), 2, "--seeds 1-4: must be A..B");
    assertOneLineError(verify("--seed", "3", "--seeds", "1..2"), 2,
        "--seed 3 --seeds 1..2: give one of them");
    assertOneLineError(verify("--kind", "fast"), 2,
        "--kind fast: must be exact, statistical or all");
    assertOneLineError(verify("--claims", "NOPE-1"), 2,
        "--claims NOPE-1 --kind all: selects no declared check");
    assertOneLineError(verify("--claims", "SHP-01/*", "--kind", "statistical", "--shard", "2/2"),
        2, "--shard 2/2: the index 2 must be from 0 to 1");
    assertThat(temp.resolve("soak")).doesNotExist();
  }

  @Test
  void aKubernetesIndexWithoutAShardCountIsRefusedAndSlurmArraysAreRead() {
    assertThatThrownBy(() -> VerifyCommand.shard(null, Map.of("JOB_COMPLETION_INDEX", "3")))
        .isInstanceOf(UsageException.class).hasMessage("JOB_COMPLETION_INDEX=3: verify has no"
            + " manifest giving the shard count: pass --shard $(JOB_COMPLETION_INDEX)/N");
    assertThat(VerifyCommand.shard(null, Map.of("SLURM_ARRAY_TASK_ID", "1",
        "SLURM_ARRAY_TASK_COUNT", "4"))).isEqualTo(new Shard(1, 4));
    assertThat(VerifyCommand.shard("0/2", Map.of("SLURM_ARRAY_TASK_ID", "1",
        "SLURM_ARRAY_TASK_COUNT", "4"))).isEqualTo(new Shard(0, 2));
    assertThat(VerifyCommand.shard(null, Map.of())).isEqualTo(Shard.ALL);
  }

  @Test
  void withoutTheSuiteOnTheClassPathVerifySaysHowToRunIt() {
    assertOneLineError(verify("--claims", "SHP-01"), 2,
        "verify: the claims suite is not on the class path");
    assertThat(temp.resolve("soak")).doesNotExist();
  }

  @Test
  void aSoakDirectoryOfAnotherSelectionIsRefused() throws Exception {
    Path soak = Files.createDirectories(temp.resolve("soak"));
    Files.writeString(soak.resolve("verify.json"), "{\"format\":\"pgbarrier/verify-v1\","
        + "\"catalog\":\"pgbarrier\",\"claims\":\"\",\"kind\":\"statistical\"}");
    assertOneLineError(verify("--claims", "SHP-01"), 2, "its verify.json selects --claims ''"
        + " --kind statistical, not --claims 'SHP-01' --kind all: one soak directory, one"
        + " selection");
    Files.writeString(soak.resolve("verify.json"), "{");
    assertOneLineError(verify("--claims", "SHP-01"), 2, "its verify.json is not valid JSON");
    Files.writeString(soak.resolve("verify.json"), "[]");
    assertOneLineError(verify("--claims", "SHP-01"), 2, "its verify.json is not a JSON object");
  }

  @Test
  void aSoakDirectoryOfAnotherCodeVersionIsRefusedAndTheSameIsResumed() throws Exception {
    // These tests run without the launcher, so this process's code is "unknown".
    assertThat(VerifyCommand.code()).isEqualTo("unknown");
    Path soak = Files.createDirectories(temp.resolve("soak"));
    String selection = "{\"format\":\"pgbarrier/verify-v1\",\"catalog\":\"pgbarrier\","
        + "\"claims\":\"SHP-01\",\"kind\":\"all\",\"code\":";
    Files.writeString(soak.resolve("verify.json"), selection + "\"0123456789ab\"}");
    assertOneLineError(verify("--claims", "SHP-01"), 2, "--out " + soak + ": its verify.json was"
        + " written by code 0123456789ab, this is unknown: one soak directory, one code version"
        + " (finish it on 0123456789ab, or start another --out)");
    // the same selection and code: accepted, and the next check (the suite) refuses instead
    Files.writeString(soak.resolve("verify.json"), selection + "\"unknown\"}");
    assertOneLineError(verify("--claims", "SHP-01"), 2,
        "verify: the claims suite is not on the class path");
  }

  @Test
  void mergeOfAVerifyDirectoryWithoutACompleteSeedIsRefused() throws Exception {
    Path soak = Files.createDirectories(temp.resolve("soak"));
    Files.writeString(soak.resolve("verify.json"), "{}");
    Files.createDirectories(soak.resolve("seed-1"));
    assertOneLineError(Cli.run("merge", soak.toString()), 2,
        "merge " + soak + ": no complete seed (seed-S/complete.json) in this verify directory");
    assertThat(soak.resolve("soak.md")).doesNotExist();
  }
}
