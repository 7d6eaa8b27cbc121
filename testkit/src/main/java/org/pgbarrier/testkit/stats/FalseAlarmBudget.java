package org.pgbarrier.testkit.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pgbarrier.Checks;

/**
 * The suite-wide false-alarm budget, split equally across named statistical checks (Bonferroni).
 * If check {@code i} of {@code m} raises a false alarm with probability at most {@code total / m},
 * the union bound gives, under any dependence between the checks,
 *
 * <pre>
 *   P[some check raises a false alarm] <= sum_{i=1..m} P[check i raises one]
 *                                      <= m * (total / m) = total
 * </pre>
 *
 * (Boole's inequality; C. E. Bonferroni, "Teoria statistica delle classi e calcolo delle
 * probabilità", 1936). The suite total is {@value #DEFAULT_TOTAL} unless the system property
 * {@value #PROPERTY} overrides it.
 */
public final class FalseAlarmBudget {
  /** The system property overriding the suite total, e.g. {@code -Dpgbarrier.falseAlarm=1e-4}. */
  public static final String PROPERTY = "pgbarrier.falseAlarm";

  /** The suite total when {@value #PROPERTY} is not set. */
  public static final double DEFAULT_TOTAL = 1e-3;

  private final double total;
  private final List<String> checkIds;

  private FalseAlarmBudget(double total, List<String> checkIds) {
    this.total = total;
    this.checkIds = checkIds;
  }

  /**
   * Splits {@code total} equally across {@code checkIds}.
   *
   * @param total the probability of at least one false alarm the suite tolerates, in (0, 1)
   * @param checkIds the ids of the checks sharing it: non-empty, distinct, none blank
   */
  public static FalseAlarmBudget of(double total, List<String> checkIds) {
    Checks.openUnit("total", total);
    if (checkIds == null || checkIds.isEmpty()) {
      throw new IllegalArgumentException(
          "checkIds = " + checkIds + ": must name at least one check");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < checkIds.size(); i++) {
      String id = checkIds.get(i);
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(
            "checkIds[" + i + "] = '" + id + "': must be a non-blank check id");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(
            "checkIds[" + i + "] = '" + id + "': must be distinct, it already occurs earlier");
      }
    }
    return new FalseAlarmBudget(total, List.copyOf(checkIds));
  }

  /**
   * The suite budget: the total from {@value #PROPERTY} (default {@value #DEFAULT_TOTAL}) split
   * across {@code checkIds}.
   *
   * @throws IllegalArgumentException if the property is set but is not a number in (0, 1)
   */
  public static FalseAlarmBudget suite(List<String> checkIds) {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      return of(DEFAULT_TOTAL, checkIds);
    }
    double total;
    try {
      total = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "system property " + PROPERTY + " = '" + value + "': must be a number in (0, 1)", e);
    }
    return of(Checks.openUnit("system property " + PROPERTY, total), checkIds);
  }

  /** The total budget. */
  public double total() {
    return total;
  }

  /** The check ids, in the order given. */
  public List<String> checkIds() {
    return checkIds;
  }

  /** The false-alarm probability allowed to check {@code id}: {@code total / m}. */
  public double share(String id) {
    if (!checkIds.contains(id)) {
      throw new IllegalArgumentException(
          "id = '" + id + "': must be one of the " + checkIds.size() + " checks in the budget");
    }
    return total / checkIds.size();
  }

  @Override
  public String toString() {
    return "false-alarm budget " + total + " over " + checkIds.size() + " checks (Bonferroni)";
  }
}
