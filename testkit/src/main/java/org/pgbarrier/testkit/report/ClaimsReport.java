package org.pgbarrier.testkit.report;

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
import org.pgbarrier.bounds.ClaimCatalog;
import org.pgbarrier.bounds.DeclaredCheck;
import org.pgbarrier.bounds.PaperStatement;
import org.pgbarrier.bounds.Provenance;
import org.pgbarrier.testkit.engine.ClaimLedger;
import org.pgbarrier.testkit.stats.FalseAlarmBudget;

/**
 * What the claims report shows: first the paper's statements ({@link PaperStatements}), each
 * with the registered claims that check it ({@link Claim#checks()}) and their verdict, or why it
 * is not checked; then every registered claim, grouped by provenance ({@link #groups()}), with
 * one {@link Row} per check: each check recorded in {@code claims.json}, then each check the claim
 * declares that left no record ("not run"); a claim with no check at all gets one "not run" row.
 * Records of claims outside the catalog are ignored. The paper's statements are those of the
 * catalog ({@link ClaimCatalog#statements()}): pgbarrier's, or none for a user's catalog.
 *
 * @param title the catalog's name, the report's title
 * @param budget the false-alarm budget in one sentence ({@link FalseAlarmBudget#describe()})
 * @param statisticalChecks the statistical checks sharing it ({@code ID/check})
 * @param masterSeed the suite's master seed
 * @param sections one per registered claim, in registration order
 * @param statements one per paper statement, in the paper's order
 */
