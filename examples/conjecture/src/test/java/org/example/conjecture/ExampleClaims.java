package org.example.conjecture;

import java.util.List;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.ClaimCatalog;
import org.pgbarrier.bounds.Paper;
import org.pgbarrier.bounds.Provenance;

/**
 * This project's claims, registered without touching pgbarrier: the class is named in {@code
 * META-INF/services/org.pgbarrier.bounds.ClaimCatalog}, and pgbarrier's {@code ClaimRegistry}
 * finds it on the test class path. Each claim declares its checks and their kind; the one claim
 * with a statistical check holds one of the 2 slots of this catalog's budget {@code 1e-3}, so its
 * check runs at false-alarm level {@code 5e-4} and a second conjecture with a statistical check
 * would take the other slot without moving it.
 */
public final class ExampleClaims implements ClaimCatalog {
  /** The catalog's name; the pom sets {@code -Dpgbarrier.catalog} to it for the report. */
  public static final String NAME = "conjecture-example";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Claim> claims() {
    return List.of(
        new Claim("EXC-01", "On G1 the base likelihood of y* is the product of its token"
                + " likelihoods, each within [baseMin, baseMax]",
            Paper.BASE_MODEL_BARRIER, "our conjecture on the tabular family G1 (pgbarrier"
                + " TabularInstances)", Provenance.CONJECTURE,
            "For every G1 instance (k, N, baseMin, baseMax), the base model's likelihood alpha ="
                + " p_base(y*|x) of every context satisfies baseMin^N <= alpha <= baseMax^N."
                + " [CONJECTURE]")
            .withExact("alpha-between-token-powers"),
        new Claim("EXC-02", "Sampling the base model hits y* at rate alpha",
            Paper.BASE_MODEL_BARRIER, "our conjecture on the sampler (LinearAutoregressiveModel"
                + ".sample) and G1", Provenance.CONJECTURE,
            "Drawing M responses from the base model on one G1 context, the number equal to y* is"
                + " Binomial(M, alpha) with alpha = exp(log p_base(y*|x)) computed by"
                + " logLikelihood: the sampler and the likelihood describe the same law."
                + " [CONJECTURE]")
            .withStatistical("hits-of-y-star-are-binomial"));
  }

  @Override
  public int falseAlarmSlots() {
    return 2;
  }
}
