package org.pgbarrier.testkit.report;

import org.pgbarrier.testkit.report.ClaimsReport.Row;
import org.pgbarrier.testkit.report.ClaimsReport.Section;

/**
 * The lines printed at the end of the suite: one per check, saying which way each comparison
 * goes ({@code measured 0.0123 <= 0.05}), then the paper's statements checked and the totals. The
 * properties module is the last of the reactor (root {@code pom.xml}), so these lines are the
 * last output of {@code mvn -B verify} before Maven's own summary.
 */
public final class ConsoleSummary {
  private ConsoleSummary() {}

  /**
   * One line per check ({@code ID/check verdict provenance measured statistic comparison bound
   * mutant ...}), then totals.
   */
  public static String render(ClaimsReport report) {
    StringBuilder out = new StringBuilder("pgbarrier claims (master seed ")
        .append(report.masterSeed()).append("; measured value, then the comparison the check"
            + " requires to pass, then its bound):\n");
    int width = report.sections().stream().flatMap(s -> s.rows().stream().map(r ->
        s.claim().id().length() + 1 + r.check().length())).max(Integer::compare).orElse(10);
    int provenance = report.sections().stream().mapToInt(s -> s.claim().provenanceTag().length())
        .max().orElse(10);
    for (Section s : report.sections()) {
      for (Row r : s.rows()) {
        String line = String.format("  %-" + width + "s  %-7s  %-" + provenance + "s",
            s.claim().id() + "/" + r.check(), r.verdict(), s.claim().provenanceTag());
        if (r.ran()) {
          line += "  measured " + r.measured() + "  mutant " + r.mutant();
        }
        out.append(line.stripTrailing()).append('\n');
      }
    }
    if (!report.statements().isEmpty()) {
      out.append("  the paper's statements: ").append(report.statementsHeadline()).append('\n');
    }
    out.append("  total: ").append(report.total()).append('\n');
    out.append("  ").append(report.budget()).append('\n');
    return out.toString();
  }
}
