package org.pgbarrier.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.pgbarrier.Checks;

/**
 * The threads a batch learner or an evaluation splits its work across. Tasks are numbered {@code
 * 0..n-1} and write only their own slots, so which thread runs which task changes no result:
 * every caller reduces the slots in index order, and its results are the same bit for bit at
 * any thread count. {@link #SERIAL} runs the tasks in order on the calling thread. Close the
 * workers of {@link #of} when done.
 *
 * <p>{@code threads} workers are the calling thread and {@code threads - 1} helper threads,
 * started once: {@link #forEach} publishes the job, wakes the helpers, and every thread claims
 * the next unclaimed task until none is left, so the caller starts at once and a helper that
 * wakes late takes fewer tasks. A policy-gradient step is a few milliseconds with about 0.2 ms of
 * serial work between two jobs, so an idle helper spins for {@value #SPIN_NANOS} ns (with {@link
 * Thread#onSpinWait}) before it parks: waking a parked thread costs tens to hundreds of
 * microseconds on a virtual machine, a sizeable share of a step (measured: a fork-join pool
 * woken per step took about 0.4 ms of a 1.8 ms step at two threads).
 */
public final class Workers implements AutoCloseable {
  /** One thread: the caller's. */
  public static final Workers SERIAL = new Workers(1);

  /** How long an idle helper spins before it parks. */
  static final long SPIN_NANOS = 500_000;

  private final int threads;
  private final Thread[] helpers;
  /**
   * The job's generation (high 32 bits) and its next unclaimed task (low 32 bits), in one word so
   * that a thread still in an earlier job can never claim a task of the next one.
   */
  private final AtomicLong cursor = new AtomicLong();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile IntConsumer task;
  private volatile int size;
  private volatile boolean closed;

  private Workers(int threads) {
    this.threads = threads;
    this.helpers = new Thread[threads - 1];
    for (int h = 0; h < helpers.length; h++) {
      helpers[h] = new Thread(this::help, "pgbarrier-worker-" + (h + 1));
      helpers[h].setDaemon(true);
      helpers[h].start();
    }
  }

  /** {@code threads} workers ({@link #SERIAL} for 1). */
  public static Workers of(int threads) {
    Checks.positive("threads", threads);
    return threads == 1 ? SERIAL : new Workers(threads);
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code task.accept(t)} for {@code t = 0..n-1} and returns when all are done; the first
   * exception of a task is rethrown (unchecked exceptions as they are) after every task has
   * ended. Not reentrant: one job at a time, from one thread.
   */
  public void forEach(int n, IntConsumer task) {
    if (helpers.length == 0 || n == 1) {
      for (int t = 0; t < n; t++) {
        task.accept(t);
      }
      return;
    }
    if (closed) {
      throw new IllegalStateException("workers closed");
    }
    this.task = task;
    this.size = n;
    failure.set(null);
    done.set(0);
    long job = ((cursor.get() >>> 32) + 1) << 32;
    cursor.set(job);
    for (Thread helper : helpers) {
      LockSupport.unpark(helper);
    }
    work(job >>> 32, task, n);
    while (done.get() < n) {
      Thread.onSpinWait();
    }
    this.task = null;
    Throwable error = failure.get();
    if (error instanceof RuntimeException r) {
      throw r;
    }
    if (error instanceof Error e) {
      throw e;
    }
    if (error != null) {
      throw new IllegalStateException(error);
    }
  }

  /** Claims and runs tasks of job {@code generation} until none is left. */
  private void work(long generation, IntConsumer job, int n) {
    while (true) {
      long c = cursor.get();
      int t = (int) c;
      if (c >>> 32 != generation || t >= n) {
        return;
      }
      if (!cursor.compareAndSet(c, c + 1)) {
        continue;
      }
      try {
        job.accept(t);
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      } finally {
        done.incrementAndGet();
      }
    }
  }

  /** A helper's loop: wait for a new generation (spin, then park), work, repeat. */
  private void help() {
    long seen = cursor.get() >>> 32;
    while (true) {
      long spinUntil = System.nanoTime() + SPIN_NANOS;
      while (cursor.get() >>> 32 == seen && !closed) {
        if (System.nanoTime() < spinUntil) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = cursor.get() >>> 32;
      IntConsumer job = task;
      int n = size;
      if (job != null) {
        work(seen, job, n);
      }
    }
  }

  @Override
  public void close() {
    if (helpers.length > 0 && !closed) {
      closed = true;
      for (Thread helper : helpers) {
        LockSupport.unpark(helper);
      }
    }
  }
}
