package org.pgbarrier.io.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgbarrier.experiment.BehaviourSettings;
import org.pgbarrier.experiment.PgExperimentSettings;

/** Hydra-style overrides and OmegaConf-style {@code ${...}} interpolation. */
class ConfigOverridesTest {
  private static final String SOURCE = ShippedConfigs.OUTCOME;

  private static PgExperimentSettings outcome(String... overrides) {
    return (PgExperimentSettings) ConfigReader.parse(
        ShippedConfigs.text(SOURCE), SOURCE, List.of(overrides)).settings();
  }

  private static String refusalOf(String text, String... overrides) {
    try {
      ConfigReader.parse(text, SOURCE, List.of(overrides));
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted " + List.of(overrides));
  }

  private static String refusal(String... overrides) {
    return refusalOf(ShippedConfigs.text(SOURCE), overrides);
  }

  @Test
  void anOverrideSetsAValueAndIsTypedLikeYaml() {
    assertThat(outcome("experiment.pg.steps=10").pg().steps()).isEqualTo(10);
    assertThat(outcome("experiment.pg.baseline=false").baseline()).isFalse();
    assertThat(outcome("experiment.pg.optimizer.lr=1e-3").pg().optimizer().lr()).isEqualTo(1e-3);
    assertThat(refusal("experiment.pg.baseline=fasle")).isEqualTo(
        "override experiment.pg.baseline=fasle: experiment.pg.baseline = fasle: must be a"
            + " boolean (true or false), not a string");
    assertThat(refusal("global.output_dir=123")).isEqualTo("override global.output_dir=123:"
        + " global.output_dir = 123: must be a string, not an integer");
    assertThat(ConfigReader.parse(ShippedConfigs.text(SOURCE), SOURCE,
        List.of("global.output_dir='123'")).outputDir()).isEqualTo("123");
  }

  @Test
  void anOverriddenValueOutOfRangeOrUnknownNamesTheOverride() {
    assertThat(refusal("experiment.pg.optimizer.lr=-1")).isEqualTo(
        "override experiment.pg.optimizer.lr=-1: experiment.pg.optimizer.lr = -1: must be"
            + " finite and > 0");
    assertThat(refusal("experiment.pg.baselin=false")).isEqualTo(
        "override experiment.pg.baselin=false: experiment.pg.baselin = false: unknown key;"
            + " expected one of baseline, batch_size, behavior, optimizer, steps, test_every,"
            + " track_every");
    assertThat(refusal("global.d.x=1")).isEqualTo(
        "override global.d.x=1: global.d = 32: is not a mapping, so it has no key x");
  }

  @Test
  void plusAddsOnlyAbsentKeysAndTildeRemovesAKeySoItsDefaultApplies() {
    String process = ShippedConfigs.text(ShippedConfigs.PROCESS);
    PgExperimentSettings removed = (PgExperimentSettings) ConfigReader.parse(process,
        ShippedConfigs.PROCESS, List.of("~experiment.pg.baseline")).settings();
    assertThat(removed.baseline()).isTrue();
    assertThat(refusal("+experiment.pg.baseline=false")).startsWith(
        "override +experiment.pg.baseline=false: experiment.pg.baseline = true: is already set");
    assertThat(refusal("~experiment.pg.nothing"))
        .isEqualTo("override ~experiment.pg.nothing: experiment.pg.nothing: no such key to"
            + " remove");
    assertThat(outcome("~experiment.seed", "+experiment.seed=5").seed()).isEqualTo(5);
  }

  @Test
  void plusPlusAddsAnAbsentKeyOrOverridesAPresentOneAsHydraDoes() {
    assertThat(outcome("++experiment.seed=6").seed()).isEqualTo(6);
    assertThat(outcome("~experiment.seed", "++experiment.seed=8").seed()).isEqualTo(8);
    assertThat(refusal("++experiment.pg.nothing=1")).contains("experiment.pg.nothing")
        .contains("unknown key");
  }

  @Test
  void aMalformedOverrideIsRefused() {
    String rule = ": must be key=value, +key=value, ++key=value or ~key, with a dotted key such"
        + " as experiment.pg.steps";
    for (String bad : List.of("steps", "=3", "a..b=1", "~a=1", "experiment pg=1", "++a",
        "+++a=1", "++~a=1")) {
      assertThat(refusal(bad)).isEqualTo("override " + bad + rule);
    }
    assertThat(refusal("experiment.pg.steps=[1")).startsWith(
        "override experiment.pg.steps=[1: malformed YAML: ");
  }

  @Test
  void aFlowMappingReplacesAWholeBlock() {
    PgExperimentSettings s = outcome(
        "experiment.pg.behavior={_target_: EpsilonMixtureBehavior, k: '${global.k}',"
            + " epsilon: 0.25}");
    assertThat(s.behaviour()).isEqualTo(
        new BehaviourSettings.EpsilonMixture(0.25, new BehaviourSettings.OnPolicy()));
  }

  @Test
  void aWholeInterpolationKeepsItsTypeAndSeesTheOverrides() {
    String text = ShippedConfigs.text(SOURCE).replace(
        "_target_: utils.behavior_policy.OnPolicyBehavior",
        "_target_: UniformBehavior\n      k: ${global.k}");
    assertThat(ConfigReader.parse(text, SOURCE, List.of("global.k=16")).settings().data().k())
        .isEqualTo(16);
    String wrong = text.replace("k: ${global.k}", "k: ${global.d}");
    assertThat(refusalOf(wrong, "global.d=16")).endsWith(
        ": experiment.pg.behavior.k = ${global.d} (= 16): must equal global.k = 32, the"
            + " vocabulary the model samples from");
    String seed = ShippedConfigs.text(SOURCE).replace("experiment:\n  seed: 0",
        "experiment:\n  seed: ${global.seed}");
    assertThat(((PgExperimentSettings) ConfigReader.parse(seed, SOURCE,
        List.of("global.seed=7")).settings()).seed()).isEqualTo(7L);
  }

  @Test
  void aPartialInterpolationSplicesTextIntoTheResolvedConfig() {
    String text = ShippedConfigs.text(SOURCE).replace("experiment:\n",
        "experiment:\n  name: run_${global.seed}_${experiment.pg.baseline}_k${global.k}\n");
    ExperimentConfig config = ConfigReader.parse(text, SOURCE, List.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> experiment = (Map<String, Object>) config.resolved().get("experiment");
    assertThat(experiment.get("name")).isEqualTo("run_0_True_k32");
    assertThat(experiment.keySet()).startsWith("name", "seed", "likelihood_tracking_type");
  }

  @Test
  void badInterpolationsAreRefused() {
    String base = ShippedConfigs.text(SOURCE);
    assertThat(refusalOf(base.replace("  d: 32", "  d: ${global.k2}"))).endsWith(
        ": global.d = ${global.k2}: interpolation ${global.k2}: no such key in the config");
    assertThat(refusalOf(base.replace("  d: 32", "  d: ${global.k}")
        .replace("  k: 32", "  k: ${global.d}"))).contains(": global.d = ${global.k}:"
            + " interpolation cycle: global.d -> global.k -> global.d");
    assertThat(refusalOf(base.replace("  d: 32", "  d: ${oc.env:D}"))).endsWith(
        ": global.d = ${oc.env:D}: unsupported interpolation ${oc.env:D}: only absolute"
            + " references such as ${global.k} are supported");
    assertThat(refusalOf(base.replace("  d: 32", "  d: x${global.k"))).endsWith(
        ": global.d = x${global.k: unterminated ${ in the string");
  }

  @Test
  void theResolvedConfigHoldsTheOverridesAndInterpolationsButNoDefaults() {
    ExperimentConfig config = ConfigReader.parse(ShippedConfigs.text(SOURCE), SOURCE,
        List.of("experiment.pg.steps=12", "~experiment.seed"));
    @SuppressWarnings("unchecked")
    Map<String, Object> experiment = (Map<String, Object>) config.resolved().get("experiment");
    @SuppressWarnings("unchecked")
    Map<String, Object> pg = (Map<String, Object>) experiment.get("pg");
    assertThat(pg.get("steps")).isEqualTo(12L);
    assertThat(experiment).doesNotContainKey("seed");
    assertThat(config.resolved().keySet()).containsExactly("global", "experiment");
    assertThatThrownBy(() -> config.resolved().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
