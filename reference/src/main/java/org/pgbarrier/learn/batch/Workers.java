package org.pgbarrier.learn.batch;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.pgbarrier.Checks;

/**
 * The threads a batch learner or an evaluation splits its work across. Tasks are numbered {@code
 * 0..n-1} and write only their own slots, so which thread runs which task changes no result:
 * every caller reduces the slots in index order, and its results are the same bit for bit at
 * any thread count. {@link #SERIAL} runs the tasks in order on the calling thread. Close the
 * workers of {@link #of} when done.
 */
public final class Workers implements AutoCloseable {
  /** One thread: the caller's. */
  public static final Workers SERIAL = new Workers(1, null);

  private final int threads;
  private final ForkJoinPool pool;

  private Workers(int threads, ForkJoinPool pool) {
    this.threads = threads;
    this.pool = pool;
  }

  /** {@code threads} workers ({@link #SERIAL} for 1). */
  public static Workers of(int threads) {
    Checks.positive("threads", threads);
    return threads == 1 ? SERIAL : new Workers(threads, new ForkJoinPool(threads));
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code task.accept(t)} for {@code t = 0..n-1} and returns when all are done; an
   * exception of a task is rethrown (unchecked exceptions as they are).
   */
  public void forEach(int n, IntConsumer task) {
    if (pool == null || n == 1) {
      for (int t = 0; t < n; t++) {
        task.accept(t);
      }
      return;
    }
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(task)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
