package org.pgbarrier.io.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of refusal of {@link ConfigReader}: one {@link ConfigException} whose one-line
 * message names the source and line, the key path, the value as written and the rule. The
 * documents are the shipped {@code configs/outcome_reward.yaml} with one edit; the expected line
 * is found in the edited text by the test.
 */
class ConfigErrorsTest {
  private static final String SOURCE = ShippedConfigs.OUTCOME;

  private static String outcome() {
    return ShippedConfigs.text(SOURCE);
  }

  /** {@code text} with the first {@code from} after {@code anchor} replaced by {@code to}. */
  private static String edit(String text, String anchor, String from, String to) {
    int at = text.indexOf(from, text.indexOf(anchor));
    assertThat(text.indexOf(anchor)).as("anchor %s", anchor).isNotNegative();
    assertThat(at).as("fragment %s", from).isNotNegative();
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  private static String edit(String from, String to) {
    return edit(outcome(), "", from, to);
  }

  /** The 1-based line of the first {@code fragment} after {@code anchor}. */
  private static int line(String text, String anchor, String fragment) {
    int at = text.indexOf(fragment, text.indexOf(anchor));
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static int line(String text, String fragment) {
    return line(text, "", fragment);
  }

  private static String refusal(String text, String source, String... overrides) {
    try {
      ConfigReader.parse(text, source, List.of(overrides));
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
      return e.getMessage();
    }
    throw new AssertionError("accepted:\n" + text);
  }

  private static String refusal(String text) {
    return refusal(text, SOURCE);
  }

  @Test
  void aBooleanGivenFasleIsRefusedWithKeyValueAndLineNotMadeTrue() {
    String text = edit("baseline: true", "baseline: fasle");
    assertThat(refusal(text)).isEqualTo(SOURCE + ":" + line(text, "    baseline: fasle")
        + ": experiment.pg.baseline = fasle: must be a boolean (true or false), not a string");
  }

  @Test
  void yamlOneOneBooleanWordsAreNotBooleans() {
    String text = edit("baseline: true", "baseline: yes");
    assertThat(refusal(text)).isEqualTo(SOURCE + ":" + line(text, "baseline: yes")
        + ": experiment.pg.baseline = yes: must be a boolean (true or false), not a string");
  }

  @Test
  void anUnknownKeyIsRefusedWithTheKeysThatWouldBeAccepted() {
    String text = edit("baseline: true", "baselin: true");
    assertThat(refusal(text)).isEqualTo(SOURCE + ":" + line(text, "baselin:")
        + ": experiment.pg.baselin = true: unknown key; expected one of baseline, batch_size,"
        + " behavior, optimizer, steps, test_every, track_every");
    String top = outcome() + "hydra:\n  run: x\n";
    assertThat(refusal(top)).isEqualTo(SOURCE + ":" + line(top, "hydra:")
        + ": hydra = {run}: unknown key; expected one of experiment, global");
  }

  @Test
  void aMissingRequiredKeyIsRefusedAtTheLineOfItsMapping() {
    String text = edit("    steps: 4000\n", "");
    assertThat(refusal(text)).isEqualTo(SOURCE + ":" + line(text, "  pg:")
        + ": experiment.pg.steps: required key is missing");
    String noOutput = edit("  output_dir: outputs/outcome_reward\n", "");
    assertThat(refusal(noOutput)).isEqualTo(SOURCE + ":" + line(noOutput, "global:")
        + ": global.output_dir: required key is missing");
    String noGlobal = "experiment:\n  seed: 0\n";
    assertThat(refusal(noGlobal)).isEqualTo(SOURCE + ":1: global: required key is missing");
  }

  @Test
  void anUnknownTargetIsRefusedWithTheKnownOnes() {
    String text = edit(outcome(), "  pg:", "torch.optim.Adagrad", "torch.optim.Adam");
    assertThat(refusal(text)).isEqualTo(SOURCE + ":" + line(text, "torch.optim.Adam")
        + ": experiment.pg.optimizer._target_ = torch.optim.Adam: unknown target; expected one"
        + " of Adagrad, SGD (optionally prefixed with torch.optim.)");
    String wrongModule = edit("utils.data_generator.MixtureInputGenerator",
        "utils.behavior_policy.MixtureInputGenerator");
    assertThat(refusal(wrongModule)).contains(
        ": global.data_generator._target_ = utils.behavior_policy.MixtureInputGenerator:"
            + " unknown target; expected one of MixtureInputGenerator, RademacherInputGenerator"
            + " (optionally prefixed with utils.data_generator.)");
  }

  @Test
  void theAuthorsQualifiedTargetsAndTheShortNamesMeanTheSame() {
    String shortNames = outcome().replace("utils.data_generator.", "")
        .replace("torch.optim.", "").replace("utils.behavior_policy.", "");
    assertThat(ConfigReader.parse(shortNames, SOURCE, List.of()).settings())
        .isEqualTo(ConfigReader.parse(outcome(), SOURCE, List.of()).settings());
  }

  @Test
  void outOfRangeValuesAreRefusedWithTheSettingsRule() {
    String lr = edit(outcome(), "  pg:", "lr: 0.1", "lr: -0.1");
    assertThat(refusal(lr)).isEqualTo(SOURCE + ":" + line(lr, "lr: -0.1")
        + ": experiment.pg.optimizer.lr = -0.1: must be finite and > 0");
    String d = edit("  d: 32", "  d: 0");
    assertThat(refusal(d)).isEqualTo(SOURCE + ":" + line(d, "  d: 0")
        + ": global.d = 0: must be at least 1");
    String k = edit("  k: 32", "  k: 1");
    assertThat(refusal(k)).isEqualTo(SOURCE + ":" + line(k, "  k: 1")
        + ": global.k = 1: must be at least 2");
    String sigma = edit("sigma: 0.05", "sigma: -.05");
    assertThat(refusal(sigma)).isEqualTo(SOURCE + ":" + line(sigma, "sigma")
        + ": global.data_generator.sigma = -.05: must be finite and >= 0");
    String quantiles = edit("track_initial_quantiles: 16", "track_initial_quantiles: 0");
    assertThat(refusal(quantiles)).isEqualTo(SOURCE + ":" + line(quantiles, "track_initial")
        + ": experiment.track_initial_quantiles = 0: must be at least 1");
    String epsilon = edit("_target_: utils.behavior_policy.OnPolicyBehavior",
        "_target_: EpsilonMixtureBehavior\n      epsilon: 1.5");
    assertThat(refusal(epsilon)).isEqualTo(SOURCE + ":" + line(epsilon, "epsilon")
        + ": experiment.pg.behavior.epsilon = 1.5: must be in [0.0, 1.0]");
  }

  @Test
  void integerKeysRefuseFloatsAndValuesBeyondTheirRange() {
    String real = edit("steps: 4000", "steps: 4000.0");
    assertThat(refusal(real)).endsWith(
        ": experiment.pg.steps = 4000.0: must be an integer, not a float");
    String big = edit("steps: 4000", "steps: 3000000000");
    assertThat(refusal(big)).endsWith(": experiment.pg.steps = 3000000000: must be an integer in"
        + " [-2147483648, 2147483647]");
    String seed = edit("  seed: 0", "  seed: 99999999999999999999");
    assertThat(refusal(seed)).endsWith(": global.seed = 99999999999999999999: must be an integer"
        + " in [-9223372036854775808, 9223372036854775807]");
    String quoted = edit("steps: 4000", "steps: '4000'");
    assertThat(refusal(quoted)).endsWith(
        ": experiment.pg.steps = 4000: must be an integer, not a string");
  }

  @Test
  void nullIsNotAValueAndAScalarIsNotAMapping() {
    String empty = edit(outcome(), "  pg:", "lr: 0.1", "lr:");
    assertThat(refusal(empty)).isEqualTo(SOURCE + ":" + line(empty, "  pg:", "lr:")
        + ": experiment.pg.optimizer.lr = (empty): must be a number, not null");
    String scalar = edit(outcome(), "  pg:",
        "optimizer:\n      _target_: torch.optim.Adagrad\n      _partial_: true\n      lr: 0.1",
        "optimizer: adagrad");
    assertThat(refusal(scalar)).isEqualTo(SOURCE + ":" + line(scalar, "optimizer: adagrad")
        + ": experiment.pg.optimizer = adagrad: must be a mapping (an indented block of keys),"
        + " not a string");
  }

  @Test
  void mixtureCentresNeedTheMixtureGenerator() {
    String text = edit("_target_: utils.data_generator.MixtureInputGenerator\n"
        + "    num_mix: 32\n    sigma: 0.05", "_target_: RademacherInputGenerator");
    assertThat(refusal(text)).isEqualTo(SOURCE + ":" + line(text, "track_source")
        + ": global.track_source = mixture_centers: needs global.data_generator to be"
        + " MixtureInputGenerator, whose means are the centres");
  }

  @Test
  void aDuplicateKeyIsRefusedWithBothLines() {
    String text = edit("  seed: 0\n", "  seed: 0\n  seed: 3\n");
    assertThat(refusal(text)).isEqualTo(SOURCE + ":" + line(text, "seed: 3")
        + ": global.seed = 3: duplicate key (first at " + SOURCE + ":" + line(text, "seed: 0")
        + ")");
  }

  @Test
  void aDocumentThatIsNotAMappingIsRefused() {
    String rule = ": must be a mapping with the keys global and experiment";
    assertThat(refusal("- global\n- experiment\n", "x.yaml"))
        .isEqualTo("x.yaml:1: (document) = [...]" + rule);
    assertThat(refusal("just text\n", "x.yaml"))
        .isEqualTo("x.yaml:1: (document) = just text" + rule);
    assertThat(refusal("", "x.yaml")).isEqualTo("x.yaml:1: (document) = (empty)" + rule);
    assertThat(refusal("# nothing but a comment\n", "x.yaml"))
        .isEqualTo("x.yaml:1: (document) = (empty)" + rule);
    assertThat(refusal(outcome() + "---\nglobal: {}\n")).isEqualTo(SOURCE + ":"
        + line(outcome() + "---\n", "---") + ": a second YAML document: a config is one document"
        + " (remove the '---')");
  }

  @Test
  void malformedOrTruncatedYamlIsRefusedWithItsLine() {
    String bracket = edit("  d: 32", "  d: [32");
    assertThat(refusal(bracket)).startsWith(SOURCE + ":").contains(": malformed YAML: ");
    String quote = outcome().substring(0, outcome().indexOf("outputs/outcome_reward"))
        + "\"outputs/out";
    assertThat(refusal(quote)).startsWith(SOURCE + ":" + line(quote, "outputs/out")
        + ": malformed YAML: ");
    String indent = edit("    num_mix: 32", "   num_mix: 32");
    assertThat(refusal(indent)).startsWith(SOURCE + ":" + line(indent, "num_mix")
        + ": malformed YAML: ");
  }

  @Test
  void anchorsAliasesAndTagsAreRefused() {
    String anchor = edit("  d: 32", "  d: &width 32");
    assertThat(refusal(anchor)).isEqualTo(SOURCE + ":" + line(anchor, "&width")
        + ": global.d = &width: YAML anchors are not supported: write the value");
    String tag = edit("  d: 32", "  d: !!int 32");
    assertThat(refusal(tag)).isEqualTo(SOURCE + ":" + line(tag, "!!int") + ": global.d ="
        + " tag:yaml.org,2002:int 32: explicit YAML tags are not supported: write the plain value");
  }

  @Test
  void theExperimentComesFromTheFileNameOrTheTypeKeyAndTheyMustAgree() {
    String text = outcome();
    assertThat(refusal(text, "configs/mine.yaml")).isEqualTo("configs/mine.yaml:"
        + line(text, "experiment:") + ": experiment.type: required key is missing: the file"
        + " name mine.yaml names no experiment (outcome_reward, process_reward, cdf_quantile,"
        + " threshold_track)");
    assertThat(ConfigReader.parse(text, "configs/mine.yaml",
        List.of("+experiment.type=outcome_reward")).kind())
        .isEqualTo(ExperimentKind.OUTCOME_REWARD);
    String typed = edit("experiment:\n", "experiment:\n  type: process_reward\n");
    assertThat(refusal(typed)).isEqualTo(SOURCE + ":" + line(typed, "type:")
        + ": experiment.type = process_reward: contradicts the file name outcome_reward.yaml");
    assertThat(refusal(typed.replace("process_reward", "sft"), "a.yaml")).endsWith(
        ": experiment.type = sft: must be one of outcome_reward, process_reward, cdf_quantile,"
            + " threshold_track");
  }

  @Test
  void crossKeyRulesAreRefusedAtTheKeyThatBreaksThem() {
    String k = edit("_target_: utils.behavior_policy.OnPolicyBehavior",
        "_target_: UniformBehavior\n      k: 10");
    assertThat(refusal(k)).isEqualTo(SOURCE + ":" + line(k, "k: 10")
        + ": experiment.pg.behavior.k = 10: must equal global.k = 32, the vocabulary the model"
        + " samples from");
    String threshold = edit("likelihood_tracking_type: uniform",
        "likelihood_tracking_type: threshold");
    assertThat(refusal(threshold)).isEqualTo(SOURCE + ":" + line(threshold, "experiment:")
        + ": experiment.initial_likelihood_threshold: required key is missing (threshold"
        + " tracking needs it)");
    String partial = edit(outcome(), "  pg:", "_partial_: true", "_partial_: false");
    assertThat(refusal(partial)).endsWith(": experiment.pg.optimizer._partial_ = false: must be"
        + " true: the optimiser is created afresh for each phase, on that phase's weights");
    String bins = edit("base_likelihood_histogram_bins: 120",
        "base_likelihood_histogram_bins: 120\n  supervised_track_histogram_bins: 100");
    assertThat(refusal(bins)).endsWith(": experiment.supervised_track_histogram_bins = 100:"
        + " conflicts with base_likelihood_histogram_bins (the later name of the same setting):"
        + " give one");
    String reward = edit("experiment:\n", "experiment:\n  reward_type: process\n");
    assertThat(refusal(reward)).endsWith(
        ": experiment.reward_type = process: contradicts the experiment outcome_reward");
  }

  @Test
  void aMissingOrUnreadableFileIsRefusedByName(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("outcome_reward.yaml");
    assertThatThrownBy(() -> ConfigReader.read(missing, List.of()))
        .isInstanceOf(ConfigException.class).hasMessage(missing + ": no such file");
    Files.write(missing, new byte[] {'g', 'l', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> ConfigReader.read(missing, List.of()))
        .isInstanceOf(ConfigException.class).hasMessage(missing + ": not UTF-8 text");
    assertThatThrownBy(() -> ConfigReader.read(dir, List.of()))
        .isInstanceOf(ConfigException.class).hasMessage(dir + ": not a readable regular file");
  }
}
