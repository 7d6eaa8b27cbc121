package org.pgbarrier.testkit;

import java.util.List;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.ClaimCatalog;
import org.pgbarrier.bounds.Paper;
import org.pgbarrier.bounds.Provenance;

/**
 * The claims the engine's own tests run against, registered as a catalog of their own ({@code
 * META-INF/services/org.pgbarrier.bounds.ClaimCatalog} on the test class path), as a user's
 * project registers its claims: TKT-01 (a promise: one exact and two statistical checks) and
 * TKT-02 (a conjecture: one exact and one statistical check), with 4 slots of {@code 1e-3 / 4}.
 */
public final class SelfTestCatalog implements ClaimCatalog {
  @Override
  public String name() {
    return "testkit-self-test";
  }

  @Override
  public List<Claim> claims() {
    return List.of(
        new Claim("TKT-01", "Engine self-test", Paper.BASE_MODEL_BARRIER, "testkit tests",
            Provenance.RECONSTRUCTED, "The engine records, shrinks and replays.")
            .withExact("engine-self-test")
            .withStatistical("self-test-a", "self-test-b"),
        new Claim("TKT-02", "Engine self-test of a conjecture", Paper.BASE_MODEL_BARRIER,
            "testkit tests", Provenance.CONJECTURE, "A question, not a promise.")
            .withExact("engine-self-test")
            .withStatistical("self-test-c"));
  }

  @Override
  public int falseAlarmSlots() {
    return 4;
  }
}
