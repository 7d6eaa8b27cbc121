/**
 * Sharpening (Huang et al., "Self-Improvement in Language Models: The Sharpening Mechanism",
 * arXiv 2412.01951, ICLR 2025) on finite response sets: the self-reward {@code log pi_base(y|x)},
 * best-of-N selection and its exact law, SFT-sharpening with a finite policy class or the linear
 * autoregressive model fitted by SGD, the adaptive stopping rule, the RLHF-sharpening optimum and
 * its DPO-style squared-loss regression on pairs. Section, theorem and proposition numbers follow
 * the camera-ready numbering (docs/theory.md §9).
 *
 * <p>A response is an index {@code 0..K-1} into a base law {@code p} over a finite response set
 * (for an autoregressive model, the enumeration of {@code V^H}).
 */
package org.pgbarrier.sharpen;
