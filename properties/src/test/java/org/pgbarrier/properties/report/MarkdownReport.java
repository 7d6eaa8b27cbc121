package org.pgbarrier.properties.report;

import static org.pgbarrier.properties.report.ClaimsReport.num;

import com.fasterxml.jackson.databind.JsonNode;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.Provenance;
import org.pgbarrier.properties.report.ClaimsReport.Row;
import org.pgbarrier.properties.report.ClaimsReport.Section;

/**
 * {@code report.md}: the header (master seed, false-alarm budget and its split, totals), a table
 * with one row per check (the claim's paper and locus, provenance and statement in its first
 * row; the instance and the rule shortened, linked to their full text), then one section per
 * claim with its statement and each check's rule, instance, mutant, replay command and figures.
 */
public final class MarkdownReport {
  /** Longer instance and rule texts are cut to about this many characters in the table. */
  static final int CELL = 160;

  private MarkdownReport() {}

  /** The report as Markdown. */
  public static String render(ClaimsReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# pgbarrier claims report\n\n");
    md.append("- master seed: `").append(report.masterSeed())
        .append("` (replay with `-Dpgbarrier.seed=").append(report.masterSeed()).append("`)\n");
    md.append("- ").append(report.budget()).append('\n');
    md.append("- total: ").append(report.total()).append("\n\n");
    md.append("| id/check | paper, locus | provenance | statement | instance (family, sizes) |"
        + " decision rule | false alarm | statistic vs bound | verdict | mutant | seed |"
        + " time (ms) |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Section s : report.sections()) {
      Claim c = s.claim();
      boolean first = true;
      for (Row r : s.rows()) {
        String link = "#" + anchor(c.id(), r.check());
        md.append("| [").append(c.id()).append("](#").append(c.id().toLowerCase())
            .append(")/").append(cell(r.check()))
            .append(" | ").append(first ? cell(c.paper().arxiv() + ", " + c.locus()) : "")
            .append(" | ").append(first ? c.provenance().name() : "")
            .append(" | ").append(first ? cell(c.statement()) : "")
            .append(" | ").append(r.ran() ? briefCell(r.instance(), link) : "-")
            .append(" | ").append(r.ran() ? briefCell(r.text("rule"), link) : "-")
            .append(" | ").append(r.ran() ? num(r.falseAlarm()) : "-")
            .append(" | ").append(r.ran() ? num(r.statistic()) + " vs " + num(r.bound()) : "-")
            .append(" | ").append(verdict(c, r))
            .append(" | ").append(mutant(r))
            .append(" | ").append(cell(r.text("seed")))
            .append(" | ").append(cell(r.text("elapsed_ms")))
            .append(" |\n");
        first = false;
      }
    }
    for (Section s : report.sections()) {
      Claim c = s.claim();
      md.append("\n<a id=\"").append(c.id().toLowerCase()).append("\"></a>\n\n## ")
          .append(c.id()).append(": ").append(c.title()).append("\n\n");
      md.append("*").append(c.provenance()).append("*, ").append(c.paper().arxiv()).append(", ")
          .append(c.locus()).append("\n\n");
      md.append("> ").append(c.statement()).append("\n");
      for (Row r : s.rows()) {
        md.append("\n<a id=\"").append(anchor(c.id(), r.check())).append("\"></a>\n\n### ")
            .append(c.id()).append('/').append(r.check()).append(": ").append(verdict(c, r))
            .append("\n\n");
        if (!r.ran()) {
          md.append("No record in claims.json: this check did not run.\n");
          continue;
        }
        md.append("- rule: ").append(r.text("rule")).append(" (false alarm ")
            .append(num(r.falseAlarm())).append(")\n");
        md.append("- statistic ").append(num(r.statistic())).append(" vs bound ")
            .append(num(r.bound())).append('\n');
        md.append("- instance: ").append(r.text("instance")).append('\n');
        md.append("- mutant: ").append(mutant(r));
        if (!r.text("mutant").isEmpty()) {
          md.append(" (").append(r.text("mutant")).append(')');
        }
        md.append('\n');
        md.append("- seed ").append(r.text("seed")).append(", ").append(r.text("tries"))
            .append(" case(s), ").append(r.text("elapsed_ms")).append(" ms\n");
        md.append("- replay: `").append(r.text("replay")).append("`\n");
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

  private static String mutant(Row r) {
    return switch (r.mutant()) {
      case "rejected", "-" -> r.mutant();
      default -> "**" + r.mutant() + "**";
    };
  }

  /** {@code text} cut at a word boundary to about {@link #CELL} characters, marked by "...". */
  static String brief(String text) {
    if (text.length() <= CELL) {
      return text;
    }
    int cut = text.lastIndexOf(' ', CELL);
    return text.substring(0, cut > CELL / 2 ? cut : CELL) + " ...";
  }

  /** A table cell of {@code text}, shortened with a link to its full text where it is long. */
  private static String briefCell(String text, String link) {
    String brief = brief(text);
    return cell(brief) + (brief.equals(text) ? "" : " [more](" + link + ")");
  }

  /** The anchor of a check's section, the same in both reports. */
  static String anchor(String id, String check) {
    return (id + "-" + check).toLowerCase().replaceAll("[^a-z0-9-]", "-");
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
