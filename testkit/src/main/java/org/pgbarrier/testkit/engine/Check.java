package org.pgbarrier.testkit.engine;

/**
 * One case of a property: given the drawn parameters and the case seed (from which the check
 * derives its instance and any randomness), observe whether the property holds.
 */
@FunctionalInterface
public interface Check {
  Observation apply(Params params, long seed);
}
