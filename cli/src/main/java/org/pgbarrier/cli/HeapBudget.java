package org.pgbarrier.cli;

import org.pgbarrier.experiment.MemoryEstimate;

/**
 * The heap a command may use, {@link Runtime#maxMemory()}, and the one-line refusal of work whose
 * estimated memory exceeds it, given before any work is done.
 */
final class HeapBudget {
  /** How to give the {@code pgbarrier} script a larger heap. */
  static final String RAISE = "raise it with PGBARRIER_JAVA_OPTS=-Xmx<size> ./pgbarrier ...";

  private HeapBudget() {}

  /** Heap the JVM keeps for its own objects (classes, libraries, figure rasters): 32 MiB. */
  static final double JVM_OWN_BYTES = 32.0 * 1024 * 1024;

  /** Fraction of the rest kept free for the garbage collector to work in: a fifth. */
  static final double COLLECTOR_FRACTION = 0.2;

  /** The JVM's maximum heap, {@link Runtime#maxMemory()}, in bytes. */
  static long heap() {
    return Runtime.getRuntime().maxMemory();
  }

  /**
   * The heap a command's data may use: {@link #heap()} less {@link #JVM_OWN_BYTES}, less {@link
   * #COLLECTOR_FRACTION} of the rest, so that {@code -Xmx} near an estimate refuses the work
   * instead of running out of memory.
   */
  static double available() {
    return Math.max(0, (heap() - JVM_OWN_BYTES) * (1 - COLLECTOR_FRACTION));
  }

  /** Whether {@code bytes} fit in {@link #available()}. */
  static boolean fits(double bytes) {
    return bytes <= available();
  }

  /**
   * {@code WHAT needs an estimated SIZE of heap, more than the SIZE available; raise it with
   * PGBARRIER_JAVA_OPTS=-Xmx<size> ./pgbarrier ... or LOWER (available: the SIZE heap less the
   * JVM's own 32 MiB and a fifth of the rest for the collector)}.
   *
   * @param estimate the estimate, with its breakdown if any ({@link MemoryEstimate#describe})
   */
  static String refusal(String what, String estimate, String lower) {
    return what + " needs an estimated " + estimate + " of heap, more than the "
        + MemoryEstimate.size(available()) + " available; " + RAISE + " or " + lower
        + " (available: the " + MemoryEstimate.size(heap()) + " heap less the JVM's own "
        + MemoryEstimate.size(JVM_OWN_BYTES) + " and a fifth of the rest for the collector)";
  }
}
