/**
 * Accessible support, after arXiv 2605.08368 (Li and Liu): what a model can practically produce
 * under a finite sampling budget, the four regimes of a target set, the elicitation-versus-creation
 * test, and the divergence budget. The paper gives no formal definition ("not meant to be a new
 * formal object with a unique estimator", §4.1); everything here is the operational definition of
 * docs/theory.md §10.3-§10.7 and is [RECONSTRUCTED].
 */
package org.pgbarrier.support;
