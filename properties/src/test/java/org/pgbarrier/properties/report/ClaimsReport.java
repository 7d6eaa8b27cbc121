package org.pgbarrier.properties.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.properties.engine.ClaimLedger;

/**
 * What the claims report shows: every registered claim, in registration order, with one {@link
 * Row} per check: each check recorded in {@code claims.json}, then each statistical check of the
 * suite that left no record ("not run"); a claim with no check at all gets one "not run" row.
 * Records of unregistered claims are ignored.
 *
 * @param budgetTotal the suite-wide false-alarm budget
 * @param statisticalChecks the statistical checks sharing it ({@code ID/check})
 * @param masterSeed the suite's master seed
 * @param sections one per registered claim
 */
public record ClaimsReport(
    double budgetTotal, List<String> statisticalChecks, long masterSeed, List<Section> sections) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A claim and its checks. */
  public record Section(Claim claim, List<Row> rows) {}

  /**
   * One check as recorded, or not run ({@code record} null).
   *
   * @param check the check's name, {@code -} for a claim with no check
   * @param record the check's entry of {@code claims.json}, or null
   */
  public record Row(String check, JsonNode record) {
    /** PASS, FAIL, REFUTED (a conjecture with a counterexample) or NOT RUN. */
    public String verdict() {
      return record == null ? "NOT RUN" : record.path("verdict").asText("?");
    }

    public boolean ran() {
      return record != null;
    }

    /** {@code rejected}, {@code NOT REJECTED}, {@code NO MUTANT}, or {@code -} if not run. */
    public String mutant() {
      if (record == null) {
        return "-";
      }
      JsonNode m = record.path("mutant_rejected");
      if (m.isNull() || m.isMissingNode()) {
        return "NO MUTANT";
      }
      return m.asBoolean() ? "rejected" : "NOT REJECTED";
    }

    public double statistic() {
      return number("statistic");
    }

    public double bound() {
      return number("bound");
    }

    public double falseAlarm() {
      return number("false_alarm");
    }

    /** A text field, empty if not run or absent. */
    public String text(String field) {
      return record == null || record.path(field).isNull() ? "" : record.path(field).asText("");
    }

    /** The check's figures (each a {@code Series} of claims.json), empty if none. */
    public List<JsonNode> figures() {
      List<JsonNode> out = new ArrayList<>();
      if (record != null) {
        record.path("figures").forEach(out::add);
      }
      return out;
    }

    /**
     * The measured case without the mutant's part: for an exact check the reported (worst or
     * shrunk failing) case, its parameters and case seed; for a statistical check the design
     * points and what was measured there.
     */
    public String instance() {
      String full = text("instance");
      int mutant = full.indexOf(" || mutant: ");
      return mutant < 0 ? full : full.substring(0, mutant);
    }

    private double number(String field) {
      JsonNode n = record == null ? null : record.get(field);
      if (n == null || n.isNull()) {
        return Double.NaN;
      }
      return n.isNumber() ? n.asDouble() : parse(n.asText());
    }

    private static double parse(String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
  }

  /**
   * Builds the report.
   *
   * @param registered the registered claims, in order
   * @param statisticalChecks the statistical checks of the suite, {@code ID/check}
   * @param budgetTotal the suite-wide false-alarm budget
   * @param masterSeed the master seed
   * @param records the array of {@code claims.json}
   */
  public static ClaimsReport of(List<Claim> registered, List<String> statisticalChecks,
      double budgetTotal, long masterSeed, JsonNode records) {
    if (records == null || !records.isArray()) {
      throw new IllegalArgumentException("records = " + records + ": must be a JSON array");
    }
    List<Section> sections = new ArrayList<>();
    for (Claim claim : registered) {
      Map<String, Row> rows = new LinkedHashMap<>();
      for (JsonNode r : records) {
        if (claim.id().equals(r.path("id").asText())) {
          String check = r.path("check").asText();
          rows.put(check, new Row(check, r));
        }
      }
      for (String s : statisticalChecks) {
        if (s.startsWith(claim.id() + "/")) {
          String check = s.substring(claim.id().length() + 1);
          rows.putIfAbsent(check, new Row(check, null));
        }
      }
      if (rows.isEmpty()) {
        rows.put("-", new Row("-", null));
      }
      sections.add(new Section(claim, List.copyOf(rows.values())));
    }
    return new ClaimsReport(budgetTotal, List.copyOf(statisticalChecks), masterSeed,
        List.copyOf(sections));
  }

  /** The array in {@code claimsJson}, or an empty array if the file does not exist. */
  public static JsonNode read(Path claimsJson) {
    if (!Files.exists(claimsJson)) {
      return JSON.createArrayNode();
    }
    try {
      return JSON.readTree(claimsJson.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + claimsJson, e);
    }
  }

  /**
   * The records of {@code claimsJson} written by {@code run} ({@link ClaimLedger#run()}): a
   * claims.json left by an earlier run, when this run recorded nothing, contributes nothing.
   */
  public static JsonNode read(Path claimsJson, String run) {
    ArrayNode current = JSON.createArrayNode();
    for (JsonNode r : read(claimsJson)) {
      if (run.equals(r.path(ClaimLedger.RUN_FIELD).asText())) {
        current.add(r);
      }
    }
    return current;
  }

  /** Every row of every section. */
  public List<Row> rows() {
    return sections.stream().flatMap(s -> s.rows().stream()).toList();
  }

  /** How many rows have this verdict (PASS, FAIL, REFUTED, NOT RUN). */
  public long count(String verdict) {
    return rows().stream().filter(r -> r.verdict().equals(verdict)).count();
  }

  /** How many rows that ran have this mutant status ({@link Row#mutant()}). */
  public long mutants(String status) {
    return rows().stream().filter(r -> r.mutant().equals(status)).count();
  }

  /** Each statistical check's share of the budget (Bonferroni). */
  public double share() {
    return statisticalChecks.isEmpty() ? 0 : budgetTotal / statisticalChecks.size();
  }

  /** The one-line total. */
  public String total() {
    return String.format("%d claims, %d checks: %d PASS, %d FAIL, %d REFUTED (conjectures with a"
            + " counterexample), %d NOT RUN; mutants %d rejected, %d NOT REJECTED, %d checks with"
            + " NO MUTANT", sections.size(), rows().size(), count("PASS"), count("FAIL"),
        count("REFUTED"), count("NOT RUN"), mutants("rejected"), mutants("NOT REJECTED"),
        mutants("NO MUTANT"));
  }

  /** The budget sentence of the header. */
  public String budget() {
    return String.format("suite-wide false-alarm budget %s, split equally (Bonferroni) across %d"
            + " statistical checks: %.3g each; exact checks have false alarm 0", budgetTotal,
        statisticalChecks.size(), share());
  }

  /** A number for the report: 4 significant digits, {@code -} for NaN. */
  static String num(double x) {
    if (Double.isNaN(x)) {
      return "-";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e9) {
      return Long.toString((long) x);
    }
    return String.format("%.4g", x);
  }
}
