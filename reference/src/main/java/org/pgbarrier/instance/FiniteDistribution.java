package org.pgbarrier.instance;

import java.util.List;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.random.Draws;

/**
 * A distribution on finitely many labelled contexts with given probabilities: exact expectations
 * over {@code D} are finite sums over {@link #support()}.
 */
public final class FiniteDistribution<X> implements ContextDistribution<X> {
  private final List<Labeled<X>> support;
  private final double[] probabilities;
  private final double[] cumulative;

  /** The uniform distribution on {@code support}. */
  public static <X> FiniteDistribution<X> uniform(List<Labeled<X>> support) {
    double[] p = new double[support.size()];
    java.util.Arrays.fill(p, 1.0 / support.size());
    return new FiniteDistribution<>(support, p);
  }

  public FiniteDistribution(List<Labeled<X>> support, double[] probabilities) {
    Checks.positive("support size", support.size());
    Checks.length("probabilities", probabilities.length, support.size());
    this.support = List.copyOf(support);
    this.probabilities = probabilities.clone();
    this.cumulative = new double[probabilities.length];
    double total = 0;
    for (int i = 0; i < probabilities.length; i++) {
      Checks.nonNegative("probabilities[" + i + "]", probabilities[i]);
      total += probabilities[i];
      cumulative[i] = total;
    }
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("probabilities sum to " + total + ": must sum to 1");
    }
  }

  public List<Labeled<X>> support() {
    return support;
  }

  /** {@code P_D[x = support().get(i)]}. */
  public double probability(int i) {
    return probabilities[i];
  }

  @Override
  public Labeled<X> sample(RandomGenerator rng) {
    return support.get(Draws.indexOfCumulative(cumulative, rng.nextDouble()));
  }
}
