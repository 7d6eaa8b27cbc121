package org.pgbarrier.learn.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.stats.BinomialTail;

/**
 * The sequence-level mixture hits {@code y*} with probability {@code q0(y*)/2 + k^-N/2}: one coin
 * per response. Statistical, with an exact binomial acceptance interval of false-alarm
 * probability at most 1e-6 (two tails of at most 5e-7 each); the mutant (the token-level
 * mixture, hit probability {@code prod_i (s/2 + 1/(2k))}) must fall outside it.
 */
class SequenceMixtureTest {
  static final int DRAWS = 4_000;
  static final double TAIL = 5e-7;

  static int hits(PaperBehaviour q, LearnerState s, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int hits = 0;
    for (int j = 0; j < DRAWS; j++) {
      hits += q.drawsTarget(s, 0, rng) ? 1 : 0;
    }
    return hits;
  }

  @Test
  void oneCoinPerResponseGivesHalfTheBasePlusHalfTheUniformLikelihood() {
    // k = 2, N = 6, s = 0.9: q0(y*) = 0.9^6, q(y*) = 0.9^6/2 + 2^-6/2 = 0.27353...
    ClusterFamily f = ClusterFamily.f1Shared(2, 6, new double[] {1.0},
        new TokenBase[] {TokenBase.correct(0.9)}, 1);
    LearnerState s = ClusterLearnerState.atZero(f);
    double p = 0.5 * Math.pow(0.9, 6) + 0.5 / 64;
    BinomialDistribution law = new BinomialDistribution(null, DRAWS, p);
    int lo = law.inverseCumulativeProbability(TAIL);
    int hi = law.inverseCumulativeProbability(1 - TAIL);
    // the false alarm from the shared exact tails (each by its own identity, no 1 - cdf)
    assertThat(BinomialTail.lower(DRAWS, p, lo - 1) + BinomialTail.upper(DRAWS, p, hi + 1))
        .isLessThanOrEqualTo(1e-6);
    int observed = hits(PaperBehaviour.SEQUENCE_MIXTURE, s, 2026);
    assertThat(observed).as("claim: sequence mixture hit rate %s, seed 2026", p)
        .isBetween(lo, hi);
    int mutant = hits(PaperBehaviour.TOKEN_MIXTURE, s, 2026);
    assertThat(mutant < lo || mutant > hi)
        .as("mutant: token-level mixing (rate %s) gave %d, inside [%d, %d]",
            Math.pow(0.45 + 0.25, 6), mutant, lo, hi)
        .isTrue();
  }
}
