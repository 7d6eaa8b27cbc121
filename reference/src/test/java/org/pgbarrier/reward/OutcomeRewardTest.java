package org.pgbarrier.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Labeled;

class OutcomeRewardTest {
  private static final Labeled<String> CONTEXT = new Labeled<>("x", new int[] {2, 0, 1});

  @Test
  void indicatorIsOneExactlyOnTheCorrectResponse() {
    OutcomeReward r = new OutcomeReward(QueryCounter.unlimited());
    assertThat(r.indicator(CONTEXT, new int[] {2, 0, 1})).isEqualTo(1.0);
    assertThat(r.indicator(CONTEXT, new int[] {2, 0, 0})).isEqualTo(0.0);
    assertThat(r.indicator(CONTEXT, new int[] {0, 0, 1})).isEqualTo(0.0);
  }

  @Test
  void signedFormIsPlusOneOnTheCorrectResponseAndMinusOneElsewhere() {
    OutcomeReward r = new OutcomeReward(QueryCounter.unlimited());
    assertThat(r.signed(CONTEXT, new int[] {2, 0, 1})).isEqualTo(1.0);
    assertThat(r.signed(CONTEXT, new int[] {2, 1, 1})).isEqualTo(-1.0);
  }

  @Test
  void everyCallIsOneQueryAndTheBudgetIsEnforced() {
    QueryCounter counter = QueryCounter.withBudget(3);
    OutcomeReward r = new OutcomeReward(counter);
    r.indicator(CONTEXT, new int[] {2, 0, 1});
    r.signed(CONTEXT, new int[] {0, 0, 0});
    r.indicator(CONTEXT, new int[] {1, 1, 1});
    assertThat(counter.count()).isEqualTo(3);
    assertThatThrownBy(() -> r.signed(CONTEXT, new int[] {2, 0, 1}))
        .isInstanceOf(BudgetExhaustedException.class)
        .hasMessageContaining("budget 3");
    assertThat(counter.count()).isEqualTo(3);
  }

  @Test
  void aResponseOfTheWrongLengthIsRefusedAndNotCharged() {
    QueryCounter counter = QueryCounter.unlimited();
    OutcomeReward r = new OutcomeReward(counter);
    assertThatThrownBy(() -> r.indicator(CONTEXT, new int[] {2, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y has length 2");
    assertThat(counter.count()).isZero();
  }
}
