package org.pgbarrier.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The options every computing subcommand shares ({@code run}, {@code reproduce}, {@code
 * sharpen}), mixed in with picocli's {@code @Mixin}: the worker threads and the progress bar.
 */
final class WorkerOptions {
  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads; the results are the same bit for bit at any N (default:"
          + " the number of processors, ${DEFAULT-VALUE})",
      defaultValue = "${sys:pgbarrier.processors}")
  private int threads;

  @Option(names = {"-q", "--quiet"}, description = "no progress bar on standard error")
  private boolean quiet;

  /** The worker threads, checked ({@link Threads#check}). */
  int threads() {
    Threads.check(threads);
    return threads;
  }

  boolean quiet() {
    return quiet;
  }

  /** The progress bar on {@code err}, or a silent one under {@code --quiet}. */
  ProgressDisplay progress(PrintWriter err) {
    return quiet ? ProgressDisplay.quiet() : ProgressDisplay.on(err);
  }
}
