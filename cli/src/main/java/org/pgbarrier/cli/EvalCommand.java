package org.pgbarrier.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pgbarrier.io.BigramEvaluation;
import org.pgbarrier.io.BigramEvaluationWriter;
import org.pgbarrier.io.BigramEvaluator;
import org.pgbarrier.io.BigramInput;
import org.pgbarrier.io.BigramInputReader;
import org.pgbarrier.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pgbarrier eval IN.json [--out OUT.json]}: evaluates a {@code pgbarrier/bigram-v1} input. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates a " + BigramInput.FORMAT + " input: token and sequence log-likelihoods (natural"
          + " log) of the given responses, greedy decodes, and the gradient of the summed"
          + " log-likelihood with respect to W1 and W2, written as " + BigramEvaluation.FORMAT
          + " JSON. See docs/conformance.md.",
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
    BigramInput parsed;
    try {
      parsed = BigramInputReader.read(input);
    } catch (InputException e) {
      throw new InputException(input + ": " + e.getMessage(), e);
    }
    BigramEvaluation result;
    try {
      result = BigramEvaluator.evaluate(parsed);
    } catch (ArithmeticException e) {
      throw new ArithmeticException(input + ": " + e.getMessage());
    }
    output.write(spec.commandLine().getOut(), w -> BigramEvaluationWriter.write(result, w));
    return ExitCode.OK;
  }
}
