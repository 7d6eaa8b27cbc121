package org.pgbarrier.instance;

/**
 * The realised normalised margin of {@code w*} on a set of labelled contexts,
 *
 * <pre>
 *   gamma = min_{x, i, v != y*_i} <w*, phi(x, y*_<i, y*_i) - phi(x, y*_<i, v)> / (||w*|| R),
 *   R     = max_x R(x)   (feature-norm bound, see FeatureMap#featureNormBound),
 * </pre>
 *
 * the token-wise margin condition along the correct prefix (docs/theory.md §2.2: the structure is
 * the paper's [PAPER A,B,C], the exact inequality [INFERRED]), with the witness that attains it.
 *
 * @param requested the margin the generator promised ({@code NaN} when it promises none)
 * @param realised the realised normalised margin
 * @param rawGap the unnormalised minimum gap {@code min <w*, phi(y*_i) - phi(v)>}
 * @param weightNorm {@code ||w*||}
 * @param featureNorm {@code R}
 * @param contexts how many contexts were scanned
 * @param witnessContext index of the context attaining the minimum
 * @param witnessPosition position attaining the minimum
 * @param greedyReproducesTarget whether greedy decoding of {@code w*} returned {@code y*} on every
 *     scanned context
 */
public record MarginCertificate(
    double requested,
    double realised,
    double rawGap,
    double weightNorm,
    double featureNorm,
    int contexts,
    int witnessContext,
    int witnessPosition,
    boolean greedyReproducesTarget) {

  /** Tolerance for comparing an exact margin with its request: a few ulps of a unit quantity. */
  public static final double RELATIVE_TOLERANCE = 1e-12;

  /**
   * True iff greedy decoding reproduces {@code y*}, the realised margin is positive, and it is at
   * least the requested one (up to {@link #RELATIVE_TOLERANCE}).
   */
  public boolean holds() {
    boolean meetsRequest =
        Double.isNaN(requested) || realised >= requested * (1 - RELATIVE_TOLERANCE);
    return greedyReproducesTarget && realised > 0 && meetsRequest;
  }
}
