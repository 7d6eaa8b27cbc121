package org.pgbarrier.experiment;

import java.util.Objects;
import org.pgbarrier.Checks;

/**
 * The {@code global:} block of the authors' configs [CODE: configs/*.yaml]: the data every
 * experiment of a run shares.
 *
 * @param seed the global seed: draws the ground truth {@code W1*, W2*} and the data
 * @param d input dimension
 * @param k vocabulary size, at least 2
 * @param seqLength response length {@code N}
 * @param testSetSize contexts of the fixed test set on which the test error is measured
 * @param trackSetSize contexts of the tracking pool when {@code trackSource} is {@code SAMPLE}
 * @param trackSource where the tracked samples come from
 * @param inputs the input generator
 */
public record DataSettings(
    long seed,
    int d,
    int k,
    int seqLength,
    int testSetSize,
    int trackSetSize,
    TrackSource trackSource,
    InputGenerator inputs) {
  public DataSettings {
    Checks.positive("d", d);
    Checks.atLeast("k", k, 2);
    Checks.positive("seq_length", seqLength);
    Checks.positive("test_set_size", testSetSize);
    Checks.positive("track_set_size", trackSetSize);
    Objects.requireNonNull(trackSource, "track_source");
    Objects.requireNonNull(inputs, "data_generator");
  }

  /** {@code track_source}: the pool the tracked samples are chosen from. */
  public enum TrackSource {
    /** the test set itself */
    TEST,
    /** a fresh sample of {@code track_set_size} contexts */
    SAMPLE,
    /** the mixture centres (only with {@link InputGenerator.Mixture}) */
    MIXTURE_CENTERS
  }

  /** {@code data_generator}: the law of the inputs {@code x} [CODE: utils/data_generator.py]. */
  public sealed interface InputGenerator {
    /**
     * {@code MixtureInputGenerator}: means {@code e_(j mod d)}, {@code j < numMix}, noise {@code
     * N(0, sigma^2 I)} clipped to norm at most {@code sigma}, then {@code x} rescaled to norm
     * {@code sqrt(d)}.
     */
    record Mixture(int numMix, double sigma) implements InputGenerator {
      public Mixture {
        Checks.positive("num_mix", numMix);
        Checks.nonNegative("sigma", sigma);
      }
    }

    /** {@code RademacherInputGenerator}: {@code x} uniform on {@code {-1, +1}^d}. */
    record Rademacher() implements InputGenerator {}
  }
}
