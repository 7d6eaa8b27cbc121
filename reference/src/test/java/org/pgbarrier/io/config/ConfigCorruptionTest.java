package org.pgbarrier.io.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pgbarrier.random.Seeds;

/**
 * Generated inputs (issue 8): random corruptions of the shipped configs (truncation at a random
 * offset, a scalar swapped for one of another YAML type, a key deleted, a key duplicated, a line
 * re-indented) are each either refused with a one-line {@link ConfigException}, never another
 * exception, or accepted with settings equal to those of a clean parse of an equivalent document.
 *
 * <p>The equivalent document is built independently of the text edit: the original config with
 * command-line overrides that state the meaning of the edit, a deleted key becoming its documented
 * default (docs/config.md, restated in {@link #DEFAULTS}), a truncated value the value left. A
 * corruption with no equivalent (a duplicate key, a wrong type, a required key lost, a key cut
 * before its colon) must be refused. Seeded: master seed {@value #SEED}, {@value #CASES} cases.
 */
class ConfigCorruptionTest {
  private static final long SEED = 20261122L;
  private static final int CASES = 600;
  private static final String[] CONFIGS =
      {ShippedConfigs.OUTCOME, ShippedConfigs.PROCESS, ShippedConfigs.CDF};

  /**
   * The documented default of each optional key of the shipped configs, as the overrides that
   * write it out; a key of a shipped config that is not here is required.
   */
  private static final Map<String, List<String>> DEFAULTS = Map.ofEntries(
      Map.entry("experiment.seed", List.of("experiment.seed=${global.seed}")),
      Map.entry("experiment.likelihood_tracking_type",
          List.of("experiment.likelihood_tracking_type=uniform")),
      Map.entry("experiment.initial_likelihood_threshold",
          List.of("experiment.initial_likelihood_threshold=1e-12")),
      Map.entry("experiment.track_initial_quantiles",
          List.of("experiment.track_initial_quantiles=15")),
      Map.entry("experiment.base_likelihood_histogram_bins",
          List.of("experiment.base_likelihood_histogram_bins=80")),
      Map.entry("experiment.pg.track_every",
          List.of("experiment.pg.track_every=${experiment.pg.test_every}")),
      Map.entry("experiment.pg.baseline", List.of("experiment.pg.baseline=true")),
      Map.entry("experiment.pg.behavior",
          List.of("experiment.pg.behavior={_target_: OnPolicyBehavior}")),
      Map.entry("experiment.supervised.optimizer._partial_",
          List.of("experiment.supervised.optimizer._partial_=true")),
      Map.entry("experiment.pg.optimizer._partial_",
          List.of("experiment.pg.optimizer._partial_=true")),
      Map.entry("experiment.optimizer._partial_", List.of("experiment.optimizer._partial_=true")),
      Map.entry("global.data_generator",
          List.of("global.data_generator={_target_: RademacherInputGenerator}")));

  /** Replacement scalars, one per YAML type the reader distinguishes. */
  private static final String[] REPLACEMENTS =
      {"fasle", "'0.1'", "true", "7", "2.5", "null", "[1, 2]", "{a: 1}"};

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern FLOAT = Pattern.compile("-?[0-9]*\\.[0-9]*(e-?[0-9]+)?|[0-9]+e-?[0-9]+");

  /** What a corrupt document must do: be refused, or mean the original with these overrides. */
  private record Expectation(boolean refuse, List<String> overrides, String edit) {
    static Expectation refuse(String edit) {
      return new Expectation(true, List.of(), edit);
    }

    static Expectation equivalent(List<String> overrides, String edit) {
      return new Expectation(false, overrides, edit);
    }
  }

  /** A line of a block-style config: its indentation, key and value ({@code null} key if none). */
  private record Line(String text, int indent, String key, String value, String path, int colon) {
    boolean isKey() {
      return key != null;
    }
  }

