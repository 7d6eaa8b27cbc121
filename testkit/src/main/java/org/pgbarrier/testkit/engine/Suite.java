package org.pgbarrier.testkit.engine;

import java.util.Locale;
import java.util.regex.Pattern;
import org.pgbarrier.bounds.CheckKind;
import org.pgbarrier.random.Seeds;

/**
 * Suite-wide settings read from system properties: the master seed ({@code -Dpgbarrier.seed},
 * default {@value #DEFAULT_SEED}), the replay target ({@code -Dpgbarrier.replay}) and the
 * selection ({@value #CLAIMS}, {@value #KIND}): a check outside the selection returns at once,
 * recording nothing, as a check a replay does not target.
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

  /**
   * The system property selecting checks: comma-separated items, each a claim id ({@code
   * BMB-07}) or a glob over {@code ID/check} ({@code *} any run of characters, {@code ?} one;
   * {@code BMB-0?/*-slope-*}); unset or blank selects every check.
   */
  public static final String CLAIMS = "pgbarrier.claims";

  /** The system property selecting a kind of check: {@code exact}, {@code statistical} or {@code all}. */
  public static final String KIND = "pgbarrier.kind";

  /**
   * Whether the selection ({@value #CLAIMS}, {@value #KIND}) includes check {@code check} of
   * claim {@code claimId}, of kind {@code kind}.
   *
   * @throws IllegalArgumentException if {@value #KIND} is not one of its values
   */
  public static boolean selected(String claimId, String check, CheckKind kind) {
    String k = System.getProperty(KIND, "all").strip().toLowerCase(Locale.ROOT);
    if (!k.equals("all") && !k.isEmpty()) {
      if (!k.equals("exact") && !k.equals("statistical")) {
        throw new IllegalArgumentException(KIND + " = " + k + ": must be exact, statistical or"
            + " all");
      }
      if (!k.equals(kind.name().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return matches(System.getProperty(CLAIMS), claimId, check);
  }

  /** Whether {@code pattern} (see {@link #CLAIMS}; null or blank: all) matches {@code ID/check}. */
  public static boolean matches(String pattern, String claimId, String check) {
    if (pattern == null || pattern.isBlank()) {
      return true;
    }
    String key = claimId + "/" + check;
    for (String item : pattern.split(",")) {
      String glob = item.strip();
      if (glob.equals(claimId) || glob(glob).matcher(key).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }

  /** The value of {@code -Dpgbarrier.replay}, or null. */
  static String replay() {
    String s = System.getProperty("pgbarrier.replay");
    return s == null || s.isBlank() ? null : s.trim();
  }
}
