package org.pgbarrier.properties.report;

import static org.pgbarrier.properties.report.ClaimsReport.num;

import com.fasterxml.jackson.databind.JsonNode;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.properties.report.ClaimsReport.Row;
import org.pgbarrier.properties.report.ClaimsReport.Section;

/**
 * {@code report.html}: the same content as {@link MarkdownReport}, self-contained (inline CSS,
 * figures as inline {@link SvgFigure SVG}, no external asset), written as well-formed XHTML. In
 * the table the claim's paper, provenance and statement span its checks' rows, the statement and
 * long instance and rule texts expand on a click ({@code details}). A failed check, a refuted
 * conjecture, a mutant not rejected and a check without a mutant are highlighted.
 */
public final class HtmlReport {
  private static final String CSS = """
      body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;\
      color:#222}
      table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;\
      text-align:left;vertical-align:top}th{background:#f0f0f0}
      .PASS{background:#dff5df}.FAIL{background:#f8c9c9;font-weight:bold}\
      .REFUTED{background:#e6d4ff;font-weight:bold}.NOTRUN{background:#eee;color:#666}
      summary{cursor:pointer}details[open] summary{color:#666}
      .nomutant,.notrejected{background:#ffe3a3;font-weight:bold}
      .prov{font-size:12px;padding:1px 5px;border:1px solid #888;border-radius:3px}
      .CONJECTURE{background:#efe0ff}.RECONSTRUCTED{background:#fff4d6}.SOURCE{background:#dff0ff}
      blockquote{border-left:4px solid #ccc;margin:0.5em 0;padding:0.2em 1em;color:#333}
      code{font-size:12px;word-break:break-all}.check{margin:1em 0 1em 1em}
      """;

  private HtmlReport() {}

  /** The report as a self-contained XHTML page. */
  public static String render(ClaimsReport report) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"/><title>pgbarrier claims report</title><style>")
        .append(CSS).append("</style></head><body>\n<h1>pgbarrier claims report</h1>\n<ul>");
    h.append("<li>master seed <code>").append(report.masterSeed())
        .append("</code> (replay with <code>-Dpgbarrier.seed=").append(report.masterSeed())
        .append("</code>)</li>");
    h.append("<li>").append(escape(report.budget())).append("</li>");
    h.append("<li>total: ").append(escape(report.total())).append("</li></ul>\n");
    h.append("<table><tr><th>id/check</th><th>paper, locus</th><th>provenance</th>"
        + "<th>statement</th><th>instance (family, sizes)</th><th>decision rule</th>"
        + "<th>false alarm</th><th>statistic vs bound</th><th>verdict</th><th>mutant</th>"
        + "<th>seed</th><th>time (ms)</th></tr>\n");
    for (Section s : report.sections()) {
      Claim c = s.claim();
      boolean first = true;
      for (Row r : s.rows()) {
        h.append("<tr><td><a href=\"#").append(MarkdownReport.anchor(c.id(), r.check()))
            .append("\">").append(c.id()).append('/').append(escape(r.check())).append("</a></td>");
        if (first) {
          String span = "<td rowspan=\"" + s.rows().size() + "\">";
          h.append(span).append(c.paper().arxiv()).append(", ").append(escape(c.locus()))
              .append("</td>").append(span).append(provenance(c)).append("</td>").append(span)
              .append("<details><summary>").append(escape(c.title())).append("</summary>")
              .append(escape(c.statement())).append("</details></td>");
          first = false;
        }
        h.append("<td>").append(r.ran() ? expandable(r.instance()) : "-").append("</td><td>")
            .append(r.ran() ? expandable(r.text("rule")) : "-").append("</td><td>")
            .append(r.ran() ? num(r.falseAlarm()) : "-").append("</td><td>")
            .append(r.ran() ? num(r.statistic()) + " vs " + num(r.bound()) : "-")
            .append("</td>").append(verdictCell(c, r)).append(mutantCell(r)).append("<td>")
            .append(escape(r.text("seed"))).append("</td><td>")
            .append(escape(r.text("elapsed_ms"))).append("</td></tr>\n");
      }
    }
    h.append("</table>\n");
    int figure = 0;
    for (Section s : report.sections()) {
      Claim c = s.claim();
      h.append("<h2 id=\"").append(c.id().toLowerCase()).append("\">").append(c.id())
          .append(": ").append(escape(c.title())).append("</h2>\n<p>").append(provenance(c))
          .append(' ').append(c.paper().arxiv()).append(", ").append(escape(c.locus()))
          .append("</p><blockquote>").append(escape(c.statement())).append("</blockquote>\n");
      for (Row r : s.rows()) {
        h.append("<div class=\"check\" id=\"").append(MarkdownReport.anchor(c.id(), r.check()))
            .append("\"><h3>")
            .append(c.id()).append('/').append(escape(r.check())).append(": <span class=\"")
            .append(r.verdict().replace(" ", "")).append("\">").append(r.verdict())
            .append("</span></h3>");
        if (!r.ran()) {
          h.append("<p>No record in claims.json: this check did not run.</p></div>\n");
          continue;
        }
        h.append("<ul><li>rule: ").append(escape(r.text("rule"))).append(" (false alarm ")
            .append(num(r.falseAlarm())).append(")</li><li>statistic ")
            .append(num(r.statistic())).append(" vs bound ").append(num(r.bound()))
            .append("</li><li>instance: ").append(escape(r.text("instance")))
            .append("</li><li>mutant: <span class=\"").append(mutantClass(r)).append("\">")
            .append(r.mutant()).append("</span> ").append(escape(r.text("mutant")))
            .append("</li><li>seed ").append(escape(r.text("seed"))).append(", ")
            .append(escape(r.text("tries"))).append(" case(s), ")
            .append(escape(r.text("elapsed_ms"))).append(" ms</li><li>replay: <code>")
            .append(escape(r.text("replay"))).append("</code></li></ul>");
        for (JsonNode f : r.figures()) {
          h.append(SvgFigure.render(f, "fig" + figure++));
        }
        h.append("</div>\n");
      }
    }
    return h.append("</body></html>\n").toString();
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
    return "<span class=\"prov " + c.provenance() + "\">" + c.provenance() + "</span>";
  }

  private static String verdictCell(Claim c, Row r) {
    String text = MarkdownReport.verdict(c, r).replace("**", "");
    return "<td class=\"" + r.verdict().replace(" ", "") + "\">" + escape(text) + "</td>";
  }

  /** Short text as is; longer text as its {@link MarkdownReport#brief} opening, expandable. */
  private static String expandable(String text) {
    String brief = MarkdownReport.brief(text);
    if (brief.equals(text)) {
      return escape(text);
    }
    return "<details><summary>" + escape(brief) + "</summary>" + escape(text) + "</details>";
  }

  private static String mutantCell(Row r) {
    return "<td class=\"" + mutantClass(r) + "\">" + r.mutant() + "</td>";
  }

  private static String mutantClass(Row r) {
    return switch (r.mutant()) {
      case "NO MUTANT" -> "nomutant";
      case "NOT REJECTED" -> "notrejected";
      default -> "mutant";
    };
  }
}
