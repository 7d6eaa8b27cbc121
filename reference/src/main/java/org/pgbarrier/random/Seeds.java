package org.pgbarrier.random;

import java.util.SplittableRandom;

/**
 * Deterministic derivation of child seeds from a master seed, so that every random stream in the
 * project is named by (master seed, index) and independent of thread count or call order.
 *
 * <p>The mixer is the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014), applied to {@code seed + (index + 1) * 0x9E3779B97F4A7C15}.
 */
public final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The seed of stream {@code index} under {@code master}. */
  public static long derive(long master, long index) {
    long z = master + (index + 1) * GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A generator for stream {@code index} under {@code master}. */
  public static SplittableRandom stream(long master, long index) {
    return new SplittableRandom(derive(master, index));
  }
}
