package org.pgbarrier.properties.report;

import static org.pgbarrier.properties.report.ClaimsReport.num;

import org.pgbarrier.bounds.Claim;
import org.pgbarrier.properties.report.ClaimsReport.Row;
import org.pgbarrier.properties.report.ClaimsReport.Section;

/**
 * {@code report.md}: the header (master seed, false-alarm budget, totals), a table with one row
 * per check, then one section per claim with its statement and each check's rule, instance,
 * mutant and replay command.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** The report as Markdown. */
  public static String render(ClaimsReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# pgbarrier claims report\n\n");
    md.append("- master seed: `").append(report.masterSeed())
        .append("` (replay with `-Dpgbarrier.seed=").append(report.masterSeed()).append("`)\n");
    md.append("- ").append(report.budget()).append('\n');
    md.append("- total: ").append(report.total()).append("\n\n");
    md.append("| id/check | paper | provenance | verdict | statistic vs bound | false alarm |"
        + " mutant | seed | time (ms) |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Section s : report.sections()) {
      for (Row r : s.rows()) {
        md.append("| [").append(s.claim().id()).append("](#").append(s.claim().id().toLowerCase())
            .append(")/").append(cell(r.check()))
            .append(" | ").append(s.claim().paper().arxiv())
            .append(" | ").append(s.claim().provenance())
            .append(" | ").append(verdict(r))
            .append(" | ").append(r.ran() ? num(r.statistic()) + " vs " + num(r.bound()) : "-")
            .append(" | ").append(r.ran() ? num(r.falseAlarm()) : "-")
            .append(" | ").append(mutant(r))
            .append(" | ").append(cell(r.text("seed")))
            .append(" | ").append(cell(r.text("elapsed_ms")))
            .append(" |\n");
      }
    }
    for (Section s : report.sections()) {
      Claim c = s.claim();
      md.append("\n## ").append(c.id()).append(": ").append(c.title()).append("\n\n");
      md.append("*").append(c.provenance()).append("*, ").append(c.paper().arxiv()).append(", ")
          .append(c.locus()).append("\n\n");
      md.append("> ").append(c.statement()).append("\n");
      for (Row r : s.rows()) {
        md.append("\n### ").append(c.id()).append('/').append(r.check()).append(": ")
            .append(verdict(r)).append("\n\n");
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
        if (r.series() != null) {
          md.append("- figure: see report.html (fitted slope ")
              .append(num(r.series().path("fitted").asDouble(Double.NaN)))
              .append(", predicted ").append(num(r.series().path("predicted").asDouble(Double.NaN)))
              .append(")\n");
        }
      }
    }
    return md.toString();
  }

  private static String verdict(Row r) {
    return r.verdict().equals("PASS") ? "PASS" : "**" + r.verdict() + "**";
  }

  private static String mutant(Row r) {
    return switch (r.mutant()) {
      case "rejected", "-" -> r.mutant();
      default -> "**" + r.mutant() + "**";
    };
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
