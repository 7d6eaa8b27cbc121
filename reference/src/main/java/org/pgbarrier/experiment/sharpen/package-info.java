/**
 * Best-of-N sharpening as an experiment (arXiv 2412.01951; docs/theory.md §9) with the
 * accessible-support regime map of its base model (arXiv 2605.08368; docs/theory.md §10): validated
 * settings, the sweep, and its result records. {@code pgbarrier sharpen} adds the options, the
 * progress bar, the files and the figures.
 */
package org.pgbarrier.experiment.sharpen;
