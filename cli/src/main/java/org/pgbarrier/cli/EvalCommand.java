package org.pgbarrier.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pgbarrier.io.conformance.BigramEvaluation;
import org.pgbarrier.io.conformance.BigramEvaluationWriter;
import org.pgbarrier.io.conformance.BigramEvaluator;
import org.pgbarrier.io.conformance.BigramInput;
import org.pgbarrier.io.conformance.BigramInputReader;
import org.pgbarrier.io.conformance.ConformanceFormats;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.conformance.LqEvaluator;
import org.pgbarrier.io.conformance.LqInput;
import org.pgbarrier.io.conformance.LqInputReader;
import org.pgbarrier.io.conformance.PgStepEvaluator;
import org.pgbarrier.io.conformance.PgStepInput;
import org.pgbarrier.io.conformance.PgStepInputReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pgbarrier eval IN.json [--out OUT.json]}: evaluates a {@code pgbarrier/bigram-v1}, {@code
 * pgbarrier/lq-v1} or {@code pgbarrier/pg-step-v1} input, told apart by its {@code format} key.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates a " + BigramInput.FORMAT + " input: token and sequence log-likelihoods (natural"
          + " log) of the given responses, greedy decodes, and the gradient of the summed"
          + " log-likelihood with respect to W1 and W2, written as " + BigramEvaluation.FORMAT
          + " JSON; a " + LqInput.FORMAT + " input: likelihood quantiles of a sample; a "
          + PgStepInput.FORMAT + " input: one policy-gradient or Adagrad step. The input's"
          + " format key selects the format. See docs/conformance.md.",
      "Exit codes: 0 ok, 2 bad arguments or input, 1 runtime failure."
    })
final class EvalCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN.json", description = "the input file")
  private Path input;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "OUT.json",
      description = "write the result here, atomically, instead of to standard output")
  private String out;

  @Override
  public Integer call() throws IOException {
    Output output = new Output("--out", out);
    output.check();
    Output.Content content;
    try {
      content = evaluate(ConformanceFormats.formatOf(input));
    } catch (InputException e) {
      throw new InputException(input + ": " + e.getMessage(), e);
    } catch (ArithmeticException e) {
      throw new ArithmeticException(input + ": " + e.getMessage());
    }
    output.write(spec.commandLine().getOut(), content);
    return ExitCode.OK;
  }

  /**
   * Reads and evaluates the input in {@code format}; input errors are {@link InputException}s,
   * evaluation failures {@link ArithmeticException}s, both without the file name.
   */
  private Output.Content evaluate(String format) throws IOException {
    switch (format) {
      case LqInput.FORMAT -> {
        LqInput parsed = LqInputReader.read(input);
        double[][] result = LqEvaluator.evaluate(parsed);
        return w -> LqEvaluator.write(parsed, result, w);
      }
      case PgStepInput.FORMAT -> {
        PgStepEvaluator.Result result = PgStepEvaluator.evaluate(PgStepInputReader.read(input));
        return w -> PgStepEvaluator.write(result, w);
      }
      default -> {
        BigramEvaluation result = BigramEvaluator.evaluate(BigramInputReader.read(input));
        return w -> BigramEvaluationWriter.write(result, w);
      }
    }
  }
}
