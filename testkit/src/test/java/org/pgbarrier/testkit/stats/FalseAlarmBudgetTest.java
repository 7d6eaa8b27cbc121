package org.pgbarrier.testkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.ClaimRegistry;
import org.pgbarrier.bounds.Paper;
import org.pgbarrier.bounds.Provenance;

class FalseAlarmBudgetTest {
  private static Claim claim(String id) {
    return new Claim(id, "t", Paper.BASE_MODEL_BARRIER, "l", Provenance.RECONSTRUCTED, "s");
  }

  private static final List<Claim> CLAIMS = List.of(
      claim("AAA-01").withStatistical("a", "b", "c", "d"),
      claim("AAA-02").withExact("e").withStatistical("f"),
      claim("AAA-03").withExact("g"));

  @Test
  void eachClaimHoldsOneSlotSplitAcrossItsOwnChecksAndTheSharesSumToTheSpentBudget() {
    FalseAlarmBudget budget = FalseAlarmBudget.of("x", 1e-3, 5, CLAIMS);
    // hand-computed: 1e-3 / 5 = 2e-4 per claim; AAA-01 has 4 statistical checks, AAA-02 one
    assertThat(budget.share("AAA-01", "a")).isCloseTo(5e-5, within(1e-18));
    assertThat(budget.share("AAA-02", "f")).isCloseTo(2e-4, within(1e-18));
    assertThat(budget.used()).isEqualTo(2);
    double sum = 0;
    for (String id : budget.checkIds()) {
      String[] parts = id.split("/");
      sum += budget.share(parts[0], parts[1]);
    }
    assertThat(sum).isCloseTo(4e-4, within(1e-18)).isCloseTo(budget.spent(), within(1e-18));
    assertThat(budget.checkIds()).containsExactly("AAA-01/a", "AAA-01/b", "AAA-01/c", "AAA-01/d",
        "AAA-02/f");
  }

  @Test
  void aNewClaimTakesAFreeSlotAndMovesNoOtherClaimsLevel() {
    FalseAlarmBudget before = FalseAlarmBudget.of("x", 1e-3, 5, CLAIMS);
    List<Claim> more = new ArrayList<>(CLAIMS);
    more.add(claim("AAA-04").withStatistical("h"));
    FalseAlarmBudget after = FalseAlarmBudget.of("x", 1e-3, 5, more);
    for (String id : before.checkIds()) {
      String[] p = id.split("/");
      assertThat(after.share(p[0], p[1])).as(id).isEqualTo(before.share(p[0], p[1]));
    }
    assertThat(after.spent()).isCloseTo(6e-4, within(1e-18));
  }

  @Test
  void moreClaimsThanSlotsAreRefusedByName() {
    assertThatThrownBy(() -> FalseAlarmBudget.of("x", 1e-3, 1, CLAIMS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("slots = 1 of catalog x: 2 claims declare statistical checks"
            + " [AAA-01, AAA-02]");
  }

  @Test
  void pgbarriersOwnBudgetFitsItsSlots() {
    FalseAlarmBudget budget = FalseAlarmBudget.of(ClaimRegistry.BUILT_IN);
    assertThat(budget.used()).isLessThanOrEqualTo(budget.slots());
    assertThat(budget.spent()).isLessThanOrEqualTo(budget.total());
  }

  @Test
  void theTotalComesFromTheCatalogUnlessThePropertyOverridesIt() {
    String saved = System.getProperty(FalseAlarmBudget.PROPERTY);
    try {
      System.clearProperty(FalseAlarmBudget.PROPERTY);
      assertThat(FalseAlarmBudget.of(ClaimRegistry.BUILT_IN).total()).isEqualTo(1e-3);
      System.setProperty(FalseAlarmBudget.PROPERTY, "2.5e-4");
      assertThat(FalseAlarmBudget.of(ClaimRegistry.BUILT_IN).total()).isEqualTo(2.5e-4);
      System.setProperty(FalseAlarmBudget.PROPERTY, "often");
      assertThatThrownBy(() -> FalseAlarmBudget.of(ClaimRegistry.BUILT_IN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("system property pgbarrier.falseAlarm = 'often'");
      System.setProperty(FalseAlarmBudget.PROPERTY, "1.5");
      assertThatThrownBy(() -> FalseAlarmBudget.of(ClaimRegistry.BUILT_IN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("system property pgbarrier.falseAlarm = 1.5");
    } finally {
      if (saved == null) {
        System.clearProperty(FalseAlarmBudget.PROPERTY);
      } else {
        System.setProperty(FalseAlarmBudget.PROPERTY, saved);
      }
    }
  }

  @Test
  void badArgumentsAndUndeclaredChecksAreRejectedByName() {
    assertThatThrownBy(() -> FalseAlarmBudget.of("x", 0.0, 5, CLAIMS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("total = 0.0");
    assertThatThrownBy(() -> FalseAlarmBudget.of("x", 1e-3, 0, CLAIMS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("slots = 0");
    FalseAlarmBudget budget = FalseAlarmBudget.of("x", 1e-3, 5, CLAIMS);
    assertThatThrownBy(() -> budget.share("AAA-03", "g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("check = AAA-03/g: not a statistical check declared in catalog x");
  }
}
