package org.pgbarrier.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Labeled;

class ProcessRewardTest {
  private static final Labeled<String> CONTEXT = new Labeled<>("x", new int[] {1, 1, 1});

  @Test
  void prefixRewardIsOneWhileThePrefixIsCorrect() {
    ProcessReward r = new ProcessReward(QueryCounter.unlimited());
    int[] y = {1, 1, 0};
    assertThat(r.indicator(CONTEXT, y, 1)).isEqualTo(1.0);
    assertThat(r.indicator(CONTEXT, y, 2)).isEqualTo(1.0);
    assertThat(r.indicator(CONTEXT, y, 3)).isEqualTo(0.0);
    assertThat(r.signed(CONTEXT, y, 2)).isEqualTo(1.0);
    assertThat(r.signed(CONTEXT, y, 3)).isEqualTo(-1.0);
  }

  @Test
  void aLaterMatchDoesNotRestoreAPrefixThatWentWrong() {
    ProcessReward r = new ProcessReward(QueryCounter.unlimited());
    int[] y = {1, 0, 1};
    assertThat(r.indicator(CONTEXT, y, 3)).isEqualTo(0.0);
    // cumprod of matches (1, 0, 1) is (1, 0, 0): signed (+1, -1, -1).
    assertThat(r.signedPrefixRewards(CONTEXT, y)).containsExactly(1.0, -1.0, -1.0);
    assertThat(r.signedPrefixRewards(CONTEXT, new int[] {1, 1, 1})).containsExactly(1.0, 1.0, 1.0);
    assertThat(r.signedPrefixRewards(CONTEXT, new int[] {0, 1, 1}))
        .containsExactly(-1.0, -1.0, -1.0);
  }

  @Test
  void theCorrectPrefixCountsTheLeadingPlusOnesAtTheSameNQueries() {
    QueryCounter counter = QueryCounter.unlimited();
    ProcessReward r = new ProcessReward(counter);
    assertThat(r.correctPrefix(CONTEXT, new int[] {1, 0, 1})).isEqualTo(1);
    assertThat(r.correctPrefix(CONTEXT, new int[] {0, 1, 1})).isZero();
    assertThat(r.correctPrefix(CONTEXT, new int[] {1, 1, 1})).isEqualTo(3);
    assertThat(counter.count()).isEqualTo(9);
    assertThatThrownBy(() -> r.correctPrefix(CONTEXT, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y");
    assertThat(counter.count()).isEqualTo(9);
  }

  @Test
  void onlyThePrefixIsReadSoAPartialResponseMayBeScored() {
    ProcessReward r = new ProcessReward(QueryCounter.unlimited());
    assertThat(r.indicator(CONTEXT, new int[] {1, 1}, 2)).isEqualTo(1.0);
    assertThat(r.indicator(CONTEXT, new int[] {1, 1, 0}, 2)).isEqualTo(1.0);
  }

  @Test
  void onePrefixIsOneQueryAndAllPrefixesOfAResponseAreNQueries() {
    QueryCounter counter = QueryCounter.withBudget(6);
    ProcessReward r = new ProcessReward(counter);
    r.indicator(CONTEXT, new int[] {1, 1, 1}, 1);
    r.signed(CONTEXT, new int[] {1, 1, 1}, 3);
    assertThat(counter.count()).isEqualTo(2);
    r.signedPrefixRewards(CONTEXT, new int[] {1, 0, 1});
    assertThat(counter.count()).isEqualTo(5);
    assertThatThrownBy(() -> r.signedPrefixRewards(CONTEXT, new int[] {1, 1, 1}))
        .isInstanceOfSatisfying(BudgetExhaustedException.class,
            e -> assertThat(e.requested()).isEqualTo(3))
        .hasMessageContaining("budget 6");
    assertThat(counter.count()).isEqualTo(5);
    r.indicator(CONTEXT, new int[] {1, 1, 1}, 2);
    assertThat(counter.remaining()).isZero();
  }

  @Test
  void outcomeAndProcessOraclesMayShareOneBudget() {
    QueryCounter counter = QueryCounter.withBudget(2);
    new OutcomeReward(counter).indicator(CONTEXT, new int[] {1, 1, 1});
    ProcessReward prm = new ProcessReward(counter);
    prm.indicator(CONTEXT, new int[] {1, 1, 1}, 1);
    assertThatThrownBy(() -> prm.indicator(CONTEXT, new int[] {1, 1, 1}, 1))
        .isInstanceOf(BudgetExhaustedException.class);
  }

  @Test
  void badPrefixLengthsAreRefusedAndNotCharged() {
    QueryCounter counter = QueryCounter.unlimited();
    ProcessReward r = new ProcessReward(counter);
    assertThatThrownBy(() -> r.indicator(CONTEXT, new int[] {1, 1, 1}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length = 0");
    assertThatThrownBy(() -> r.signed(CONTEXT, new int[] {1, 1, 1, 1}, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length = 4");
    assertThatThrownBy(() -> r.indicator(CONTEXT, new int[] {1}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y.length = 1");
    assertThatThrownBy(() -> r.signedPrefixRewards(CONTEXT, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y has length 2");
    assertThat(counter.count()).isZero();
  }
}
