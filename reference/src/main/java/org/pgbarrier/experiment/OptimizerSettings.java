package org.pgbarrier.experiment;

import java.util.Objects;
import org.pgbarrier.Checks;

/**
 * An {@code optimizer:} block [CODE: configs/*.yaml]: {@code torch.optim.Adagrad} (torch defaults
 * but the learning rate: accumulator from 0, eps 1e-10, no decay; see {@code learn.Adagrad}) or
 * plain {@code torch.optim.SGD}, each with its {@code lr}.
 *
 * @param kind which optimiser
 * @param lr its learning rate, positive and finite
 */
public record OptimizerSettings(Kind kind, double lr) {
  public OptimizerSettings {
    Objects.requireNonNull(kind, "optimizer._target_");
    Checks.positive("lr", lr);
  }

  /** The optimisers of the authors' configs. */
  public enum Kind {
    ADAGRAD,
    SGD
  }
}
