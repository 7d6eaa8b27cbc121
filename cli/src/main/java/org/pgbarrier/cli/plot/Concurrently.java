package org.pgbarrier.cli.plot;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Two pieces of output work side by side: one on a new thread, one on the caller's, joined before
 * returning. For writing files that do not depend on each other (a figure's PNG beside its SVG and
 * PDF; the figures beside the artifacts): each writes its own files, so the bytes are those of
 * writing them one after the other, and the wall time is about the longer of the two on two
 * cores.
 */
public final class Concurrently {
  private Concurrently() {}

  /** Output work that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Work {
    void run() throws IOException;
  }

  /**
   * Runs {@code background} on a new thread named {@code name} and {@code foreground} on this one;
   * returns when both have finished. The background work always finishes before this returns,
   * even when the foreground fails, so no file is written after the caller moves on.
   *
   * @throws IOException the foreground's failure (the background's added as suppressed), else the
   *     background's
   */
  public static void run(String name, Work background, Work foreground) throws IOException {
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(() -> {
      try {
        background.run();
      } catch (IOException | RuntimeException | Error e) {
        failure[0] = e;
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    Throwable first = null;
    try {
      foreground.run();
    } catch (IOException | RuntimeException | Error e) {
      first = e;
    }
    joinUninterruptibly(thread);
    if (first != null && failure[0] != null) {
      first.addSuppressed(failure[0]);
    }
    Throwable thrown = first != null ? first : failure[0];
    if (thrown instanceof IOException e) {
      throw e;
    }
    if (thrown instanceof RuntimeException e) {
      throw e;
    }
    if (thrown instanceof Error e) {
      throw e;
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
