package org.pgbarrier.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;

/**
 * The statistical side of the engine on the self-test catalog ({@code SelfTestCatalog}): levels
 * computed from the declarations, refusal of undeclared checks, the shared verdicts, records and
 * messages, and replay of one check on its seed and of one replicate alone.
 */
class StatisticalPropertyTest {
  private final List<ClaimRecord> records = new ArrayList<>();

  private static Decision pass(long seed) {
    return new Decision(false, 0.5, Comparison.ABOVE, 1e-4, "seed " + seed);
  }

  private static Decision reject(long seed) {
    return new Decision(true, 1e-9, Comparison.ABOVE, 1e-4, "seed " + seed);
  }

  @Test
  void theLevelIsTheClaimsAllotmentSplitAcrossItsOwnStatisticalChecks() {
    // 1e-3 over 4 slots: 2.5e-4 per claim; TKT-01 declares two statistical checks, TKT-02 one
    assertThat(StatisticalProperty.of("TKT-01", "self-test-a").alpha()).isEqualTo(1.25e-4);
    assertThat(StatisticalProperty.of("TKT-01", "self-test-b").alpha()).isEqualTo(1.25e-4);
    assertThat(StatisticalProperty.of("TKT-02", "self-test-c").alpha()).isEqualTo(2.5e-4);
  }

