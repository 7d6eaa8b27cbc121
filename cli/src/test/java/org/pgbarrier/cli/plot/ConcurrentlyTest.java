package org.pgbarrier.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Exact: both pieces of work run, on two threads, the background one finished before {@link
 * Concurrently#run} returns or throws; failures are reported as documented. No timing is
 * asserted: the two pieces meet on a latch, which only two threads running side by side pass.
 */
class ConcurrentlyTest {
  @Test
  void bothPiecesRunSideBySideAndTheBackgroundEndsFirst() throws IOException {
    CountDownLatch met = new CountDownLatch(2);
    AtomicBoolean backgroundEnded = new AtomicBoolean();
    Thread caller = Thread.currentThread();
    Thread[] background = new Thread[1];
    Concurrently.run("test", () -> {
      background[0] = Thread.currentThread();
      meet(met);
      backgroundEnded.set(true);
    }, () -> meet(met));
    assertThat(backgroundEnded).isTrue();
    assertThat(background[0]).isNotSameAs(caller);
    assertThat(background[0].isAlive()).isFalse();
  }

  @Test
  void theForegroundFailureIsThrownWithTheBackgroundOneSuppressed() {
    IOException front = new IOException("front");
    IOException back = new IOException("back");
    assertThatThrownBy(() -> Concurrently.run("test", () -> {
      throw back;
    }, () -> {
      throw front;
    })).isSameAs(front).satisfies(e -> assertThat(e.getSuppressed()).containsExactly(back));
  }

  @Test
  void aBackgroundFailureIsThrownWhenTheForegroundSucceeds() {
    IllegalStateException back = new IllegalStateException("back");
    AtomicBoolean foregroundRan = new AtomicBoolean();
    assertThatThrownBy(() -> Concurrently.run("test", () -> {
      throw back;
    }, () -> foregroundRan.set(true))).isSameAs(back);
    assertThat(foregroundRan).isTrue();
  }

  private static void meet(CountDownLatch latch) {
    latch.countDown();
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
