package org.pgbarrier.testkit.engine;

import org.pgbarrier.random.Seeds;

/**
 * Suite-wide settings read from system properties: the master seed ({@code -Dpgbarrier.seed},
 * default {@value #DEFAULT_SEED}) and the replay target ({@code -Dpgbarrier.replay}).
 */
public final class Suite {
  /** The master seed when {@code pgbarrier.seed} is not set. */
  public static final long DEFAULT_SEED = 20260307L;

  private Suite() {}

  /** The suite's master seed. */
  public static long masterSeed() {
    String s = System.getProperty("pgbarrier.seed");
    if (s == null || s.isBlank()) {
      return DEFAULT_SEED;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("pgbarrier.seed = " + s + ": must be a long integer");
    }
  }

  /** The master seed of one check, derived from the suite seed and the check's name. */
  public static long seedOf(String claimId, String check) {
    String key = claimId + "/" + check;
    long h = 1125899906842597L;
    for (int i = 0; i < key.length(); i++) {
      h = 31 * h + key.charAt(i);
    }
    return Seeds.derive(masterSeed(), h);
  }

  /** The value of {@code -Dpgbarrier.replay}, or null. */
  static String replay() {
    String s = System.getProperty("pgbarrier.replay");
    return s == null || s.isBlank() ? null : s.trim();
  }
}