public record ClaimsReport(String title, String budget, List<String> statisticalChecks,
    long masterSeed,
    List<Section> sections, List<StatementRow> statements) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A claim and its checks. */
  public record Section(Claim claim, List<Row> rows) {}

  /**
   * One statement of the paper and the sections of the claims that check it (empty if none).
   */
  public record StatementRow(PaperStatement statement, List<Section> checks) {
    /**
     * {@code CANNOT BE CHECKED}, {@code NOT CHECKED}, or the verdict of its checks: FAIL if one
     * failed, else REFUTED if one was refuted, else NOT RUN if one did not run, else PASS.
     */
    public String verdict() {
      if (checks.isEmpty()) {
        return statement.uncheckable() != null ? "CANNOT BE CHECKED" : "NOT CHECKED";
      }
      List<String> verdicts = checks.stream().flatMap(s -> s.rows().stream())
          .map(Row::verdict).toList();
      for (String v : List.of("FAIL", "REFUTED", "NOT RUN")) {
        if (verdicts.contains(v)) {
          return v;
        }
      }
      return "PASS";
    }

    /** Why it is not checked: the reason it cannot be, or "no claim checks it yet". */
    public String why() {
      return statement.uncheckable() != null ? statement.uncheckable() : "no claim checks it yet";
    }

    /** Its readers and other sources, e.g. {@code A,B,C; authors' code}. */
    public String sources() {
      String readers = Claim.readersTag(statement.readers());
      readers = readers.substring(1, readers.length() - 1);
      return statement.alsoIn().isEmpty() ? readers : readers + "; " + statement.alsoIn();
    }
  }

  /**
   * The claims of some provenances, under one heading of the report.
   *
   * @param title the heading
   * @param intro one sentence on what these claims are
   * @param provenance the provenance of its claims
   * @param sections the claims, in registration order
   */
  public record Group(String title, String intro, Provenance provenance, List<Section> sections) {
    private Group(String title, String intro, Provenance provenance) {
      this(title, intro, provenance, List.of());
    }
  }

  /** The groups in the order the report shows them; groups without a claim are left out. */
  private static final List<Group> GROUPS = List.of(
      new Group("Checks of the paper's statements", "Statements of the body of arXiv"
          + " 2603.06957 as reported by the secondary readers A, B, C (docs/theory.md §1);"
          + " a statement reported by one reader says so.", Provenance.PAPER),
      new Group("The authors' code", "What the authors ran (their repository"
          + " mousavih/rlvr-base-model-barrier): their experiments, checked as they wrote them.",
          Provenance.CODE),
      new Group("Our reconstruction and lemmas", "Our derivations (docs/theory.md §8-§10),"
          + " made before the paper's body was known: not the paper's statements.",
          Provenance.RECONSTRUCTED),
      new Group("Statements read in a primary text", "The abstract of arXiv 2603.06957, and"
          + " the text of arXiv 2412.01951, read in full (docs/theory.md §9).",
          Provenance.SOURCE),
      new Group("Conjectures", "Ours, unproven, checked empirically: a counterexample is a"
          + " finding (REFUTED), not a failed build.", Provenance.CONJECTURE));

  /**
   * One check as recorded, or not run ({@code record} null).
   *
   * @param check the check's name, {@code -} for a claim with no check
   * @param record the check's entry of {@code claims.json}, or null
   */
  public record Row(String check, JsonNode record) {
    /**
     * PASS, FAIL, REFUTED (a conjecture, or a reported form of a paper statement, shown wrong) or
     * NOT RUN.
     */
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

    /** The comparison symbol of the record ({@code <=}, {@code >}, {@code ~}, ...), or "vs". */
    public String comparison() {
      String c = text("comparison");
      return c.isEmpty() ? "vs" : c;
    }

    /**
     * {@code statistic comparison bound} for people, e.g. {@code 0.23 <= 0.5}; {@code -} if not
     * run.
     */
    public String measured() {
      return record == null ? "-" : Numbers.comparison(statistic(), comparison(), bound());
    }

    public double falseAlarm() {
      return number("false_alarm");
    }

    /** A text field, empty if not run or absent. */
    public String text(String field) {
      return record == null || record.path(field).isNull() ? "" : record.path(field).asText("");
    }

    /**
     * The replicate a statistical check names for replay, for people: {@code replicate r (why it
     * is named, observed v)}; empty if the record names none.
     */
    public String replicate() {
      JsonNode n = replicateNode();
      return n == null ? "" : "replicate " + n.path("index").asText() + " ("
          + n.path("picked").asText() + ", observed " + n.path("observation").asText() + ")";
    }

    /** The command rerunning just {@link #replicate()}; empty if the record names none. */
    public String replicateReplay() {
      JsonNode n = replicateNode();
      return n == null ? "" : n.path("replay").asText();
    }

    private JsonNode replicateNode() {
      JsonNode n = record == null ? null : record.get("replicate");
      return n == null || n.isNull() ? null : n;
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
   * Builds the report of {@code catalog}.
   *
   * @param catalog the claims, in order, and the statements to tabulate
   * @param budget the catalog's false-alarm budget
   * @param masterSeed the master seed
   * @param records the array of {@code claims.json}
   */
  public static ClaimsReport of(ClaimCatalog catalog, FalseAlarmBudget budget, long masterSeed,
      JsonNode records) {
    if (records == null || !records.isArray()) {
      throw new IllegalArgumentException("records = " + records + ": must be a JSON array");
    }
    List<Section> sections = new ArrayList<>();
    for (Claim claim : catalog.claims()) {
      Map<String, Row> rows = new LinkedHashMap<>();
      for (JsonNode r : records) {
        if (claim.id().equals(r.path("id").asText())) {
          String check = r.path("check").asText();
          rows.put(check, new Row(check, r));
        }
      }
      for (DeclaredCheck d : claim.declaredChecks()) {
        rows.putIfAbsent(d.name(), new Row(d.name(), null));
      }
      if (rows.isEmpty()) {
        rows.put("-", new Row("-", null));
      }
      sections.add(new Section(claim, List.copyOf(rows.values())));
    }
    List<StatementRow> statements = new ArrayList<>();
    for (PaperStatement s : catalog.statements()) {
      statements.add(new StatementRow(s, sections.stream()
          .filter(c -> c.claim().statements().contains(s.pmlr())).toList()));
    }
    return new ClaimsReport(catalog.name(), budget.describe(), budget.checkIds(), masterSeed,
        List.copyOf(sections), List.copyOf(statements));
  }

  /** The claims grouped by provenance, in the report's order; empty groups left out. */
  public List<Group> groups() {
    List<Group> out = new ArrayList<>();
    for (Group g : GROUPS) {
      List<Section> members = sections.stream()
          .filter(s -> s.claim().provenance() == g.provenance()).toList();
      if (!members.isEmpty()) {
        out.add(new Group(g.title(), g.intro(), g.provenance(), members));
      }
    }
    return out;
  }

  /** How many of the paper's statements at least one registered claim checks. */
  public long statementsChecked() {
    return statements.stream().filter(s -> !s.checks().isEmpty()).count();
  }

  /** The heading of the paper's statements, e.g. {@code 1 of 12 checked}. */
  public String statementsHeadline() {
    long cannot = statements.stream().filter(s -> s.verdict().equals("CANNOT BE CHECKED"))
        .count();
    return statementsChecked() + " of " + statements.size() + " checked"
        + (cannot > 0 ? ", " + cannot + " cannot be" : "");
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

  /** The one-line total. */
  public String total() {
    return String.format("%d claims, %d checks: %d PASS, %d FAIL, %d REFUTED (a conjecture, or a"
            + " reported form of a paper statement, shown wrong), %d NOT RUN; mutants %d rejected,"
            + " %d NOT REJECTED, %d checks with NO MUTANT", sections.size(), rows().size(), count("PASS"), count("FAIL"),
        count("REFUTED"), count("NOT RUN"), mutants("rejected"), mutants("NOT REJECTED"),
        mutants("NO MUTANT"));
  }

  /** A number for the report ({@link Numbers#format(double)}), {@code -} for NaN. */
  static String num(double x) {
    return Numbers.format(x);
  }
}
