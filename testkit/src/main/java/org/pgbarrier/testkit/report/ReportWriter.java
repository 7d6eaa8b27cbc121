package org.pgbarrier.testkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pgbarrier.bounds.ClaimCatalog;
import org.pgbarrier.testkit.engine.AtomicFiles;
import org.pgbarrier.testkit.stats.FalseAlarmBudget;

/** Writes {@code report.md} and {@code report.html} next to {@code claims.json}. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Reads the records of {@code run} in {@code dir/claims.json} (absent: nothing ran), writes
   * both reports into {@code dir} ({@link AtomicFiles}: atomically, readable by everyone) and
   * returns the report.
   */
  public static ClaimsReport write(Path dir, ClaimCatalog catalog, FalseAlarmBudget budget,
      long masterSeed, String run) {
    ClaimsReport report = ClaimsReport.of(catalog, budget, masterSeed,
        ClaimsReport.read(dir.resolve("claims.json"), run));
    try {
      Files.createDirectories(dir);
      AtomicFiles.write(dir.resolve("report.md"),
          MarkdownReport.render(report).getBytes(StandardCharsets.UTF_8));
      AtomicFiles.write(dir.resolve("report.html"),
          HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the claims report in " + dir, e);
    }
    return report;
  }
}
