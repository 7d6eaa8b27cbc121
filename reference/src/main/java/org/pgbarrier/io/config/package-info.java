/**
 * The strict reader of the authors' experiment configs (github.com/mousavih/rlvr-base-model-barrier,
 * {@code configs/*.yaml}) [CODE]: {@link org.pgbarrier.io.config.ConfigReader} turns YAML text and
 * Hydra-style overrides into {@link org.pgbarrier.experiment.ExperimentSettings} and the resolved
 * config ({@link org.pgbarrier.io.config.ExperimentConfig}), or refuses it with one {@link
 * org.pgbarrier.io.config.ConfigException} whose message is one line naming the file and line (or
 * the override), the key path, the value and the rule. Schema and defaults: docs/config.md.
 */
package org.pgbarrier.io.config;
