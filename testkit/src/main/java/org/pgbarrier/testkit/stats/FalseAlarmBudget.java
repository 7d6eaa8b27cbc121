package org.pgbarrier.testkit.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgbarrier.Checks;
import org.pgbarrier.bounds.CheckKind;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.ClaimCatalog;

/**
 * A catalog's false-alarm budget, computed from the checks its claims declare ({@link
 * Claim#declaredChecks(CheckKind)}), never from a hand-kept list: the total is reserved for a
 * fixed number of slots ({@link ClaimCatalog#falseAlarmSlots()}), every claim that declares a
 * statistical check holds one slot, an allotment of {@code total / slots}, and a claim splits its
 * allotment equally across its own {@code m_c} statistical checks:
 *
 * <pre>
 *   share(c, check) = total / (slots * m_c)
 *   P[some check raises a false alarm] <= sum_c sum_{checks of c} share(c, check)
 *                                      =  total * C / slots  <=  total      (C claims, C <= slots)
 * </pre>
 *
 * by Boole's inequality, under any dependence between the checks (Bonferroni with weights; C. E.
 * Bonferroni, "Teoria statistica delle classi e calcolo delle probabilità", 1936). Why these
 * weights (docs/conjectures.md, "The false-alarm budget"): the claim, not the check, is the unit of
 * a verdict, so a claim stated with four checks gets no more chances of a false alarm than one with
 * a single check; and a fixed slot size means a new claim takes a free slot and moves no other
 * claim's level, so it cannot flip an unrelated verdict. A check added to an existing claim re-splits
 * that claim's allotment only. When the slots run out the build refuses, naming the claims; raising
 * the slots lowers every allotment, a visible change. The total is {@link
 * ClaimCatalog#falseAlarmTotal()} unless the system property {@value #PROPERTY} overrides it.
 */
public final class FalseAlarmBudget {
  /** The system property overriding the total, e.g. {@code -Dpgbarrier.falseAlarm=1e-4}. */
  public static final String PROPERTY = "pgbarrier.falseAlarm";

  /** pgbarrier's total when {@value #PROPERTY} is not set (and a catalog's default). */
  public static final double DEFAULT_TOTAL = 1e-3;

  private final String catalog;
  private final double total;
  private final int slots;
  private final Map<String, List<String>> checksByClaim;

  private FalseAlarmBudget(
      String catalog, double total, int slots, Map<String, List<String>> checksByClaim) {
    this.catalog = catalog;
    this.total = total;
    this.slots = slots;
    this.checksByClaim = checksByClaim;
  }

  /**
   * The budget of {@code claims}: {@code total} reserved for {@code slots} claims.
   *
   * @param catalog the catalog's name, for messages and the report
   * @param total the probability of at least one false alarm tolerated, in (0, 1)
   * @param slots how many claims the total is reserved for, at least the number of claims that
   *     declare a statistical check
   * @param claims the catalog's claims
   */
  public static FalseAlarmBudget of(String catalog, double total, int slots, List<Claim> claims) {
    Checks.openUnit("total", total);
    Checks.positive("slots", slots);
    Map<String, List<String>> byClaim = new LinkedHashMap<>();
    for (Claim c : claims) {
      List<String> statistical = c.declaredChecks(CheckKind.STATISTICAL);
      if (!statistical.isEmpty()) {
        byClaim.put(c.id(), statistical);
      }
    }
    if (byClaim.size() > slots) {
      throw new IllegalArgumentException("slots = " + slots + " of catalog " + catalog + ": "
          + byClaim.size() + " claims declare statistical checks " + byClaim.keySet() + ", more"
          + " than the slots the false-alarm budget is reserved for; raise falseAlarmSlots() (every"
          + " claim's allotment becomes total / slots, so every statistical check's level drops)");
    }
    return new FalseAlarmBudget(catalog, total, slots, byClaim);
  }

  /**
   * The budget of {@code catalog}, its total overridden by {@value #PROPERTY} if set.
   *
   * @throws IllegalArgumentException if the property is set but is not a number in (0, 1), or the
   *     catalog's claims need more slots than it reserves
   */
  public static FalseAlarmBudget of(ClaimCatalog catalog) {
    return of(catalog.name(), total(catalog.falseAlarmTotal()), catalog.falseAlarmSlots(),
        catalog.claims());
  }

  /** {@code fallback}, or the value of {@value #PROPERTY} if set. */
  static double total(double fallback) {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      return fallback;
    }
    double total;
    try {
      total = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "system property " + PROPERTY + " = '" + value + "': must be a number in (0, 1)", e);
    }
    return Checks.openUnit("system property " + PROPERTY, total);
  }

  /** The total budget reserved for all slots. */
  public double total() {
    return total;
  }

  /** The number of slots. */
  public int slots() {
    return slots;
  }

  /** One claim's allotment, {@code total / slots}. */
  public double allotment() {
    return total / slots;
  }

  /** The number of claims holding a slot (those declaring a statistical check). */
  public int used() {
    return checksByClaim.size();
  }

  /** The bound on the probability of any false alarm: {@code total * used / slots}. */
  public double spent() {
    return allotment() * used();
  }

  /** Every statistical check, {@code ID/check}, in claim then declaration order. */
  public List<String> checkIds() {
    List<String> out = new ArrayList<>();
    checksByClaim.forEach((id, checks) -> checks.forEach(c -> out.add(id + "/" + c)));
    return List.copyOf(out);
  }

  /**
   * The false-alarm probability allowed to statistical check {@code check} of claim {@code
   * claimId}: {@code total / (slots * m_c)}.
   *
   * @throws IllegalArgumentException if the claim does not declare that statistical check
   */
  public double share(String claimId, String check) {
    List<String> checks = checksByClaim.get(claimId);
    if (checks == null || !checks.contains(check)) {
      throw new IllegalArgumentException("check = " + claimId + "/" + check + ": not a"
          + " statistical check declared in catalog " + catalog + "; declare it on the claim's"
          + " registration with .withStatistical(\"" + check + "\")");
    }
    return allotment() / checks.size();
  }

  /** The budget sentence of the report's header. */
  public String describe() {
    return String.format("false-alarm budget %s reserved for %d claims, %s per claim that has"
            + " statistical checks, split equally across its own checks; %d of %d slots used, so"
            + " P[any false alarm] <= %s; exact checks have false alarm 0",
        format(total), slots, format(allotment()), used(), slots, format(spent()));
  }

  private static String format(double x) {
    return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toString()
        .replace("E", "e");
  }

  @Override
  public String toString() {
    return describe();
  }
}