  @Test
  void anUndeclaredCheckOrAWrongKindIsRefusedWithTheDeclarationToAdd() {
    assertThatThrownBy(() -> StatisticalProperty.of("TKT-01", "not-declared"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TKT-01/not-declared is not declared in the claim registry"
            + " (catalog testkit-self-test)")
        .hasMessageContaining(".withStatistical(\"not-declared\")");
    assertThatThrownBy(() -> StatisticalProperty.of("TKT-01", "engine-self-test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declared EXACT in catalog testkit-self-test but run as STATISTICAL");
    assertThatThrownBy(() -> ExactProperty.of("TKT-01", "self-test-a"))
        .hasMessageContaining("declared STATISTICAL in catalog testkit-self-test but run as EXACT");
  }

  @Test
  void aRejectionFailsWithClaimLevelSeedAndAReplayOfThatCheck() {
    StatisticalProperty property = StatisticalProperty.of("TKT-01", "self-test-a")
        .rule("p-value above the level").experiment(StatisticalPropertyTest::reject)
        .mutant("always rejected", StatisticalPropertyTest::reject).recordTo(records::add);
    assertThatThrownBy(property::verify)
        .hasMessageContaining("TKT-01/self-test-a REJECTED: Engine self-test [RECONSTRUCTED")
        .hasMessageContaining("rule: p-value above the level")
        .hasMessageContaining("at false-alarm level 1.25E-4")
        .hasMessageContaining("-Dtest='StatisticalPropertyTest#"
            + "aRejectionFailsWithClaimLevelSeedAndAReplayOfThatCheck'")
        .hasMessageContaining("-Dpgbarrier.replay='TKT-01/self-test-a@" + Suite.seedOf("TKT-01",
            "self-test-a") + "'");
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.verdict()).isEqualTo("FAIL");
      assertThat(r.falseAlarm()).isEqualTo(1.25e-4);
      assertThat(r.mutantRejected()).isTrue();
      assertThat(r.replay()).startsWith("mvn -B verify -Dsurefire.failIfNoSpecifiedTests=false");
    });
  }

  @Test
  void aConjectureRejectedIsRefutedNotFailedAndItsMutantMustStillBeRejected() {
    StatisticalProperty.of("TKT-02", "self-test-c").rule("r")
        .experiment(StatisticalPropertyTest::reject)
        .mutant("m", StatisticalPropertyTest::reject).recordTo(records::add).verify();
    assertThat(records).singleElement()
        .satisfies(r -> assertThat(r.verdict()).isEqualTo(Property.REFUTED));
    StatisticalProperty toothless = StatisticalProperty.of("TKT-02", "self-test-c").rule("r")
        .experiment(StatisticalPropertyTest::pass).mutant("m", StatisticalPropertyTest::pass)
        .recordTo(records::add);
    assertThatThrownBy(toothless::verify).hasMessageContaining("cannot fail");
  }

  @Test
  void aReplayRunsOnlyTheTargetedCheckOnTheGivenSeed() {
    List<Long> seeds = new ArrayList<>();
    String saved = System.getProperty("pgbarrier.replay");
    try {
      System.setProperty("pgbarrier.replay", "TKT-01/self-test-a@12345");
      StatisticalProperty.of("TKT-01", "self-test-a").rule("r")
          .experiment(seed -> {
            seeds.add(seed);
            return pass(seed);
          })
          .mutant("m", seed -> {
            throw new AssertionError("the mutant is not replayed");
          }).recordTo(records::add).verify();
      StatisticalProperty.of("TKT-01", "self-test-b").rule("r")
          .experiment(seed -> {
            throw new AssertionError("another check is not run");
          })
          .mutant("m", StatisticalPropertyTest::reject).recordTo(records::add).verify();
      assertThat(seeds).containsExactly(12345L);
      assertThat(records).isEmpty();
      System.setProperty("pgbarrier.replay", "TKT-01/self-test-a@99");
      StatisticalProperty failing = StatisticalProperty.of("TKT-01", "self-test-a").rule("r")
          .experiment(StatisticalPropertyTest::reject)
          .mutant("m", StatisticalPropertyTest::reject).recordTo(records::add);
      assertThatThrownBy(failing::verify)
          .hasMessageContaining("TKT-01/self-test-a replayed on check seed 99 is REJECTED")
          .hasMessageContaining("seed 99");
    } finally {
      if (saved == null) {
        System.clearProperty("pgbarrier.replay");
      } else {
        System.setProperty("pgbarrier.replay", saved);
      }
    }
  }

  /** Replicate {@code r}: a uniform draw from stream {@code r + 1} of the check seed. */
  private static double uniform(long seed, int r) {
    return Seeds.stream(seed, r + 1L).nextDouble();
  }

  private static Replicates uniforms(int runs, Replicates.Pick named,
      ConcurrentLinkedQueue<Integer> calls) {
    return new Replicates(runs, (seed, r) -> {
      calls.add(r);
      return uniform(seed, r);
    }, named, (seed, observations) -> reject(seed));
  }

  @Test
  void aReplicatedRejectionNamesOneReplicateAndItsReplayObservesTheSameValue() {
    ConcurrentLinkedQueue<Integer> calls = new ConcurrentLinkedQueue<>();
    StatisticalProperty property = StatisticalProperty.of("TKT-01", "self-test-a").rule("r")
        .experiment(uniforms(50, Replicates.Pick.largest(), calls))
        .mutant("m", StatisticalPropertyTest::reject).recordTo(records::add);
    long seed = Suite.seedOf("TKT-01", "self-test-a");
    int largest = 0;
    for (int r = 1; r < 50; r++) {
      if (uniform(seed, r) > uniform(seed, largest)) {
        largest = r;
      }
    }
    String selector = seed + "#" + largest;
    assertThatThrownBy(property::verify)
        .hasMessageContaining("(check seed " + seed + "): seed " + seed)
        .hasMessageContaining("replicate " + largest + " (the largest observation) observed "
            + uniform(seed, largest) + "; rerun it alone: ")
        .hasMessageContaining("-Dpgbarrier.replay='TKT-01/self-test-a@" + selector + "'");
    ClaimRecord.ReplicateReplay named = records.get(0).replicate();
    assertThat(named.index()).isEqualTo(largest);
    assertThat(named.replay()).endsWith("-Dpgbarrier.replay='TKT-01/self-test-a@" + selector + "'");

    calls.clear();
    List<String> printed = new ArrayList<>();
    withReplay("TKT-01/self-test-a@" + selector, () -> StatisticalProperty
        .of("TKT-01", "self-test-a").rule("r")
        .experiment(uniforms(50, Replicates.Pick.largest(), calls))
        .mutant("m", s -> {
          throw new AssertionError("the mutant is not replayed");
        }).recordTo(records::add).printTo(printed::add).verify());
    assertThat(calls).containsExactly(largest);
    assertThat(printed).containsExactly("TKT-01/self-test-a replicate " + largest
        + " of 50 on check seed " + seed + " observed " + named.observation());
    assertThat(records).hasSize(1);
  }

  @Test
  void aReplicateOutsideTheRunsOrOfAWholeExperimentIsRefusedNamingTheParameter() {
    ConcurrentLinkedQueue<Integer> calls = new ConcurrentLinkedQueue<>();
    for (String[] wrong : new String[][] {
        {"5#50", "replicate = 50: must be in [0, 49]"},
        {"5#-1", "replicate = -1: must be in [0, 49]"},
        {"5#x", "replicate = x: must be an integer in [0, 49]"}}) {
      StatisticalProperty property = StatisticalProperty.of("TKT-01", "self-test-a").rule("r")
          .experiment(uniforms(50, Replicates.Pick.largest(), calls))
          .mutant("m", StatisticalPropertyTest::reject).recordTo(records::add);
      withReplay("TKT-01/self-test-a@" + wrong[0], () -> assertThatThrownBy(property::verify)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("pgbarrier.replay = TKT-01/self-test-a@" + wrong[0] + ": " + wrong[1]));
    }
    assertThat(calls).isEmpty();
    StatisticalProperty whole = StatisticalProperty.of("TKT-01", "self-test-a").rule("r")
        .experiment(StatisticalPropertyTest::pass).mutant("m", StatisticalPropertyTest::reject);
    withReplay("TKT-01/self-test-a@5#0", () -> assertThatThrownBy(whole::verify)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not made of Replicates, so it replays only whole"));
  }

  @Test
  void aPickNamesTheFirstOfTiesOrNoReplicateWhenNoneCountsAgainstTheRule() {
    double[] obs = {2, 7, 1, 7, 1};
    assertThat(Replicates.Pick.largest().index().applyAsInt(obs)).isEqualTo(1);
    assertThat(Replicates.Pick.smallest().index().applyAsInt(obs)).isEqualTo(2);
    assertThat(Replicates.Pick.first("above 5", x -> x > 5).index().applyAsInt(obs)).isEqualTo(1);
    ConcurrentLinkedQueue<Integer> calls = new ConcurrentLinkedQueue<>();
    assertThatThrownBy(StatisticalProperty.of("TKT-01", "self-test-a").rule("r")
        .experiment(uniforms(10, Replicates.Pick.first("above 1", x -> x > 1), calls))
        .mutant("m", StatisticalPropertyTest::reject).recordTo(records::add)::verify)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("rerun it alone"));
    assertThat(records).singleElement().satisfies(r -> assertThat(r.replicate()).isNull());
    assertThatThrownBy(() -> uniforms(0, Replicates.Pick.largest(), calls))
        .hasMessage("runs = 0: must be at least 1");
  }

  private static void withReplay(String replay, Runnable body) {
    String saved = System.getProperty("pgbarrier.replay");
    try {
      System.setProperty("pgbarrier.replay", replay);
      body.run();
    } finally {
      if (saved == null) {
        System.clearProperty("pgbarrier.replay");
      } else {
        System.setProperty("pgbarrier.replay", saved);
      }
    }
  }
}
