package org.pgbarrier.instance;

/** A context {@code x} with its correct response {@code y*(x)}. */
public record Labeled<X>(X x, int[] target) {
  public Labeled {
    target = target.clone();
  }

  @Override
  public int[] target() {
    return target.clone();
  }
}
