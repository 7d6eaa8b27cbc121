package org.pgbarrier.io.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The strict reader of the authors' experiment configs (github.com/mousavih/rlvr-base-model-barrier,
 * {@code configs/*.yaml}, every published version) [CODE], as used by {@code pgbarrier run
 * CONFIG.yaml [key=value ...]}. Schema, defaults and messages: docs/config.md.
 *
 * <p>Reading goes: YAML text to a tree that keeps every line ({@link YamlTree}: malformed YAML,
 * duplicate keys, several documents, tags, anchors refused); the command-line overrides, Hydra
 * style ({@link Overrides}: {@code a.b=v}, {@code +a.b=v}, {@code ~a.b}); OmegaConf-style {@code
 * ${a.b}} interpolation ({@link Interpolation}); then binding to {@link
 * org.pgbarrier.experiment.ExperimentSettings} ({@link Binder}): unknown keys, missing required
 * keys, wrong types, unknown {@code _target_}s and out-of-range values refused. The experiment is
 * {@code experiment.type} if given, else the file name ({@code outcome_reward.yaml}, {@code
 * process_reward.yaml}, {@code cdf_quantile.yaml}, {@code threshold_track.yaml}).
 *
 * <p>Unlike the authors' Python stack, values are never coerced: {@code baseline: fasle} is
 * refused ({@code config.yaml:33: experiment.pg.baseline = fasle: must be a boolean (true or
 * false), not a string}) where Python's {@code bool("fasle")} silently made it true. Every refusal
 * is one {@link ConfigException} with a one-line message; nothing else is thrown for any input
 * text or override.
 */
public final class ConfigReader {
  /** The largest config file read, in bytes: configs are a few hundred bytes. */
  public static final long MAX_FILE_BYTES = 1 << 20;

  private static final String DOCUMENT_RULE =
      "must be a mapping with the keys global and experiment";

  private ConfigReader() {}

  /**
   * Reads the config file {@code file}, named in messages as given, with {@code overrides}
   * applied in order.
   *
   * @throws ConfigException if the file is missing, not UTF-8 text, too large, or not a valid
   *     config, or an override is invalid
   * @throws IOException if reading fails otherwise
   */
  public static ExperimentConfig read(Path file, List<String> overrides) throws IOException {
    String source = file.toString();
    if (!Files.exists(file)) {
      throw new ConfigException(source + ": no such file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ConfigException(source + ": not a readable regular file");
    }
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new ConfigException(source + ": larger than " + MAX_FILE_BYTES
          + " bytes, which no config is");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(source + ": not UTF-8 text");
    }
    return parse(text, source, overrides);
  }

  /**
   * Reads a config given as text.
   *
   * @param yaml the YAML text
   * @param source its name in messages; its last path segment is the file name the experiment
   *     kind is taken from when {@code experiment.type} is absent
   * @param overrides Hydra-style overrides, applied in order before interpolation
   * @throws ConfigException if the text is not a valid config or an override is invalid
   */
  public static ExperimentConfig parse(String yaml, String source, List<String> overrides) {
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    Node.Mapping tree = YamlTree.document(text, source, DOCUMENT_RULE);
    for (String override : overrides) {
      Overrides.apply(tree, override);
    }
    Node.Mapping resolved = Interpolation.resolve(tree);
    String fileName = source.substring(Math.max(source.lastIndexOf('/'),
        source.lastIndexOf('\\')) + 1);
    Binder.Bound bound = Binder.bind(resolved, Origin.line(source, 1), fileName);
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) resolved.plain();
    return new ExperimentConfig(source, bound.kind(), bound.settings(), bound.outputDir(), plain);
  }
}
