package org.pgbarrier.experiment;

import org.pgbarrier.learn.Adagrad;
import org.pgbarrier.learn.ConstantStep;
import org.pgbarrier.learn.StepRule;

/**
 * The step rule of an {@code optimizer:} block [CODE: configs/*.yaml]: {@code torch.optim.Adagrad}
 * is {@link Adagrad}; plain {@code torch.optim.SGD} ({@code w <- w - lr g}, no momentum) is the
 * constant ascent step {@link ConstantStep} with {@code eta = lr}.
 */
final class Optimizers {
  private Optimizers() {}

  static StepRule of(OptimizerSettings optimizer) {
    return switch (optimizer.kind()) {
      case ADAGRAD -> new Adagrad(optimizer.lr());
      case SGD -> new ConstantStep(optimizer.lr());
    };
  }
}
