package org.pgbarrier.testkit.report;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.pgbarrier.bounds.ClaimCatalog;
import org.pgbarrier.bounds.ClaimRegistry;
import org.pgbarrier.testkit.engine.ClaimLedger;
import org.pgbarrier.testkit.engine.Suite;
import org.pgbarrier.testkit.stats.FalseAlarmBudget;

/**
 * Writes the claims report and prints the summary once, when the JUnit Platform launcher session
 * closes: after every test of the run, whatever their outcome (a failed claim still fails the
 * build through its test). Registered via {@code
 * META-INF/services/org.junit.platform.launcher.LauncherSessionListener} on the test classpath;
 * Surefire 3.5.4 and later open one session per test JVM. A problem writing the report is printed,
 * never thrown: it must not mask the tests' own verdicts. Only the records of this run ({@link
 * ClaimLedger#run()}) are reported. Under the {@code soak} profile it also
 * tallies the runs so far ({@link #SOAK_DIR}).
 */
public final class ClaimsReportListener implements LauncherSessionListener {
  /**
   * Set by the {@code soak} profile: the directory whose {@code seed-*} subdirectories hold one
   * run each; after each run the {@link SoakTally} over all of them is written and printed.
   */
  public static final String SOAK_DIR = "pgbarrier.soak.dir";

  /**
   * The system property naming the catalog whose report is written ({@link
   * ClaimCatalog#name()}); pgbarrier's own ({@value ClaimRegistry#BUILT_IN_NAME}) if unset. A
   * project of its own sets it in its Surefire configuration.
   */
  public static final String CATALOG = "pgbarrier.catalog";

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    try {
      ClaimCatalog catalog = ClaimRegistry.catalog(
          System.getProperty(CATALOG, ClaimRegistry.BUILT_IN_NAME));
      FalseAlarmBudget budget = FalseAlarmBudget.of(catalog);
      ClaimsReport report = ReportWriter.write(ClaimLedger.directory(), catalog, budget,
          Suite.masterSeed(), ClaimLedger.run());
      System.out.print(ConsoleSummary.render(report));
      System.out.println("  report: " + ClaimLedger.directory().toAbsolutePath()
          .resolve("report.html"));
      String soak = System.getProperty(SOAK_DIR);
      if (soak != null && !soak.isBlank()) {
        System.out.println(SoakTally.write(Path.of(soak), budget.checkIds()).total() + " ("
            + Path.of(soak).toAbsolutePath().resolve("soak.md") + ")");
      }
    } catch (RuntimeException e) {
      System.err.println("pgbarrier: the claims report could not be written: " + e);
    }
  }
}
