package org.pgbarrier.testkit.engine;

import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.LongFunction;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.pgbarrier.Checks;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;

/**
 * A statistical experiment made of {@code runs} independent replicates and a decision rule over
 * their observations. Replicate {@code r}'s observation is a function of the check seed and
 * {@code r} alone (e.g. a run on {@code Seeds.stream(checkSeed, r + 1)}: {@code Seeds.derive} is
 * the SplitMix64 finaliser of {@code checkSeed + (r + 1) * 0x9E3779B97F4A7C15}, computed without
 * the streams before it), so one replicate can be rerun without the others. Given to {@link
 * StatisticalProperty#experiment(Replicates)}, the check's failure message and ledger record name
 * one replicate, the one {@code named} picks, with a command that reruns just that replicate
 * ({@code -Dpgbarrier.replay='ID/check@seed#r'}).
 *
 * <p>The replicates run in parallel, replicate {@code r} writing slot {@code r}, so the
 * observations have the same bits at any thread count; {@code replicate} must be safe to call
 * concurrently for different {@code r}.
 *
 * @param runs the number of replicates, at least 1
 * @param replicate replicate {@code r}'s observation under the check seed
 * @param named the replicate the record and the failure message name for replay
 * @param rule the decision over all observations, in replicate order
 */
public record Replicates(int runs, Replicate replicate, Pick named, Rule rule)
    implements LongFunction<Decision> {
  /** One replicate: all of its randomness comes from {@code checkSeed} and {@code r}. */
  @FunctionalInterface
  public interface Replicate {
    double observe(long checkSeed, int r);
  }

  /**
   * The decision rule over the observations of all replicates, in replicate order; it also gets
   * the check seed, for what the replicates share (e.g. an instance drawn from the seed's stream
   * 0) and the detail reports.
   */
  @FunctionalInterface
  public interface Rule {
    Decision decide(long checkSeed, double[] observations);
  }

  /**
   * Which replicate to name for replay, given all observations: its index, or -1 for none.
   *
   * @param description the replicate in words, e.g. {@code the largest observation}
   * @param index the index of the named replicate, or -1
   */
  public record Pick(String description, ToIntFunction<double[]> index) {
    public Pick {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(index, "index");
    }

    /** The replicate with the largest observation (the first of ties; NaN above everything). */
    public static Pick largest() {
      return new Pick("the largest observation", obs -> extreme(obs, 1));
    }

    /** The replicate with the smallest observation (the first of ties; NaN below nothing). */
    public static Pick smallest() {
      return new Pick("the smallest observation", obs -> extreme(obs, -1));
    }

    /**
     * The first replicate whose observation counts against the rule, e.g. {@code first("the first
     * run above the bound", t -> t > bound)}; none if no observation does.
     */
    public static Pick first(String description, DoublePredicate countsAgainst) {
      return new Pick(description, obs -> {
        for (int r = 0; r < obs.length; r++) {
          if (countsAgainst.test(obs[r])) {
            return r;
          }
        }
        return -1;
      });
    }

    /** The first index whose observation is extreme in {@link Double#compare} order, by sign. */
    private static int extreme(double[] obs, int sign) {
      int best = 0;
      for (int r = 1; r < obs.length; r++) {
        if (sign * Double.compare(obs[r], obs[best]) > 0) {
          best = r;
        }
      }
      return best;
    }
  }

  public Replicates {
    Checks.positive("runs", runs);
    Objects.requireNonNull(replicate, "replicate");
    Objects.requireNonNull(named, "named");
    Objects.requireNonNull(rule, "rule");
  }

  /** The observations of all replicates under {@code checkSeed}, in replicate order. */
  public double[] observe(long checkSeed) {
    double[] out = new double[runs];
    IntStream.range(0, runs).parallel()
        .forEach(r -> out[r] = replicate.observe(checkSeed, r));
    return out;
  }

  /** Replicate {@code r}'s observation alone, the same bits as slot {@code r} of a full run. */
  public double observe(long checkSeed, int r) {
    return replicate.observe(checkSeed, Checks.inRange("replicate", r, 0, runs - 1));
  }

  /** The rule's decision on all replicates under {@code checkSeed}. */
  @Override
  public Decision apply(long checkSeed) {
    return rule.decide(checkSeed, observe(checkSeed));
  }
}
