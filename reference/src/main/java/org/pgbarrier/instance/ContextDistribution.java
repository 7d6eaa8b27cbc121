package org.pgbarrier.instance;

import java.util.random.RandomGenerator;

/** The context distribution {@code D}, labelled with {@code y*(x)}. */
@FunctionalInterface
public interface ContextDistribution<X> {
  /** One draw {@code (x, y*(x))}, {@code x ~ D}, using only {@code rng}. */
  Labeled<X> sample(RandomGenerator rng);
}
