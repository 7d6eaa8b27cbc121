package org.pgbarrier.instance;

import java.util.List;
import java.util.Map;
import org.pgbarrier.model.LinearAutoregressiveModel;

/**
 * A generated problem: a model class, a context distribution {@code D} labelled by {@code y*},
 * the teacher weights {@code w*} with their margin, a base model {@code w_base}, and the
 * provenance, a {@link Recipe} (family, parameters, seed) that regenerates it bit for bit.
 *
 * @param <X> the context type
 */
public final class Instance<X> {
  private final Recipe recipe;
  private final LinearAutoregressiveModel<X> model;
  private final double[] wStar;
  private final double[] wBase;
  private final double requestedGamma;
  private final ContextDistribution<X> distribution;
  private final List<Labeled<X>> contexts;

  Instance(
      Recipe recipe,
      LinearAutoregressiveModel<X> model,
      double[] wStar,
      double[] wBase,
      double requestedGamma,
      ContextDistribution<X> distribution,
      List<Labeled<X>> contexts) {
    this.recipe = recipe;
    this.model = model;
    this.wStar = wStar.clone();
    this.wBase = wBase.clone();
    this.requestedGamma = requestedGamma;
    this.distribution = distribution;
    this.contexts = List.copyOf(contexts);
  }

  /** The family name: {@code G1-tabular}, {@code G2-planted-gaussian}, {@code G3-bigram}, ... */
  public String family() {
    return recipe.family();
  }

  /** The generator's parameters, in declaration order. */
  public Map<String, Object> parameters() {
    return recipe.parameters();
  }

  public long seed() {
    return recipe.seed();
  }

  public LinearAutoregressiveModel<X> model() {
    return model;
  }

  /** The teacher {@code w*}: greedy decoding of it returns {@code y*}. */
  public double[] wStar() {
    return wStar.clone();
  }

  /** The base model {@code w_base} (zero, i.e. uniform, where the family prescribes none). */
  public double[] wBase() {
    return wBase.clone();
  }

  /** The margin the generator promises, {@code NaN} when it promises none (G3). */
  public double requestedGamma() {
    return requestedGamma;
  }

  public ContextDistribution<X> distribution() {
    return distribution;
  }

  /**
   * The labelled contexts: the whole support when {@code D} is finite, otherwise a fixed sample
   * drawn from {@code D} (the certification sample).
   */
  public List<Labeled<X>> contexts() {
    return contexts;
  }

  /** The realised margin of {@code w*} on {@link #contexts()}, against the requested one. */
  public MarginCertificate certify() {
    return Margins.certify(model, wStar, contexts, requestedGamma);
  }

  /** One line: family, parameters and seed. */
  public String describe() {
    return recipe.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
