package org.pgbarrier.testkit.report;

import static org.pgbarrier.testkit.report.ClaimsReport.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.Provenance;
import org.pgbarrier.testkit.report.ClaimsReport.Group;
import org.pgbarrier.testkit.report.ClaimsReport.Row;
import org.pgbarrier.testkit.report.ClaimsReport.Section;
import org.pgbarrier.testkit.report.ClaimsReport.StatementRow;

/**
 * {@code report.md}, readable on a terminal and on a code-hosting page: the header (master seed,
 * false-alarm budget and its split, totals, how to read a comparison); <b>The paper's
 * statements</b>, one short row each (both numberings, readers, verdict, the checks or why none);
 * then one short table per group of claims ({@link ClaimsReport#groups()}: id/check, verdict,
 * provenance, measured against bound, the claim in one line); then one section per claim with its
 * statement and each check's rule, instance, mutant, seeds, replay command and figures.
 */
public final class MarkdownReport {
  /** The legend of the comparison column, shared with the HTML report. */
  static final String COMPARISONS = "measured values are shown against their bound with the"
      + " comparison the check requires to pass (`<=`, `<`, `>=`, `>`; `~`: within the rule's"
      + " tolerance or confidence set; `vs`: the rule decides); numbers to 3 significant digits,"
      + " in full in claims.json";

  private MarkdownReport() {}

  /** The report as Markdown. */
  public static String render(ClaimsReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(report.title()).append(" claims report\n\n");
    md.append("- master seed: `").append(report.masterSeed())
        .append("` (replay with `-Dpgbarrier.seed=").append(report.masterSeed()).append("`)\n");
    md.append("- ").append(report.budget()).append('\n');
    md.append("- total: ").append(report.total()).append('\n');
    if (!report.statements().isEmpty()) {
      md.append("- the paper's statements: ").append(report.statementsHeadline()).append('\n');
    }
    md.append("- ").append(COMPARISONS).append("\n\n");
    if (!report.statements().isEmpty()) {
      md.append("## The paper's statements (").append(report.statementsHeadline()).append(")\n\n");
      md.append("arXiv 2603.06957 as reported by the secondary readers A, B, C (docs/theory.md"
          + " §1); both numberings, arXiv / PMLR.\n\n");
      md.append("| statement | readers | verdict | checked by, or why not | in one line |\n");
      md.append("|---|---|---|---|---|\n");
      for (StatementRow s : report.statements()) {
        md.append("| ").append(cell(s.statement().locus()))
            .append(" | ").append(cell(s.sources()))
            .append(" | ").append(statementVerdict(s))
            .append(" | ").append(s.checks().isEmpty() ? cell(s.why()) : s.checks().stream()
                .map(c -> link(c.claim().id())).collect(Collectors.joining(", ")))
            .append(" | ").append(cell(s.statement().statement())).append(" |\n");
      }
    }
    for (Group g : report.groups()) {
      md.append("\n## ").append(g.title()).append("\n\n").append(g.intro()).append("\n\n");
      md.append("| id/check | verdict | provenance | measured | mutant | claim |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (Section s : g.sections()) {
        Claim c = s.claim();
        for (Row r : s.rows()) {
          md.append("| [").append(c.id()).append('/').append(cell(r.check())).append("](#")
              .append(anchor(c.id(), r.check())).append(") | ").append(verdict(c, r))
              .append(" | ").append(c.provenanceTag())
              .append(" | ").append(r.ran() ? "`" + r.measured() + "`" : "-")
              .append(" | ").append(mutant(r))
              .append(" | ").append(cell(c.title())).append(" |\n");
        }
      }
    }
    md.append("\n## The claims one by one\n");
    for (Section s : report.sections()) {
      Claim c = s.claim();
      md.append("\n<a id=\"").append(c.id().toLowerCase()).append("\"></a>\n\n### ")
          .append(c.id()).append(": ").append(c.title()).append("\n\n");
      md.append("*").append(c.provenanceTag()).append("*, ").append(c.paper().arxiv())
          .append(", ").append(c.locus()).append("\n\n");
      md.append("> ").append(c.statement()).append("\n");
      for (Row r : s.rows()) {
        md.append("\n<a id=\"").append(anchor(c.id(), r.check())).append("\"></a>\n\n#### ")
            .append(c.id()).append('/').append(r.check()).append(": ").append(verdict(c, r))
            .append("\n\n");
        if (!r.ran()) {
          md.append("No record in claims.json: this check did not run.\n");
          continue;
        }
        md.append("- measured: `").append(r.measured()).append("`\n");
        md.append("- rule: ").append(Numbers.shorten(r.text("rule"))).append(" (false alarm ")
            .append(num(r.falseAlarm())).append(")\n");
        md.append("- instance: ").append(Numbers.shorten(r.instance())).append('\n');
        md.append("- mutant: ").append(mutant(r));
        if (!r.text("mutant").isEmpty()) {
          md.append(" (").append(r.text("mutant")).append(')');
        }
        md.append('\n');
        String full = r.text("instance");
        if (full.length() > r.instance().length()) {
          md.append("- mutant run: ").append(Numbers.shorten(
              full.substring(r.instance().length() + " || mutant: ".length()))).append('\n');
        }
        md.append("- seed ").append(r.text("seed")).append(", ").append(r.text("tries"))
            .append(" case(s), ").append(r.text("elapsed_ms")).append(" ms\n");
        md.append("- replay: `").append(r.text("replay")).append("`\n");
        if (!r.replicate().isEmpty()) {
          md.append("- replay one ").append(r.replicate()).append(": `")
              .append(r.replicateReplay()).append("`\n");
        }
        for (JsonNode f : r.figures()) {
          md.append("- figure (report.html): ").append(f.path("y_label").asText()).append(" vs ")
              .append(f.path("x_label").asText()).append(", ")
              .append(f.path("scale").asText().equals("LOG_LINEAR") ? "log-linear" : "log-log")
              .append(", fitted slope ").append(num(f.path("fitted").asDouble(Double.NaN)))
              .append(", predicted ").append(num(f.path("predicted").asDouble(Double.NaN)))
              .append('\n');
        }
      }
    }
    return md.toString();
  }

  /** The verdict; for a conjecture, what it amounts to. */
  static String verdict(Claim c, Row r) {
    if (r.verdict().equals("PASS")) {
      return c.provenance() == Provenance.CONJECTURE
          ? "PASS: holds on " + r.text("tries") + " case(s)" : "PASS";
    }
    if (r.verdict().equals("REFUTED")) {
      return "**REFUTED**: counterexample below";
    }
    return "**" + r.verdict() + "**";
  }

  private static String statementVerdict(StatementRow s) {
    return switch (s.verdict()) {
      case "PASS" -> "PASS";
      case "NOT CHECKED" -> "not checked";
      case "CANNOT BE CHECKED" -> "cannot be checked";
      default -> "**" + s.verdict() + "**";
    };
  }

  private static String mutant(Row r) {
    return switch (r.mutant()) {
      case "rejected", "-" -> r.mutant();
      default -> "**" + r.mutant() + "**";
    };
  }

  private static String link(String id) {
    return "[" + id + "](#" + id.toLowerCase() + ")";
  }

  /** The anchor of a check's section, the same in both reports. */
  static String anchor(String id, String check) {
    return (id + "-" + check).toLowerCase().replaceAll("[^a-z0-9-]", "-");
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
