package org.pgbarrier.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryCounterTest {

  @Test
  void everyChargeIsCounted() {
    QueryCounter counter = QueryCounter.unlimited();
    counter.charge(1);
    counter.charge(1);
    counter.charge(5);
    assertThat(counter.count()).isEqualTo(7);
    assertThat(counter.budget()).isEqualTo(QueryCounter.UNLIMITED);
    assertThat(counter.remaining()).isEqualTo(Long.MAX_VALUE - 7);
  }

  @Test
  void theQueryBeyondTheBudgetIsRefusedNamingTheBudgetAndNotCounted() {
    QueryCounter counter = QueryCounter.withBudget(3);
    counter.charge(1);
    counter.charge(1);
    counter.charge(1);
    assertThat(counter.remaining()).isZero();
    assertThatThrownBy(() -> counter.charge(1))
        .isInstanceOfSatisfying(BudgetExhaustedException.class, e -> {
          assertThat(e.budget()).isEqualTo(3);
          assertThat(e.answered()).isEqualTo(3);
          assertThat(e.requested()).isEqualTo(1);
        })
        .hasMessageContaining("budget 3");
    assertThat(counter.count()).isEqualTo(3);
  }

  @Test
  void aRequestForSeveralQueriesIsChargedAllOrNothing() {
    QueryCounter counter = QueryCounter.withBudget(5);
    counter.charge(3);
    assertThatThrownBy(() -> counter.charge(3)).isInstanceOf(BudgetExhaustedException.class);
    assertThat(counter.count()).isEqualTo(3);
    counter.charge(2);
    assertThat(counter.count()).isEqualTo(5);
  }

  @Test
  void aZeroBudgetAnswersNothing() {
    QueryCounter counter = QueryCounter.withBudget(0);
    assertThatThrownBy(() -> counter.charge(1)).isInstanceOf(BudgetExhaustedException.class);
    assertThat(counter.count()).isZero();
  }

  @Test
  void badArgumentsAreRefusedNamingThem() {
    assertThatThrownBy(() -> QueryCounter.withBudget(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget = -1");
    assertThatThrownBy(() -> QueryCounter.unlimited().charge(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queries = 0");
  }
}
