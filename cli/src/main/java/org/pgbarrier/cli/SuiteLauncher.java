package org.pgbarrier.cli;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the claims suite (the test classes of package {@value #PACKAGE}, as Surefire selects them:
 * names ending in {@code Test}, {@code Tests} or {@code Properties}) through the JUnit Platform
 * launcher, in this JVM. The only class of the CLI that touches JUnit: {@code pgbarrier.jar} does
 * not ship it, {@code ./pgbarrier verify} puts the suite's classpath ({@code
 * properties/target/verify}) after it. The suite's own launcher session listener (the claims
 * report of {@code mvn verify}) is not registered: {@link VerifyCommand} writes each seed's report.
 */
final class SuiteLauncher {
  static final String PACKAGE = "org.pgbarrier.properties";

  private SuiteLauncher() {}

  /** Whether the JUnit Platform launcher and the suite are on the class path. */
  static boolean available() {
    try {
      Class.forName("org.junit.platform.launcher.core.LauncherFactory");
      return SuiteLauncher.class.getClassLoader().getResource(
          PACKAGE.replace('.', '/') + "/report/LedgerAuditsLast.class") != null;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Runs the suite once under the current system properties; returns the number of failed tests
   * (a failed claim fails its test), or -1 if none ran.
   */
  static long run() {
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableLauncherSessionListenerAutoRegistration(false).build());
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(PACKAGE))
        .filters(includeClassNamePatterns(".*Test", ".*Tests", ".*Properties"))
        .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    return summary.getTestsStartedCount() == 0 ? -1
        : summary.getTestsFailedCount() + summary.getContainersFailedCount();
  }
}
