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

  /** The JVM's maximum heap, in bytes. */
  static long available() {
    return Runtime.getRuntime().maxMemory();
  }

  /** Whether {@code bytes} fit in {@link #available()}. */
  static boolean fits(double bytes) {
    return bytes <= available();
  }

  /**
   * {@code WHAT needs an estimated SIZE of heap, more than the SIZE available; raise it with
   * PGBARRIER_JAVA_OPTS=-Xmx<size> ./pgbarrier ... or LOWER}.
   *
   * @param estimate the estimate, with its breakdown if any ({@link MemoryEstimate#describe})
   */
  static String refusal(String what, String estimate, String lower) {
    return what + " needs an estimated " + estimate + " of heap, more than the "
        + MemoryEstimate.size(available()) + " available; " + RAISE + " or " + lower;
  }
}
