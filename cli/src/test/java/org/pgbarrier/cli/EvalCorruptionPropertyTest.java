package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pgbarrier.cli.OneLineError.assertEmpty;
import static org.pgbarrier.cli.OneLineError.assertOneLineError;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.random.Seeds;

/**
 * Generated bad input for {@code pgbarrier eval}: seeded random corruptions of the conformance
 * inputs ({@code conformance/*.json}) are each either refused cleanly (exit 2, one line, no output
 * file, not even a temporary one) or accepted with output byte-identical to the clean input's.
 *
 * <p>Corruptions: truncation at a random byte; a random number literal replaced by a string,
 * null, boolean, array or object; a top-level key deleted, duplicated, or its value replaced by
 * another type; the top-level keys shuffled (valid: must give identical output). {@value #CASES}
 * cases from master seed {@value #SEED}, case {@code i} from {@code Seeds.stream(SEED, i)}.
 */
class EvalCorruptionPropertyTest {
  private static final long SEED = 20_260_806L;
  private static final int CASES = 300;
  /**
   * Numbers are kept as exact decimals when a corruption rewrites the file, so that the shuffled
   * input denotes the same numbers: pgbarrier/lq-v1 reads its eps as the exact decimal written.
   */
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();
  private static final Pattern NUMBER =
      Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final List<String> OTHER_TYPES =
      List.of("\"1\"", "null", "true", "[]", "{}", "[1]");

  @TempDir Path temp;

  @Test
  void everyCorruptionIsRefusedCleanlyOrGivesTheCleanOutput() throws IOException {
    List<Path> inputs;
    try (Stream<Path> files = Files.list(Cli.repositoryRoot().resolve("conformance"))) {
      inputs = files.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.toString().endsWith(".expected.json")).sorted().toList();
    }
    assertThat(inputs).hasSizeGreaterThanOrEqualTo(3);
    List<byte[]> clean = new ArrayList<>();
    for (Path input : inputs) {
      clean.add(evaluate(input, temp.resolve("clean-" + input.getFileName())));
    }
    int refused = 0;
    int accepted = 0;
    for (int i = 0; i < CASES; i++) {
      SplittableRandom rng = Seeds.stream(SEED, i);
      int which = rng.nextInt(inputs.size());
      String text = Files.readString(inputs.get(which));
      String kind = KINDS.get(rng.nextInt(KINDS.size()));
      String corrupted = corrupt(kind, text, rng);
      Path dir = Files.createDirectory(temp.resolve("case-" + i));
      Path in = Files.writeString(dir.resolve("in.json"), corrupted);
      Path outDir = Files.createDirectory(dir.resolve("out"));
      Path out = outDir.resolve("o.json");
      Cli result = Cli.run("eval", in.toString(), "--out", out.toString());
      String context = "case " + i + " (seed " + SEED + ", " + kind + " of "
          + inputs.get(which).getFileName() + "):\n" + corrupted;
      if (result.exitCode() == 0) {
        assertThat(Files.readAllBytes(out)).as(context).isEqualTo(clean.get(which));
        accepted++;
      } else {
        assertThat(result.exitCode()).as(context).isEqualTo(2);
        assertOneLineError(result, 2, "in.json: ");
        assertEmpty(outDir);
        refused++;
      }
    }
    // both branches are exercised: shuffles are valid, most corruptions are not
    assertThat(accepted).isPositive();
    assertThat(refused).isGreaterThan(CASES / 2);
  }

  private static final List<String> KINDS = List.of("truncate", "swap a number's type",
      "delete a key", "duplicate a key", "swap a key's type", "shuffle the keys");

  private static String corrupt(String kind, String text, SplittableRandom rng)
      throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(text);
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    String key = keys.get(rng.nextInt(keys.size()));
    switch (kind) {
      case "truncate":
        return text.substring(0, rng.nextInt(text.length()));
      case "swap a number's type": {
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
          spans.add(new int[] {m.start(), m.end()});
        }
        int[] span = spans.get(rng.nextInt(spans.size()));
        return text.substring(0, span[0]) + OTHER_TYPES.get(rng.nextInt(OTHER_TYPES.size()))
            + text.substring(span[1]);
      }
      case "delete a key":
        root.remove(key);
        return MAPPER.writeValueAsString(root);
      case "duplicate a key":
        return "{" + MAPPER.writeValueAsString(key) + ": "
            + MAPPER.writeValueAsString(root.get(key)) + ", " + text.strip().substring(1);
      case "swap a key's type": {
        JsonNode value = root.get(key);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode> others = new ArrayList<>(List.of(nodes.textNode("1"), nodes.nullNode(),
            nodes.booleanNode(true), nodes.arrayNode(), nodes.objectNode(), nodes.numberNode(2)));
        others.removeIf(o -> o.getNodeType() == value.getNodeType());
        root.set(key, others.get(rng.nextInt(others.size())));
        return MAPPER.writeValueAsString(root);
      }
      case "shuffle the keys": {
        Collections.shuffle(keys, new java.util.Random(rng.nextLong()));
        ObjectNode shuffled = JsonNodeFactory.instance.objectNode();
        for (String k : keys) {
          shuffled.set(k, root.get(k));
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(shuffled);
      }
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  private static byte[] evaluate(Path input, Path out) throws IOException {
    Cli result = Cli.run("eval", input.toString(), "--out", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    return Files.readAllBytes(out);
  }
}
