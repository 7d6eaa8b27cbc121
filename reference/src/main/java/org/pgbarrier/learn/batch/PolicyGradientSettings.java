package org.pgbarrier.learn.batch;

import org.pgbarrier.Checks;

/**
 * The settings of a policy-gradient phase (E2 or E3), as in the {@code pg:} block of the authors'
 * configs [CODE: configs/*.yaml]: {@code steps}, {@code batch_size} and {@code baseline}.
 *
 * <p>The baseline flag is taken as given. Note the authors' quirk (docs/theory.md §7.6): {@code
 * configs/outcome_reward.yaml} reads {@code baseline: fasle}, which YAML parses as a string and
 * Python's {@code bool("fasle")} makes {@code True}, so the outcome experiment runs with the mean
 * baseline; the process config's {@code baseline: false} runs without it. pgbarrier does not
 * reproduce Python truthiness: its config reader ({@link org.pgbarrier.io.config.ConfigReader})
 * takes only a YAML boolean here and refuses {@code fasle} with the key, the value and the line;
 * the shipped {@code configs/outcome_reward.yaml} writes {@code baseline: true}, which is what the
 * authors' run effectively used.
 *
 * @param steps number of steps {@code T} of a run, at least 1
 * @param batchSize responses per step {@code B}, at least 1
 * @param baseline whether the advantage subtracts the batch-mean reward
 */
public record PolicyGradientSettings(int steps, int batchSize, boolean baseline) {
  public PolicyGradientSettings {
    Checks.positive("steps", steps);
    Checks.positive("batchSize", batchSize);
  }
}