  @Test
  void corruptedConfigsAreRefusedCleanlyOrMeanWhatAnEquivalentDocumentMeans() {
    int refused = 0;
    for (int c = 0; c < CASES; c++) {
      SplittableRandom rng = Seeds.stream(SEED, c);
      String name = CONFIGS[rng.nextInt(CONFIGS.length)];
      String original = ShippedConfigs.text(name);
      List<Line> lines = lines(original);
      StringBuilder corrupt = new StringBuilder();
      Expectation expectation = switch (c % 5) {
        case 0 -> truncate(original, lines, rng, corrupt);
        case 1 -> swapType(lines, rng, corrupt);
        case 2 -> delete(lines, rng, corrupt);
        case 3 -> duplicate(lines, rng, corrupt);
        default -> reindent(lines, rng, corrupt);
      };
      String repro = "case " + c + " (seed " + SEED + ") of " + name + ": " + expectation.edit();
      ExperimentConfig read;
      try {
        read = ConfigReader.parse(corrupt.toString(), name, List.of());
      } catch (ConfigException e) {
        assertThat(e.getMessage()).as(repro).doesNotContain("\n").startsWith(name + ":");
        refused++;
        continue;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(repro + ": threw " + e, e);
      }
      if (expectation.refuse()) {
        fail(repro + ": accepted, but no equivalent document exists:\n" + corrupt);
      }
      ExperimentConfig expected;
      try {
        expected = ConfigReader.parse(original, name, expectation.overrides());
      } catch (ConfigException e) {
        throw new AssertionError(repro + ": accepted, but the equivalent document "
            + expectation.overrides() + " is refused: " + e.getMessage());
      }
      assertThat(read.settings()).as(repro).isEqualTo(expected.settings());
      assertThat(read.kind()).as(repro).isEqualTo(expected.kind());
      assertThat(read.outputDir()).as(repro).isEqualTo(expected.outputDir());
    }
    // Both outcomes occur, so neither branch of the property is vacuous.
    assertThat(refused).isBetween(CASES / 5, CASES - CASES / 20);
  }

  /** Cut at a random offset. */
  private static Expectation truncate(String text, List<Line> lines, SplittableRandom rng,
      StringBuilder out) {
    int offset = rng.nextInt(text.length());
    out.append(text, 0, offset);
    int start = 0;
    int cut = 0;
    for (int i = 0; i < lines.size(); i++) {
      int end = start + lines.get(i).text().length() + 1;
      if (offset < end) {
        cut = i;
        break;
      }
      start = end;
    }
    String edit = "truncated at offset " + offset + " (line " + (cut + 1) + ")";
    int column = offset - start;
    Line line = lines.get(cut);
    List<String> overrides = new ArrayList<>();
    String partial = null;
    if (line.isKey() && column > line.indent()) {
      if (column <= line.colon()) {
        return Expectation.refuse(edit + ", inside the key " + line.path());
      }
      partial = uncommented(line.text().substring(line.colon() + 1, column)).strip();
      overrides.add(line.path() + "=" + partial);
    }
    List<String> deleted = new ArrayList<>();
    for (int i = partial == null ? cut : cut + 1; i < lines.size(); i++) {
      if (lines.get(i).isKey()) {
        deleted.add(lines.get(i).path());
      }
    }
    for (String path : deleted) {
      if (deleted.stream().anyMatch(p -> path.startsWith(p + "."))
          || partial != null && path.startsWith(line.path() + ".")) {
        continue;
      }
      List<String> fallback = DEFAULTS.get(path);
      if (fallback == null) {
        return Expectation.refuse(edit + ", losing the required key " + path);
      }
      overrides.addAll(fallback);
    }
    return Expectation.equivalent(overrides, edit);
  }

