package org.pgbarrier.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Seeds#derive} is the SplitMix64 output sequence of its master seed: checked against the
 * published reference values of SplitMix64 for seed 1234567 (Vigna's {@code splitmix64.c}, as
 * tabulated on Rosetta Code, "Pseudo-random numbers/Splitmix64") and against the JDK's {@link
 * SplittableRandom}, whose {@code nextLong} is the same generator.
 */
class SeedsTest {
  @Test
  void deriveReproducesTheReferenceSplitMix64Sequence() {
    long[] reference = {
        Long.parseUnsignedLong("6457827717110365317"),
        Long.parseUnsignedLong("3203168211198807973"),
        Long.parseUnsignedLong("9817491932198370423"),
        Long.parseUnsignedLong("4593380528125082431"),
        Long.parseUnsignedLong("16408922859458223821")};
    for (int i = 0; i < reference.length; i++) {
      assertThat(Seeds.derive(1234567L, i)).as("index %d", i).isEqualTo(reference[i]);
    }
  }

  @Test
  void deriveAgreesWithSplittableRandomAndStreamSeedsFromIt() {
    for (long master : new long[] {0L, -1L, 42L, Long.MIN_VALUE}) {
      SplittableRandom jdk = new SplittableRandom(master);
      for (int i = 0; i < 100; i++) {
        assertThat(Seeds.derive(master, i)).isEqualTo(jdk.nextLong());
      }
      assertThat(Seeds.stream(master, 7).nextLong())
          .isEqualTo(new SplittableRandom(Seeds.derive(master, 7)).nextLong());
    }
  }
}
