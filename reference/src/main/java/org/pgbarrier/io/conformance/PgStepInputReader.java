package org.pgbarrier.io.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.JsonCursor;
import org.pgbarrier.io.Rules;

/**
 * The strict reader of {@code pgbarrier/pg-step-v1} files (docs/conformance.md §7): the keys and
 * rules of {@code pgbarrier/bigram-v1} ({@link BigramInputReader}, same two passes, same
 * messages) plus {@code rewards} and {@code step}, read in the second pass once {@code d}, {@code
 * k}, {@code N} and {@code B} are known.
 */
public final class PgStepInputReader {
  /** The keys beyond those of bigram-v1. */
  public static final List<String> EXTRA_KEYS = List.of("rewards", "step");

  private static final Map<String, List<String>> STEP_KEYS = Map.of(
      "gradient-norm", List.of("rule"),
      "constant", List.of("rule", "eta"),
      "adagrad", List.of("rule", "lr", "eps", "state_W1", "state_W2"));
  private static final String RULES = "\"gradient-norm\", \"constant\" or \"adagrad\"";

  private PgStepInputReader() {}

  /** Reads {@code file} with the JVM's maximum heap as the memory budget. */
  public static PgStepInput read(Path file) throws IOException {
    return read(file, Runtime.getRuntime().maxMemory());
  }

  /**
   * Reads and validates {@code file}.
   *
   * @throws InputException if the file is missing, not a readable regular file, or breaks the
   *     format
   */
  public static PgStepInput read(Path file, long heapBytes) throws IOException {
    Extras extras = new Extras();
    BigramInput bigram = BigramInputReader.read(file, heapBytes, extras);
    if (extras.advantages == null || extras.step == null) {
      throw new InputException("the file changed while it was being read");
    }
    return new PgStepInput(bigram, extras.advantages, extras.outcome, extras.step);
  }

  /** The two extra keys, filled in the second pass. */
  private static final class Extras implements BigramInputReader.Extension {
    double[][] advantages;
    boolean outcome;
    PgStepInput.Step step;

    @Override
    public String format() {
      return PgStepInput.FORMAT;
    }

    @Override
    public List<String> keys() {
      return EXTRA_KEYS;
    }

    @Override
    public double extraBytes(int d, int k, int length, int batch) {
      // advantages and their copy, two accumulator states and their copies, the output weights.
      return 2 * 8.0 * batch * (length + 2) + 6 * 8.0 * ((double) d * k + (double) k * k);
    }

    @Override
    public void read(String key, JsonCursor cursor, int d, int k, int length, int batch)
        throws IOException {
      if (key.equals("rewards")) {
        readRewards(cursor, batch, length);
      } else {
        step = readStep(cursor, d, k);
      }
    }

    private void readRewards(JsonCursor cursor, int batch, int length) throws IOException {
      cursor.requireObject("rewards", "an object with one key, outcome or process");
      Set<String> seen = new LinkedHashSet<>();
      while (cursor.nextKey()) {
        String key = cursor.key();
        switch (key) {
          case "outcome" -> {
            double[] r = readRow(cursor, "rewards.outcome", batch);
            advantages = new double[batch][length];
            for (int b = 0; b < batch; b++) {
              Arrays.fill(advantages[b], r[b]);
            }
            outcome = true;
          }
          case "process" -> advantages = BigramInputReader.readMatrix(
              cursor, "rewards.process", batch, "B (the rows of x)", length, "N");
          default -> throw new InputException("unknown key " + JsonCursor.quote(key)
              + " in rewards: must be outcome or process");
        }
        seen.add(key);
      }
      if (seen.size() != 1) {
        throw new InputException("rewards has " + (seen.isEmpty() ? "no key" : "keys "
            + String.join(", ", seen)) + ": must have exactly one of outcome, process");
      }
    }

    private static double[] readRow(JsonCursor cursor, String name, int batch)
        throws IOException {
      cursor.requireArray(name, "an array of numbers");
      double[] r = new double[batch];
      int b = 0;
      for (; cursor.nextElement(); b++) {
        if (b < batch) {
          r[b] = cursor.readDouble(name + "[" + b + "]");
        } else {
          cursor.skip();
        }
      }
      if (b != batch) {
        throw Rules.rowLength(name, b, "B (the rows of x)", batch);
      }
      return r;
    }

    private static PgStepInput.Step readStep(JsonCursor cursor, int d, int k) throws IOException {
      cursor.requireObject("step", "an object with a \"rule\" key");
      Set<String> seen = new LinkedHashSet<>();
      String rule = null;
      double eta = Double.NaN;
      double lr = Double.NaN;
      double eps = Double.NaN;
      double[][] s1 = null;
      double[][] s2 = null;
      while (cursor.nextKey()) {
        String key = cursor.key();
        switch (key) {
          case "rule" -> {
            rule = cursor.readString("step.rule", "must be " + RULES);
            if (!STEP_KEYS.containsKey(rule)) {
              throw new InputException("step.rule = " + JsonCursor.quote(rule) + ": must be "
                  + RULES);
            }
          }
          case "eta" -> eta = cursor.readDouble("step.eta");
          case "lr" -> lr = cursor.readDouble("step.lr");
          case "eps" -> eps = cursor.readDouble("step.eps");
          case "state_W1" -> s1 = BigramInputReader.readMatrix(
              cursor, "step.state_W1", d, "d", k, "k");
          case "state_W2" -> s2 = BigramInputReader.readMatrix(
              cursor, "step.state_W2", k, "k", k, "k");
          default -> throw new InputException("unknown key " + JsonCursor.quote(key)
              + " in step: must be one of rule, eta, lr, eps, state_W1, state_W2");
        }
        seen.add(key);
      }
      if (rule == null) {
        throw new InputException("step has no key \"rule\": must name the rule, " + RULES);
      }
      List<String> allowed = STEP_KEYS.get(rule);
      for (String key : seen) {
        if (!allowed.contains(key)) {
          throw new InputException("step.rule = \"" + rule + "\" takes no key \"" + key
              + "\": its keys are " + String.join(", ", allowed));
        }
      }
      for (String key : allowed) {
        if (!seen.contains(key)) {
          throw new InputException("missing key \"" + key + "\" in step: step.rule = \"" + rule
              + "\" needs " + String.join(", ", allowed));
        }
      }
      return switch (rule) {
        case "gradient-norm" -> new PgStepInput.GradientNorm();
        case "constant" -> new PgStepInput.Constant(eta);
        default -> new PgStepInput.AdagradStep(lr, eps, s1, s2);
      };
    }
  }
}
