package org.pgbarrier.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/** The {@code --threads} option of {@code run}, {@code reproduce} and {@code sharpen}. */
final class Threads {
  /** The system property that carries the default, the number of processors. */
  static final String DEFAULT_PROPERTY = "pgbarrier.processors";

  /** The most threads accepted: far more than any machine this runs on has cores. */
  static final int MAX = 1024;

  private Threads() {}

  /** Sets the default before the command line is parsed. */
  static void setDefault() {
    System.setProperty(DEFAULT_PROPERTY,
        Integer.toString(Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Runs {@code work} in a fork-join pool of {@code threads} workers, so that its parallel
   * streams use that many; an unchecked exception or error of the work is rethrown as it is.
   */
  static <T> T inPool(int threads, Callable<T> work) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Refuses a thread count outside {@code 1..MAX}. */
  static void check(int threads) {
    if (threads < 1 || threads > MAX) {
      throw new UsageException("--threads " + threads + ": must be between 1 and " + MAX);
    }
  }
}
