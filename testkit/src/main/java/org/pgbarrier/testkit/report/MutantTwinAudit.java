package org.pgbarrier.testkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger-level guard of issue 8 ("a check that cannot fail is a defect"): every statistical
 * check recorded in {@code claims.json} must carry {@code mutant_rejected: true}. A record is
 * statistical if its {@code ID/check} is one of the suite's statistical checks or if it spends a
 * positive false-alarm share (exact checks record {@code false_alarm: 0} and may have no mutant).
 * {@link org.pgbarrier.testkit.engine.StatisticalProperty#verify} already fails the check whose
 * mutant survives; this audit catches a record that reached the ledger by any other path.
 */
public final class MutantTwinAudit {
  private MutantTwinAudit() {}

  /**
   * The statistical records of {@code records} whose {@code mutant_rejected} is not {@code true}
   * (false, null, missing or not a boolean), each as {@code ID/check (mutant_rejected = ...)}.
   */
  public static List<String> unrejected(JsonNode records, List<String> statisticalChecks) {
    List<String> bad = new ArrayList<>();
    for (JsonNode r : records) {
      String key = r.path("id").asText() + "/" + r.path("check").asText();
      boolean statistical = statisticalChecks.contains(key)
          || r.path("false_alarm").asDouble(0) > 0;
      JsonNode m = r.path("mutant_rejected");
      if (statistical && !(m.isBoolean() && m.booleanValue())) {
        bad.add(key + " (mutant_rejected = " + (m.isMissingNode() ? "absent" : m) + ")");
      }
    }
    return bad;
  }
}
