package org.pgbarrier.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.pgbarrier.io.conformance.BigramEvaluation;
import org.pgbarrier.io.conformance.BigramInput;
import org.pgbarrier.io.conformance.LqEvaluator;
import org.pgbarrier.io.conformance.LqInput;
import org.pgbarrier.io.conformance.PgStepEvaluator;
import org.pgbarrier.io.conformance.PgStepInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code pgbarrier} command. Each subcommand is its own class registered in {@code
 * subcommands} below; they share the exit codes ({@code 0} ok, {@code 2} usage or input error,
 * {@code 1} runtime failure) and the one-line {@code pgbarrier: ...} error reports of {@link
 * ErrorReporter}.
 */
@Command(
    name = "pgbarrier",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Reference implementation and verification suite for post-training with policy"
        + " gradients.",
    subcommands = {
      EvalCommand.class,
      RunCommand.class,
      MergeCommand.class,
      VerifyCommand.class,
      PlotCommand.class,
      ReproduceCommand.class,
      SharpenCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command in-process with the given standard streams and returns its exit code; every
   * error is reported as one line on {@code err}, never a stack trace.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    ErrorReporter reporter = new ErrorReporter();
    Threads.setDefault();
    CommandLine commandLine = commandLine()
        .setOut(outWriter)
        .setErr(errWriter)
        .setParameterExceptionHandler(reporter)
        .setExecutionExceptionHandler(reporter);
    try {
      return commandLine.execute(args);
    } catch (VirtualMachineError e) {
      ErrorReporter.report(errWriter, ErrorReporter.describe(e));
      return ExitCode.SOFTWARE;
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /**
   * The command with its subcommands, before any stream is attached; their usage help breaks
   * lines between words only ({@link WordWrappedHelp}).
   */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setHelpFactory(WordWrappedHelp::new);
  }

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: one of " + String.join(", ", spec.subcommands().keySet()));
  }

  /** The version of the jar (from Maven's {@code pom.properties}) and the formats it speaks. */
  static final class Version implements CommandLine.IVersionProvider {
    private static final String POM_PROPERTIES =
        "/META-INF/maven/org.pgbarrier/pgbarrier-cli/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
      Properties pom = new Properties();
      try (InputStream in = Main.class.getResourceAsStream(POM_PROPERTIES)) {
        if (in != null) {
          pom.load(in);
        }
      }
      return new String[] {
        "pgbarrier " + pom.getProperty("version", "(development build, not from the jar)"),
        "formats: " + BigramInput.FORMAT + " -> " + BigramEvaluation.FORMAT + ", "
            + LqInput.FORMAT + " -> " + LqEvaluator.OUTPUT_FORMAT + ", " + PgStepInput.FORMAT
            + " -> " + PgStepEvaluator.OUTPUT_FORMAT,
        "Java " + Runtime.version()
      };
    }
  }
}
