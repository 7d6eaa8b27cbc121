package org.pgbarrier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pgbarrier.io.conformance.BigramEvaluation;
import org.pgbarrier.io.conformance.BigramEvaluator;
import org.pgbarrier.io.conformance.BigramInputReader;
import org.pgbarrier.io.conformance.ConformanceFormats;
import org.pgbarrier.io.conformance.LqEvaluator;
import org.pgbarrier.io.conformance.LqInput;
import org.pgbarrier.io.conformance.LqInputReader;
import org.pgbarrier.io.conformance.PgStepEvaluator;
import org.pgbarrier.io.conformance.PgStepInput;
import org.pgbarrier.io.conformance.PgStepInputReader;

/**
 * The golden files of conformance/ (written by conformance/generate_golden.py from 50-digit
 * decimal arithmetic, independently of this code), in all three formats: {@code pgbarrier eval
 * NAME.json} must match {@code NAME.expected.json} key for key, to relative tolerance 1e-12
 * (absolute 1e-300 at zero), greedy decodes exactly, and the numbers it writes must read back to
 * the evaluator's doubles bit for bit.
 */
class ConformanceGoldenTest {
  private static final double RELATIVE = 1e-12;
  private static final double ABSOLUTE = 1e-300;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> goldenInputsEvaluateToTheirExpectedFiles() throws IOException {
    return goldenInputs().stream().map(input -> DynamicTest.dynamicTest(
        input.getFileName().toString(), () -> matchesExpected(input)));
  }

  @TestFactory
  Stream<DynamicTest> writtenNumbersReadBackToTheEvaluatorsDoublesBitForBit() throws IOException {
    return goldenInputs().stream().map(input -> DynamicTest.dynamicTest(
        input.getFileName().toString(), () -> roundTrips(input)));
  }

  private static List<Path> goldenInputs() throws IOException {
    Path dir = Cli.repositoryRoot().resolve("conformance");
    List<Path> inputs;
    try (Stream<Path> files = Files.list(dir)) {
      inputs = files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
          .sorted()
          .toList();
    }
    assertThat(inputs).as("golden inputs in %s", dir).hasSizeGreaterThanOrEqualTo(3);
    return inputs;
  }

  private JsonNode evaluateWithCli(Path input) throws IOException {
    Path out = temp.resolve(input.getFileName());
    Cli result = Cli.run("eval", input.toString(), "--out", out.toString());
    assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
    assertThat(result.err()).isEmpty();
    return JSON.readTree(out.toFile());
  }

  private void matchesExpected(Path input) throws IOException {
    String name = input.getFileName().toString();
    Path expectedFile = input.resolveSibling(name.replace(".json", ".expected.json"));
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    JsonNode actual = evaluateWithCli(input);
    assertThat(fieldNames(actual)).as(name + " keys").isEqualTo(fieldNames(expected));
    if (expected.has("eps")) {
      // lq-v1 levels are exact decimals: compare their canonical texts, not doubles.
      assertThat(epsText(Files.readString(temp.resolve(input.getFileName()))))
          .as(name + " eps").isEqualTo(epsText(Files.readString(expectedFile)));
    }
    for (String key : fieldNames(expected)) {
      if (key.equals("format") || key.equals("greedy")) {
        assertThat(actual.get(key)).as(name + " " + key).isEqualTo(expected.get(key));
      } else {
        compareNumbers(name + " " + key, actual.get(key), expected.get(key));
      }
    }
  }

  private static void compareNumbers(String path, JsonNode actual, JsonNode expected) {
    if (expected.isArray()) {
      assertThat(actual.isArray()).as(path + " is an array").isTrue();
      assertThat(actual.size()).as(path + " length").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        compareNumbers(path + "[" + i + "]", actual.get(i), expected.get(i));
      }
      return;
    }
    double a = actual.doubleValue();
    double b = expected.doubleValue();
    double error = Math.abs(a - b);
    if (!(error <= RELATIVE * Math.abs(b) || error <= ABSOLUTE)) {
      fail("%s = %s, expected %s: relative error %.3g above %.0e", path, a, b,
          error / Math.abs(b), RELATIVE);
    }
  }

  private void roundTrips(Path input) throws IOException {
    JsonNode written = evaluateWithCli(input);
    switch (ConformanceFormats.formatOf(input)) {
      case LqInput.FORMAT -> {
        double[][] direct = LqEvaluator.evaluate(LqInputReader.read(input));
        assertBits("log_lq", written.get("log_lq"), new double[][] {direct[0]});
        assertBits("log_authors_quantile", written.get("log_authors_quantile"),
            new double[][] {direct[1]});
        if (direct[2] != null) {
          assertBits("log_token_lq", written.get("log_token_lq"), new double[][] {direct[2]});
        }
        return;
      }
      case PgStepInput.FORMAT -> {
        PgStepEvaluator.Result direct = PgStepEvaluator.evaluate(PgStepInputReader.read(input));
        assertBits("W1", written.get("W1"), direct.w1());
        assertBits("W2", written.get("W2"), direct.w2());
        if (direct.stateW1() != null) {
          assertBits("state_W1", written.get("state_W1"), direct.stateW1());
          assertBits("state_W2", written.get("state_W2"), direct.stateW2());
        }
        return;
      }
      default -> { }
    }
    BigramEvaluation direct = BigramEvaluator.evaluate(BigramInputReader.read(input));
    assertBits("token_logprob", written.get("token_logprob"), direct.tokenLogProb());
    assertBits("seq_logprob", written.get("seq_logprob"), new double[][] {direct.seqLogProb()});
    assertBits("grad_W1", written.get("grad_W1"), direct.gradW1());
    assertBits("grad_W2", written.get("grad_W2"), direct.gradW2());
  }

  private static void assertBits(String key, JsonNode node, double[][] values) {
    List<Double> read = new ArrayList<>();
    flatten(node, read);
    List<Double> direct = new ArrayList<>();
    for (double[] row : values) {
      for (double v : row) {
        direct.add(v);
      }
    }
    assertThat(read).as(key).hasSameSizeAs(direct);
    for (int i = 0; i < read.size(); i++) {
      assertThat(Double.doubleToRawLongBits(read.get(i)))
          .as("%s entry %d: read %s, evaluated %s", key, i, read.get(i), direct.get(i))
          .isEqualTo(Double.doubleToRawLongBits(direct.get(i)));
    }
  }

  private static void flatten(JsonNode node, List<Double> into) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, into));
    } else {
      into.add(node.doubleValue());
    }
  }

  private static String epsText(String json) {
    int start = json.indexOf("\"eps\": [");
    return json.substring(start, json.indexOf(']', start) + 1);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
