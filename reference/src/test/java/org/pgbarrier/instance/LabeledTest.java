package org.pgbarrier.instance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabeledTest {
  private static final Labeled<String> CONTEXT = new Labeled<>("x", new int[] {2, 0, 1});

  @Test
  void theTargetIsCopiedInAndOut() {
    int[] target = {2, 0, 1};
    Labeled<String> context = new Labeled<>("x", target);
    target[0] = 7;
    context.target()[1] = 7;
    assertThat(context.target()).containsExactly(2, 0, 1);
    assertThat(context.length()).isEqualTo(3);
  }

  @Test
  void isTargetRequiresTheSameLengthAndTokens() {
    assertThat(CONTEXT.isTarget(new int[] {2, 0, 1})).isTrue();
    assertThat(CONTEXT.isTarget(new int[] {2, 0, 0})).isFalse();
    assertThat(CONTEXT.isTarget(new int[] {2, 0})).isFalse();
    assertThat(CONTEXT.isTarget(new int[] {2, 0, 1, 1})).isFalse();
  }

  @Test
  void theCorrectPrefixEndsAtTheFirstWrongTokenOrTheShorterLength() {
    assertThat(CONTEXT.correctPrefix(new int[] {2, 0, 1})).isEqualTo(3);
    assertThat(CONTEXT.correctPrefix(new int[] {2, 1, 1})).isEqualTo(1);
    assertThat(CONTEXT.correctPrefix(new int[] {0, 0, 1})).isZero();
    assertThat(CONTEXT.correctPrefix(new int[] {2, 0})).isEqualTo(2);
    assertThat(CONTEXT.correctPrefix(new int[] {2, 0, 1, 5})).isEqualTo(3);
    assertThat(CONTEXT.correctPrefix(new int[0])).isZero();
  }
}
