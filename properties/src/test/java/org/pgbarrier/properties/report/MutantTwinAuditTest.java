package org.pgbarrier.properties.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.ClaimRegistry;
import org.pgbarrier.testkit.engine.ClaimLedger;
import org.pgbarrier.testkit.report.ClaimsReport;
import org.pgbarrier.testkit.report.MutantTwinAudit;
import org.pgbarrier.testkit.stats.FalseAlarmBudget;

/**
 * The mutant-twin audit on synthetic ledgers, and on this build's {@code claims.json}. The
 * second test runs after every other test class of the module ({@link LedgerAuditsLast},
 * configured in {@code junit-platform.properties}), when the ledger is complete.
 */
class MutantTwinAuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aStatisticalRecordWithoutARejectedMutantIsFlaggedAndExactRecordsAreNot() throws Exception {
    String ledger = """
        [{"id":"A-1","check":"rejected","false_alarm":1e-4,"mutant_rejected":true},
         {"id":"A-1","check":"survived","false_alarm":1e-4,"mutant_rejected":false},
         {"id":"A-1","check":"null","false_alarm":1e-4,"mutant_rejected":null},
         {"id":"A-1","check":"absent","false_alarm":1e-4},
         {"id":"A-1","check":"text","false_alarm":1e-4,"mutant_rejected":"true"},
         {"id":"A-2","check":"listed","false_alarm":0,"mutant_rejected":false},
         {"id":"A-3","check":"exact","false_alarm":0,"mutant_rejected":null},
         {"id":"A-3","check":"exact-survived","false_alarm":0,"mutant_rejected":false}]
        """;
    assertThat(MutantTwinAudit.unrejected(JSON.readTree(ledger), List.of("A-2/listed")))
        .containsExactly("A-1/survived (mutant_rejected = false)",
            "A-1/null (mutant_rejected = null)", "A-1/absent (mutant_rejected = absent)",
            "A-1/text (mutant_rejected = \"true\")", "A-2/listed (mutant_rejected = false)");
  }

  @Test
  void everyStatisticalCheckInThisBuildsLedgerRejectedItsMutantTwin() {
    assertThat(MutantTwinAudit.unrejected(
            ClaimsReport.read(ClaimLedger.directory().resolve("claims.json")),
            FalseAlarmBudget.of(ClaimRegistry.BUILT_IN).checkIds()))
        .as("statistical checks in %s without mutant_rejected: true",
            ClaimLedger.directory().resolve("claims.json"))
        .isEmpty();
  }
}
