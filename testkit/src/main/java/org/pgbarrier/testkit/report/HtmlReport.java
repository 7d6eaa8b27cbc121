package org.pgbarrier.testkit.report;

import static org.pgbarrier.testkit.report.ClaimsReport.num;

import com.fasterxml.jackson.databind.JsonNode;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.testkit.report.ClaimsReport.Group;
import org.pgbarrier.testkit.report.ClaimsReport.Row;
import org.pgbarrier.testkit.report.ClaimsReport.Section;
import org.pgbarrier.testkit.report.ClaimsReport.StatementRow;

/**
 * {@code report.html}: the content of {@link MarkdownReport}, self-contained (inline CSS, figures
 * as inline {@link SvgFigure SVG}, no external asset), written as well-formed XHTML. Every table
 * leads with what a reader looks for first (id, verdict, provenance, measured against bound, the
 * claim in one line) and fits a 1400 px window; the claim's statement, rule, instance, mutant,
 * seeds and replay command sit in an expandable detail row ({@code details}) under each check.
 * A failed check, a refuted conjecture, a mutant not rejected and a check without a mutant are
 * highlighted. Figures take the full width of the page.
 */
public final class HtmlReport {
  private static final String CSS = """
      body{font-family:system-ui,sans-serif;max-width:1280px;margin:2em auto;padding:0 1em;\
      color:#222;line-height:1.4}
      table{border-collapse:collapse;font-size:13px;width:100%;table-layout:auto}\
      td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}\
      th{background:#f0f0f0}td.nowrap{white-space:nowrap}table.claims{table-layout:fixed}\
      table.claims td{overflow-wrap:anywhere}table.claims td.nowrap{white-space:normal}
      tr.detail td{border-top:none;background:#fafafa;padding:0 6px 3px 24px}
      tr.detail summary{color:#555;font-size:12px}tr.detail ul{margin:0.3em 0}
      .PASS{background:#dff5df}.FAIL{background:#f8c9c9;font-weight:bold}\
      .REFUTED{background:#e6d4ff;font-weight:bold}.NOTRUN{background:#eee;color:#666}\
      .NOTCHECKED,.CANNOTBECHECKED{color:#666}
      summary{cursor:pointer}details[open] summary{color:#666}
      .nomutant,.notrejected{background:#ffe3a3;font-weight:bold}
      .prov{font-size:12px;padding:1px 5px;border:1px solid #888;border-radius:3px;\
      white-space:nowrap}
      .PAPER{background:#d9f2e6}.CONJECTURE{background:#efe0ff}.RECONSTRUCTED{background:#fff4d6}\
      .SOURCE{background:#dff0ff}.CODE{background:#e8e8e8}
      blockquote{border-left:4px solid #ccc;margin:0.5em 0;padding:0.2em 1em;color:#333}
      code{font-size:12px;word-break:break-all}.check{margin:1em 0 1em 1em}
      svg.figure{width:100%;height:auto;display:block;margin:0.5em 0}
      """;

  private HtmlReport() {}