  /** Replace a scalar by one of another YAML type. */
  private static Expectation swapType(List<Line> lines, SplittableRandom rng, StringBuilder out) {
    List<Integer> scalars = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isKey() && !lines.get(i).value().isEmpty()) {
        scalars.add(i);
      }
    }
    int index = scalars.get(rng.nextInt(scalars.size()));
    Line line = lines.get(index);
    String type = type(line.value());
    List<String> others = new ArrayList<>();
    for (String r : REPLACEMENTS) {
      if (!type(r).equals(type)) {
        others.add(r);
      }
    }
    String replacement = others.get(rng.nextInt(others.size()));
    for (int i = 0; i < lines.size(); i++) {
      out.append(i == index ? " ".repeat(line.indent()) + line.key() + ": " + replacement
          : lines.get(i).text()).append('\n');
    }
    String edit = line.path() + ": " + line.value() + " -> " + replacement;
    // An integer is a number: the one swap of type with a meaning.
    return type.equals("float") && type(replacement).equals("int")
        ? Expectation.equivalent(List.of(line.path() + "=" + replacement), edit)
        : Expectation.refuse(edit);
  }

  /** Delete a key with its block. */
  private static Expectation delete(List<Line> lines, SplittableRandom rng, StringBuilder out) {
    int index = randomKey(lines, rng);
    int end = blockEnd(lines, index);
    for (int i = 0; i < lines.size(); i++) {
      if (i < index || i >= end) {
        out.append(lines.get(i).text()).append('\n');
      }
    }
    String path = lines.get(index).path();
    List<String> fallback = DEFAULTS.get(path);
    return fallback == null ? Expectation.refuse("deleted the required key " + path)
        : Expectation.equivalent(fallback, "deleted " + path);
  }

  /** Write a key with its block twice. */
  private static Expectation duplicate(List<Line> lines, SplittableRandom rng,
      StringBuilder out) {
    int index = randomKey(lines, rng);
    int end = blockEnd(lines, index);
    for (int i = 0; i < lines.size(); i++) {
      out.append(lines.get(i).text()).append('\n');
      if (i == end - 1) {
        for (int j = index; j < end; j++) {
          out.append(lines.get(j).text()).append('\n');
        }
      }
    }
    return Expectation.refuse("duplicated " + lines.get(index).path());
  }

  /** Shift one line (of any kind) by a few columns; only comments and blanks may move freely. */
  private static Expectation reindent(List<Line> lines, SplittableRandom rng, StringBuilder out) {
    int index = rng.nextInt(lines.size());
    int[] deltas = {-4, -2, -1, 1, 2, 4};
    Line line = lines.get(index);
    int delta = deltas[rng.nextInt(deltas.length)];
    int indent = line.indent() + (line.indent() + delta < 0 ? -delta : delta);
    for (int i = 0; i < lines.size(); i++) {
      out.append(i == index ? " ".repeat(indent) + line.text().strip() : lines.get(i).text())
          .append('\n');
    }
    return Expectation.equivalent(List.of(), "line " + (index + 1) + " re-indented from "
        + line.indent() + " to " + indent);
  }

  private static int randomKey(List<Line> lines, SplittableRandom rng) {
    List<Integer> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isKey()) {
        keys.add(i);
      }
    }
    return keys.get(rng.nextInt(keys.size()));
  }

  /** One past the last line of the block of the key at {@code index}. */
  private static int blockEnd(List<Line> lines, int index) {
    int end = index + 1;
    while (end < lines.size() && (!lines.get(end).isKey()
        || lines.get(end).indent() > lines.get(index).indent())) {
      end++;
    }
    return end;
  }

  /** The YAML type of a value as written in the shipped configs and {@link #REPLACEMENTS}. */
  private static String type(String value) {
    if (INTEGER.matcher(value).matches()) {
      return "int";
    }
    if (FLOAT.matcher(value).matches()) {
      return "float";
    }
    if (value.equals("true") || value.equals("false")) {
      return "bool";
    }
    if (value.equals("null")) {
      return "null";
    }
    if (value.startsWith("[")) {
      return "list";
    }
    if (value.startsWith("{")) {
      return "mapping";
    }
    return "string";
  }

  private static String uncommented(String value) {
    int hash = value.indexOf(" #");
    return hash < 0 ? value : value.substring(0, hash);
  }

  /** The lines of a block-style config, with the dotted path of every key. */
  private static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    List<Line> open = new ArrayList<>();
    for (String raw : text.split("\n", -1)) {
      String stripped = raw.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        out.add(new Line(raw, raw.length() - raw.stripLeading().length(), null, null, null, -1));
        continue;
      }
      int indent = raw.length() - raw.stripLeading().length();
      int colon = raw.indexOf(':');
      String key = raw.substring(indent, colon);
      String value = uncommented(raw.substring(colon + 1)).strip();
      open.removeIf(l -> l.indent() >= indent);
      String path = open.isEmpty() ? key : open.get(open.size() - 1).path() + "." + key;
      Line line = new Line(raw, indent, key, value, path, colon);
      open.add(line);
      out.add(line);
    }
    if (out.get(out.size() - 1).text().isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
