package org.pgbarrier.learn.batch;

import java.util.Objects;
import org.pgbarrier.learn.behaviour.BehaviourPolicy;
import org.pgbarrier.model.LinearAutoregressiveModel;

/** What the two REINFORCE learners (E2, E3) share: the behaviour's checks. */
final class PolicyGradients {
  private PolicyGradients() {}

  /** Requires the behaviour to emit the model's vocabulary. */
  static <X> BehaviourPolicy<X> checkVocabulary(
      BehaviourPolicy<X> behaviour, LinearAutoregressiveModel<X> model) {
    Objects.requireNonNull(behaviour, "behaviour");
    if (behaviour.vocabularySize() != model.vocabularySize()) {
      throw new IllegalArgumentException("behaviour vocabulary size = "
          + behaviour.vocabularySize() + ": must equal the model's k = "
          + model.vocabularySize());
    }
    return behaviour;
  }
}
