package org.pgbarrier.properties.report;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs {@link MutantTwinAuditTest} after every other test class (which keep the engine's default
 * order: the sort is stable), so that it reads the complete {@code claims.json} of the run. Set
 * as {@code junit.jupiter.testclass.order.default} in {@code junit-platform.properties}.
 */
public final class LedgerAuditsLast implements ClassOrderer {
  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparing(
        d -> d.getTestClass() == MutantTwinAuditTest.class));
  }
}
