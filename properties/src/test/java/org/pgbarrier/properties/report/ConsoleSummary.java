package org.pgbarrier.properties.report;

import static org.pgbarrier.properties.report.ClaimsReport.num;

import org.pgbarrier.properties.report.ClaimsReport.Row;
import org.pgbarrier.properties.report.ClaimsReport.Section;

/** The lines printed at the end of the suite: one per check, then the total. */
public final class ConsoleSummary {
  private ConsoleSummary() {}

  /** One line per check ({@code ID/check verdict measured vs predicted [mutant]}), then totals. */
  public static String render(ClaimsReport report) {
    StringBuilder out = new StringBuilder("pgbarrier claims (master seed ")
        .append(report.masterSeed()).append("):\n");
    int width = report.sections().stream().flatMap(s -> s.rows().stream().map(r ->
        s.claim().id().length() + 1 + r.check().length())).max(Integer::compare).orElse(10);
    for (Section s : report.sections()) {
      for (Row r : s.rows()) {
        out.append(String.format("  %-" + width + "s  %-7s", s.claim().id() + "/" + r.check(),
            r.verdict()));
        if (r.ran()) {
          out.append("  measured ").append(num(r.statistic())).append(" vs ")
              .append(num(r.bound())).append("  mutant ").append(r.mutant());
        }
        out.append('\n');
      }
    }
    out.append("  total: ").append(report.total()).append('\n');
    out.append("  ").append(report.budget()).append('\n');
    return out.toString();
  }
}
