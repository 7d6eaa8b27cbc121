package org.pgbarrier.bounds;

import java.util.List;

/**
 * A set of claims that one suite checks and one report shows, with the false-alarm budget its
 * statistical checks share. pgbarrier's own claims are the catalog {@link ClaimRegistry#BUILT_IN}
 * ({@value ClaimRegistry#BUILT_IN_NAME}); a user's project adds its own by implementing this
 * interface and naming the class in {@code
 * META-INF/services/org.pgbarrier.bounds.ClaimCatalog} (a {@link java.util.ServiceLoader}
 * provider), without editing pgbarrier. Claim ids are unique across every catalog on the class
 * path.
 *
 * <p>The budget ({@code docs/conjectures.md}, "The false-alarm budget"): the catalog reserves
 * {@link #falseAlarmTotal()} for {@link #falseAlarmSlots()} claims; every claim that declares a
 * statistical check holds one slot, an allotment of {@code total / slots}, split equally across
 * its own statistical checks. By Boole's inequality the probability that any statistical check of
 * the catalog raises a false alarm is at most {@code total * (claims holding a slot) / slots <=
 * total}. Adding a claim takes a free slot and changes no other claim's level; adding a check to a
 * claim re-splits that claim's allotment only; raising the slots (when they run out) lowers every
 * allotment, and is a visible change of this method.
 */
public interface ClaimCatalog {
  /** The catalog's name, e.g. {@code pgbarrier}: the report's title and {@code -Dpgbarrier.catalog}. */
  String name();

  /** Its claims, in the order the report shows them. */
  List<Claim> claims();

  /**
   * The probability of at least one false alarm the catalog tolerates over all its statistical
   * checks, before any override by {@code -Dpgbarrier.falseAlarm}; {@code 1e-3} by default.
   */
  default double falseAlarmTotal() {
    return 1e-3;
  }

  /**
   * How many claims the total is reserved for: each claim that declares a statistical check holds
   * one slot of {@code falseAlarmTotal() / falseAlarmSlots()}. Must be at least the number of such
   * claims.
   */
  int falseAlarmSlots();

  /** The paper statements the report tabulates against these claims; none by default. */
  default List<PaperStatement> statements() {
    return List.of();
  }

  /**
   * The build command a replay line starts with, before {@code -Dtest=...}: {@code mvn -B verify}
   * by default (a project of its own); pgbarrier's suite is {@code mvn -B -pl properties -am
   * verify}.
   */
  default String replayCommand() {
    return "mvn -B verify";
  }
}
