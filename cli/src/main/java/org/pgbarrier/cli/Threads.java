package org.pgbarrier.cli;

/** The {@code --threads} option of the experiment commands. */
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

  /** Refuses a thread count outside {@code 1..MAX}. */
  static void check(int threads) {
    if (threads < 1 || threads > MAX) {
      throw new UsageException("--threads " + threads + ": must be between 1 and " + MAX);
    }
  }
}
