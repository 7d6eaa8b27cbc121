package org.pgbarrier.properties.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.pgbarrier.bounds.Claim;

/** Writes {@code report.md} and {@code report.html} next to {@code claims.json}. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Reads the records of {@code run} in {@code dir/claims.json} (absent: nothing ran), writes
   * both reports into {@code dir} (each to a temporary file moved into place) and returns the
   * report.
   */
  public static ClaimsReport write(Path dir, List<Claim> registered,
      List<String> statisticalChecks, double budgetTotal, long masterSeed, String run) {
    ClaimsReport report = ClaimsReport.of(registered, statisticalChecks, budgetTotal, masterSeed,
        ClaimsReport.read(dir.resolve("claims.json"), run));
    try {
      Files.createDirectories(dir);
      writeAtomically(dir.resolve("report.md"), MarkdownReport.render(report));
      writeAtomically(dir.resolve("report.html"), HtmlReport.render(report));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the claims report in " + dir, e);
    }
    return report;
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), ".report", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
