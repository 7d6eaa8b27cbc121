package org.pgbarrier.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine itself: shrinking, the failure message, mutant bookkeeping, replay parsing. */
class ExactPropertyTest {
  private final List<ClaimRecord> records = new ArrayList<>();

  private static ParameterSpace space() {
    return new ParameterSpace().integer("k", 2, 50).integer("N", 1, 40).real("gamma", 0.01, 1.0);
  }

  /** Fails exactly when k >= 7 and N >= 3: the smallest failing case is k=7, N=3, gamma=0.01. */
  private static Observation kTimesN(Params p, long seed) {
    boolean fails = p.integer("k") >= 7 && p.integer("N") >= 3;
    return new Observation(!fails, p.integer("k"), Comparison.AT_MOST, 6, fails ? 2 : 0.5, "k=" + p.integer("k"));
  }

  @Test
  void aFailingPropertyIsShrunkToTheSmallestFailingCaseAndNamesItsReplay() {
    ExactProperty property = ExactProperty.of("TKT-01", "engine-self-test")
        .over(space())
        .tries(200)
        .rule("k < 7 or N < 3")
        .check(ExactPropertyTest::kTimesN)
        .recordTo(records::add);
    assertThatThrownBy(property::verify)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("TKT-01/engine-self-test FAILED")
        .hasMessageContaining("shrunk to k=7,N=3,gamma=0.01")
        .hasMessageContaining("-Dpgbarrier.replay='TKT-01/engine-self-test@")
        .hasMessageContaining(
            "-Dtest='ExactPropertyTest#aFailingPropertyIsShrunkToTheSmallestFailingCaseAndNamesItsReplay'");
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.verdict()).isEqualTo("FAIL");
      assertThat(r.instance()).startsWith("k=7,N=3,gamma=0.01 ");
      assertThat(r.mutantRejected()).isNull();
    });
  }

  @Test
  void aConjectureWithACounterexampleIsRecordedAsRefutedWithoutFailingTheBuild() {
    ExactProperty.of("TKT-02", "engine-self-test")
        .over(space())
        .tries(200)
        .rule("k < 7 or N < 3")
        .check(ExactPropertyTest::kTimesN)
        .mutant("bound scaled down", (p, s) -> Observation.atMost(p.integer("k"), 1, "k"))
        .recordTo(records::add)
        .verify();
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.verdict()).isEqualTo(ExactProperty.REFUTED);
      assertThat(r.provenance()).isEqualTo("CONJECTURE");
      assertThat(r.instance()).startsWith("counterexample k=7,N=3,gamma=0.01 case-seed=")
          .containsPattern(
              "\\(shrunk from k=\\d+,N=\\d+,gamma=[0-9.]+; fails on \\d+ of 200 cases\\)$");
      assertThat(r.tries()).isEqualTo(200);
      assertThat(r.mutantRejected()).isTrue();
      assertThat(r.replay()).contains("-Dpgbarrier.replay='TKT-02/engine-self-test@")
          .contains("@k=7,N=3,gamma=0.01'");
    });
  }

  @Test
  void aMutantThatPassesEveryCaseFailsTheCheckAsToothless() {
    ExactProperty property = ExactProperty.of("TKT-01", "engine-self-test")
        .over(space())
        .tries(50)
        .rule("always")
        .check((p, s) -> Observation.atMost(0, 1, "ok"))
        .mutant("identical to the real check", (p, s) -> Observation.atMost(0, 1, "ok"))
        .recordTo(records::add);
    assertThatThrownBy(property::verify).hasMessageContaining("cannot fail");
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.verdict()).isEqualTo("PASS");
      assertThat(r.mutantRejected()).isFalse();
    });
  }

  @Test
  void aRejectedMutantAndAHoldingCheckPassAndAreRecorded() {
    ExactProperty.of("TKT-01", "engine-self-test")
        .over(space())
        .tries(50)
        .rule("k < 51")
        .check((p, s) -> Observation.atMost(p.integer("k"), 50, "k"))
        .mutant("bound scaled down", (p, s) -> Observation.atMost(p.integer("k"), 25, "k"))
        .recordTo(records::add)
        .verify();
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.verdict()).isEqualTo("PASS");
      assertThat(r.mutantRejected()).isTrue();
      assertThat(r.tries()).isEqualTo(50);
    });
  }

  @Test
  void anExceptionInsideACheckIsAFailureNotACrash() {
    ExactProperty property = ExactProperty.of("TKT-01", "engine-self-test")
        .over(space())
        .tries(5)
        .rule("no exception")
        .check((p, s) -> {
          throw new ArithmeticException("NaN at step 3");
        })
        .recordTo(records::add);
    assertThatThrownBy(property::verify).hasMessageContaining("threw java.lang.ArithmeticException");
  }

  @Test
  void paramsRoundTripThroughTheReplayFormat() {
    Params p = space().sample(new java.util.SplittableRandom(1));
    assertThat(Params.parse(p.toString())).isEqualTo(p);
  }
}
