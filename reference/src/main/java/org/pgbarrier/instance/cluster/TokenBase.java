package org.pgbarrier.instance.cluster;

import org.pgbarrier.Checks;

/**
 * How the base model {@code q0} treats the correct token of one weight block of a cluster family
 * ({@code docs/theory.md §6.2}): the per-token base probability {@code s} of the correct token,
 * given in log space, and how it is realised in the block.
 *
 * <ul>
 *   <li>{@link Kind#UNIFORM}: all weights 0, {@code s = 1/k}.
 *   <li>{@link Kind#CORRECT}: weight {@code b = log(s (k-1)/(1-s))} on the correct token, 0
 *       elsewhere, so {@code s = e^b/(e^b + k - 1)} (any {@code 0 < s < 1}).
 *   <li>{@link Kind#CONFIDENTLY_WRONG}: weight {@code a = log(1/s - (k-1))} on one wrong token
 *       (the next relative token, {@code (t + 1) mod k}), 0 elsewhere, so the base puts almost all
 *       its mass on that wrong token and {@code q0(y*) = s^N} is near 0 ({@code s < 1/k}).
 * </ul>
 *
 * [INFERRED] design of the test families (docs/theory.md §11): the paper reports no instance.
 *
 * @param kind how the block realises {@code s}
 * @param logProbability {@code log s}, the base log-probability of the correct token at each
 *     position of the block ({@code -log k} for {@link Kind#UNIFORM})
 */
public record TokenBase(Kind kind, double logProbability) {
  /** How {@code s} is realised. */
  public enum Kind {
    UNIFORM,
    CORRECT,
    CONFIDENTLY_WRONG
  }

  public TokenBase {
    if (kind == null) {
      throw new IllegalArgumentException("kind = null: must be one of UNIFORM, CORRECT,"
          + " CONFIDENTLY_WRONG");
    }
    if (kind != Kind.UNIFORM && !(logProbability < 0)) {
      throw new IllegalArgumentException(
          "logProbability = " + logProbability + ": must be finite and < 0");
    }
    if (kind != Kind.UNIFORM) {
      Checks.finite("logProbability", logProbability);
    }
  }

  /** The uniform block (all weights 0). */
  public static TokenBase uniform() {
    return new TokenBase(Kind.UNIFORM, Double.NaN);
  }

  /** Probability {@code 0 < s < 1} of the correct token, by a weight on the correct token. */
  public static TokenBase correct(double s) {
    Checks.openUnit("s", s);
    return new TokenBase(Kind.CORRECT, Math.log(s));
  }

  /** Log-probability {@code log s < 0} of the correct token, by a weight on the correct token. */
  public static TokenBase correctLog(double logS) {
    return new TokenBase(Kind.CORRECT, logS);
  }

  /**
   * Log-probability {@code log s < -log k} of the correct token, by a large weight on a wrong
   * token ("confidently wrong"); {@code log s = -1000} is fine.
   */
  public static TokenBase confidentlyWrong(double logS) {
    return new TokenBase(Kind.CONFIDENTLY_WRONG, logS);
  }

  /** {@code log s} in a vocabulary of {@code k} tokens. */
  public double logProbability(int k) {
    return kind == Kind.UNIFORM ? -Math.log(k) : logProbability;
  }

  /**
   * Writes the block's {@code k} weights into {@code w[offset .. offset + k)}, the correct token
   * being relative token {@code t}.
   */
  void writeBlock(int k, int t, double[] w, int offset) {
    java.util.Arrays.fill(w, offset, offset + k, 0.0);
    switch (kind) {
      case UNIFORM -> { }
      case CORRECT -> {
        // b = log s + log(k-1) - log(1-s)
        w[offset + t] = logProbability + Math.log(k - 1) - Math.log1p(-Math.exp(logProbability));
      }
      case CONFIDENTLY_WRONG -> {
        if (!(logProbability < -Math.log(k))) {
          throw new IllegalArgumentException("logProbability = " + logProbability
              + ": a confidently wrong block needs log s < -log k = " + -Math.log(k));
        }
        // a = log(1/s - (k-1)) = -log s + log(1 - (k-1) s)
        w[offset + (t + 1) % k] =
            -logProbability + Math.log1p(-(k - 1) * Math.exp(logProbability));
      }
      default -> throw new AssertionError(kind);
    }
  }
}