  /** The report as a self-contained XHTML page. */
  public static String render(ClaimsReport report) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"/><title>").append(escape(report.title()))
        .append(" claims report</title><style>").append(CSS).append("</style></head><body>\n<h1>")
        .append(escape(report.title())).append(" claims report</h1>\n<ul>");
    h.append("<li>master seed <code>").append(report.masterSeed())
        .append("</code> (replay with <code>-Dpgbarrier.seed=").append(report.masterSeed())
        .append("</code>)</li>");
    h.append("<li>").append(escape(report.budget())).append("</li>");
    h.append("<li>total: ").append(escape(report.total())).append("</li>");
    if (!report.statements().isEmpty()) {
      h.append("<li>the paper's statements: ").append(escape(report.statementsHeadline()))
          .append("</li>");
    }
    h.append("<li>").append(escape(MarkdownReport.COMPARISONS.replace("`", ""))).append("</li>")
        .append("</ul>\n");

    if (!report.statements().isEmpty()) {
      h.append("<h2 id=\"statements\">The paper's statements (")
          .append(escape(report.statementsHeadline())).append(")</h2>\n<p>arXiv 2603.06957 as"
              + " reported by the secondary readers A, B, C (docs/theory.md §1); both numberings,"
              + " arXiv / PMLR.</p>\n");
      h.append("<table><tr><th>statement</th><th>verdict</th><th>readers</th>"
          + "<th>checked by, or why not</th><th>in one line</th></tr>\n");
      for (StatementRow s : report.statements()) {
        String v = s.verdict();
        h.append("<tr><td class=\"nowrap\">").append(escape(s.statement().locus()))
            .append("</td><td class=\"").append(v.replace(" ", "")).append(" nowrap\">")
            .append(v.equals("PASS") || v.equals("FAIL") || v.equals("REFUTED")
                || v.equals("NOT RUN") ? v : v.toLowerCase()).append("</td><td>")
            .append(escape(s.sources())).append("</td><td>");
        if (s.checks().isEmpty()) {
          h.append(escape(s.why()));
        } else {
          for (Section c : s.checks()) {
            h.append("<a href=\"#").append(c.claim().id().toLowerCase()).append("\">")
                .append(c.claim().id()).append("</a> ");
          }
        }
        h.append("</td><td>").append(escape(s.statement().statement())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    for (Group g : report.groups()) {
      h.append("<h2>").append(escape(g.title())).append("</h2>\n<p>").append(escape(g.intro()))
          .append("</p>\n<table class=\"claims\"><colgroup><col style=\"width:28%\"/>"
              + "<col style=\"width:10%\"/><col style=\"width:13%\"/><col style=\"width:19%\"/>"
              + "<col style=\"width:8%\"/><col style=\"width:22%\"/></colgroup>"
              + "<tr><th>id/check</th><th>verdict</th><th>provenance</th>"
              + "<th>measured</th><th>mutant</th><th>claim</th></tr>\n");
      for (Section s : g.sections()) {
        Claim c = s.claim();
        for (Row r : s.rows()) {
          h.append("<tr><td class=\"nowrap\"><a href=\"#")
              .append(MarkdownReport.anchor(c.id(), r.check())).append("\">").append(c.id())
              .append('/').append(escape(r.check())).append("</a></td>")
              .append(verdictCell(c, r)).append("<td>").append(provenance(c))
              .append("</td><td class=\"nowrap\">").append(escape(r.measured()))
              .append("</td><td class=\"").append(mutantClass(r)).append(" nowrap\">")
              .append(r.mutant()).append("</td><td>").append(escape(c.title()))
              .append("</td></tr>\n");
          h.append("<tr class=\"detail\"><td colspan=\"6\"><details><summary>statement, rule,"
              + " instance, mutant, seeds, replay</summary>").append(details(c, r))
              .append("</details></td></tr>\n");
        }
      }
      h.append("</table>\n");
    }

    h.append("<h2>The claims one by one</h2>\n");
    int figure = 0;
    for (Section s : report.sections()) {
      Claim c = s.claim();
      h.append("<h3 id=\"").append(c.id().toLowerCase()).append("\">").append(c.id())
          .append(": ").append(escape(c.title())).append("</h3>\n<p>").append(provenance(c))
          .append(' ').append(c.paper().arxiv()).append(", ").append(escape(c.locus()))
          .append("</p><blockquote>").append(escape(c.statement())).append("</blockquote>\n");
      for (Row r : s.rows()) {
        h.append("<div class=\"check\" id=\"").append(MarkdownReport.anchor(c.id(), r.check()))
            .append("\"><h4>").append(c.id()).append('/').append(escape(r.check()))
            .append(": <span class=\"").append(r.verdict().replace(" ", "")).append("\">")
            .append(r.verdict()).append("</span>");
        if (r.ran()) {
          h.append(" <code>").append(escape(r.measured())).append("</code>");
        }
        h.append("</h4>");
        if (!r.ran()) {
          h.append("<p>No record in claims.json: this check did not run.</p></div>\n");
          continue;
        }
        h.append(checkList(r));
        for (JsonNode f : r.figures()) {
          h.append(SvgFigure.render(f, "fig" + figure++));
        }
        h.append("</div>\n");
      }
    }
    return h.append("</body></html>\n").toString();
  }

  /** The detail row of a check: the claim's statement, then the check's list. */
  private static String details(Claim c, Row r) {
    String statement = "<blockquote>" + escape(c.statement()) + "</blockquote>";
    return r.ran() ? statement + checkList(r)
        : statement + "<p>No record in claims.json: this check did not run.</p>";
  }

  private static String checkList(Row r) {
    String full = r.text("instance");
    String mutantRun = full.length() > r.instance().length()
        ? full.substring(r.instance().length() + " || mutant: ".length()) : "";
    return "<ul><li>measured: <code>" + escape(r.measured()) + "</code></li><li>rule: "
        + escape(Numbers.shorten(r.text("rule"))) + " (false alarm " + num(r.falseAlarm())
        + ")</li><li>instance: " + escape(Numbers.shorten(r.instance()))
        + "</li><li>mutant: <span class=\"" + mutantClass(r) + "\">" + r.mutant() + "</span> "
        + escape(r.text("mutant"))
        + (mutantRun.isEmpty() ? "" : "; its run: " + escape(Numbers.shorten(mutantRun)))
        + "</li><li>seed " + escape(r.text("seed")) + ", " + escape(r.text("tries"))
        + " case(s), " + escape(r.text("elapsed_ms")) + " ms</li><li>replay: <code>"
        + escape(r.text("replay")) + "</code></li>"
        + (r.replicate().isEmpty() ? "" : "<li>replay one " + escape(r.replicate())
            + ": <code>" + escape(r.replicateReplay()) + "</code></li>")
        + "</ul>";
  }

  /** Escapes text for XHTML content and attributes. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (ch >= 0x20 || ch == '\n' || ch == '\t') {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }

  private static String provenance(Claim c) {
    return "<span class=\"prov " + c.provenance() + "\">" + escape(c.provenanceTag()) + "</span>";
  }

  private static String verdictCell(Claim c, Row r) {
    String text = MarkdownReport.verdict(c, r).replace("**", "");
    return "<td class=\"" + r.verdict().replace(" ", "") + "\">" + escape(text) + "</td>";
  }

  private static String mutantClass(Row r) {
    return switch (r.mutant()) {
      case "NO MUTANT" -> "nomutant";
      case "NOT REJECTED" -> "notrejected";
      default -> "mutant";
    };
  }
}
