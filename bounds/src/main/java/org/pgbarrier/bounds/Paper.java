package org.pgbarrier.bounds;

/** The papers whose claims are checked. */
public enum Paper {
  /** Mousavi-Hosseini and Erdogdu, Post-Training with Policy Gradients: Optimality and the Base Model Barrier. */
  BASE_MODEL_BARRIER("arXiv:2603.06957"),
  /** Huang et al., Self-Improvement in Language Models: The Sharpening Mechanism. */
  SHARPENING("arXiv:2412.01951"),
  /** Li and Liu, accessible support: capability elicitation versus creation. */
  ACCESSIBLE_SUPPORT("arXiv:2605.08368");

  private final String arxiv;

  Paper(String arxiv) {
    this.arxiv = arxiv;
  }

  /** The arXiv identifier, e.g. {@code arXiv:2603.06957}. */
  public String arxiv() {
    return arxiv;
  }
}
