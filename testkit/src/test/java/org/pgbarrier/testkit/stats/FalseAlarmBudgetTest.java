package org.pgbarrier.testkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FalseAlarmBudgetTest {
  private static final List<String> IDS =
      List.of("BMB-01", "BMB-02", "BMB-03", "BMB-04", "BMB-05", "BMB-06", "BMB-07");

  @Test
  void sharesAreEqualAndSumToTheTotal() {
    FalseAlarmBudget budget = FalseAlarmBudget.of(1e-3, IDS);
    double sum = 0;
    for (String id : IDS) {
      assertThat(budget.share(id)).as("share of %s", id).isEqualTo(budget.share(IDS.get(0)));
      sum += budget.share(id);
    }
    assertThat(sum).as("sum of the shares of %s", IDS).isCloseTo(1e-3, within(1e-18));
  }

  @Test
  void suiteTotalIsOneInAThousandUnlessThePropertyOverridesIt() {
    String saved = System.getProperty(FalseAlarmBudget.PROPERTY);
    try {
      System.clearProperty(FalseAlarmBudget.PROPERTY);
      assertThat(FalseAlarmBudget.suite(IDS).total()).isEqualTo(1e-3);
      System.setProperty(FalseAlarmBudget.PROPERTY, "2.5e-4");
      assertThat(FalseAlarmBudget.suite(IDS).total()).isEqualTo(2.5e-4);
      System.setProperty(FalseAlarmBudget.PROPERTY, "often");
      assertThatThrownBy(() -> FalseAlarmBudget.suite(IDS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("system property pgbarrier.falseAlarm = 'often'");
      System.setProperty(FalseAlarmBudget.PROPERTY, "1.5");
      assertThatThrownBy(() -> FalseAlarmBudget.suite(IDS))
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
  void badCheckListsAndUnknownIdsAreRejectedByName() {
    assertThatThrownBy(() -> FalseAlarmBudget.of(1e-3, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("checkIds = []");
    assertThatThrownBy(() -> FalseAlarmBudget.of(1e-3, List.of("A", "B", "A")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("checkIds[2] = 'A'");
    assertThatThrownBy(() -> FalseAlarmBudget.of(0.0, IDS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("total = 0.0");
    FalseAlarmBudget budget = FalseAlarmBudget.of(1e-3, IDS);
    assertThatThrownBy(() -> budget.share("BMB-99"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("id = 'BMB-99'");
  }
}
