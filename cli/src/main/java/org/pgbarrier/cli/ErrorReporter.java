package org.pgbarrier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.pgbarrier.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into exactly one line {@code pgbarrier: message} on standard error and an
 * exit code: {@code 2} for bad arguments ({@link ParameterException}, {@link UsageException}) and
 * bad input ({@link InputException}), {@code 1} for everything else. Never a stack trace.
 */
final class ErrorReporter
    implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    report(command.getErr(), e.getMessage() + " (see "
        + command.getCommandSpec().qualifiedName() + " --help)");
    return ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine command, ParseResult parseResult) {
    if (e instanceof InputException || e instanceof UsageException) {
      report(command.getErr(), e.getMessage());
      return ExitCode.USAGE;
    }
    report(command.getErr(), describe(e));
    return ExitCode.SOFTWARE;
  }

  /** Prints {@code pgbarrier: message} with all line breaks folded into spaces. */
  static void report(PrintWriter err, String message) {
    err.println("pgbarrier: " + message.replaceAll("\\s*\\R\\s*", " ").strip());
    err.flush();
  }

  /** A message for an unexpected failure: its own message, with its kind where that helps. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    if (e instanceof ArithmeticException && message != null) {
      return message;
    }
    String kind = e instanceof IOException ? "I/O error (" + e.getClass().getSimpleName() + ")"
        : e.getClass().getSimpleName();
    return message == null ? kind : kind + ": " + message;
  }
}
