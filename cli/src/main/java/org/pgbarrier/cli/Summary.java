package org.pgbarrier.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.pgbarrier.experiment.CdfResult;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.PgResult;

/**
 * The table that ends {@code run} and {@code reproduce}: per run, the test error of the base model
 * and at the end, the off-support samples and their final average likelihood, and the wall time.
 * For a PG run the base model is the pre-trained one; for the cdf run the columns are the test
 * error at {@code w = 0} and at the last checkpoint.
 */
final class Summary {
  private static final String ROW = "%-26s %11s %12s %12s %16s %11s%n";

  private Summary() {}

  static void print(PrintWriter out, List<ExperimentRun> runs) {
    out.printf(Locale.ROOT, ROW, "run", "base error", "final error", "off-support",
        "mean likelihood", "wall time");
    for (ExperimentRun run : runs) {
      ExperimentResult result = run.result();
      String seconds = String.format(Locale.ROOT, "%.1f s",
          result.timings().seconds().getOrDefault("total", Double.NaN));
      if (result instanceof PgResult pg) {
        boolean any = pg.offSupportCount() > 0;
        out.printf(Locale.ROOT, ROW, pg.name(), fixed(pg.supervisedError().last()),
            fixed(pg.pgError().last()), pg.offSupportCount(),
            any ? String.format(Locale.ROOT, "%.3g", pg.offSupportLikelihood().last()) : "-",
            seconds);
      } else {
        CdfResult cdf = (CdfResult) result;
        double[] error = cdf.testError();
        out.printf(Locale.ROOT, ROW, cdf.name(), fixed(error[0]), fixed(error[error.length - 1]),
            "-", "-", seconds);
      }
    }
    out.flush();
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
