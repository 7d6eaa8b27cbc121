package org.pgbarrier.io.conformance;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link BigramEvaluation} as {@code pgbarrier/bigram-v1-eval} JSON (docs/conformance.md):
 * keys in the order {@code format, token_logprob, seq_logprob, greedy, grad_W1, grad_W2}, one
 * matrix row per line, every {@code double} as {@link Double#toString(double)} (which reads back
 * to the same double, never fixed decimals) and every token id as a decimal integer. The values
 * are finite by {@link BigramEvaluation}'s contract, so the output is always valid JSON.
 */
public final class BigramEvaluationWriter {
  private BigramEvaluationWriter() {}

  /** Writes {@code evaluation} to {@code out} and flushes it; {@code out} is not closed. */
  public static void write(BigramEvaluation evaluation, Writer out) throws IOException {
    out.write("{\n  \"format\": \"" + BigramEvaluation.FORMAT + "\",\n");
    writeMatrix(out, "token_logprob", evaluation.tokenLogProb());
    out.write(",\n  \"seq_logprob\": ");
    writeRow(out, evaluation.seqLogProb());
    out.write(",\n");
    writeMatrix(out, "greedy", evaluation.greedy());
    out.write(",\n");
    writeMatrix(out, "grad_W1", evaluation.gradW1());
    out.write(",\n");
    writeMatrix(out, "grad_W2", evaluation.gradW2());
    out.write("\n}\n");
    out.flush();
  }

  private static void writeMatrix(Writer out, String key, double[][] rows) throws IOException {
    out.write("  \"" + key + "\": [");
    for (int r = 0; r < rows.length; r++) {
      out.write(r == 0 ? "\n    " : ",\n    ");
      writeRow(out, rows[r]);
    }
    out.write("\n  ]");
  }

  private static void writeMatrix(Writer out, String key, int[][] rows) throws IOException {
    out.write("  \"" + key + "\": [");
    for (int r = 0; r < rows.length; r++) {
      out.write(r == 0 ? "\n    [" : ",\n    [");
      for (int c = 0; c < rows[r].length; c++) {
        if (c > 0) {
          out.write(", ");
        }
        out.write(Integer.toString(rows[r][c]));
      }
      out.write(']');
    }
    out.write("\n  ]");
  }

  private static void writeRow(Writer out, double[] row) throws IOException {
    out.write('[');
    for (int c = 0; c < row.length; c++) {
      if (c > 0) {
        out.write(", ");
      }
      out.write(Double.toString(row[c]));
    }
    out.write(']');
  }
}
