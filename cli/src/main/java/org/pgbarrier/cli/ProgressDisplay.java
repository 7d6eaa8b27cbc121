package org.pgbarrier.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a long command on standard error: one bar per phase with the step, the current
 * error and the time left (me.tongfei progressbar). On a terminal the bar redraws in place every
 * half second; when standard error is a file or a pipe, a line every ten seconds instead, so logs
 * stay short, the last (100%) line of a phase printed once. A phase's bar ends with a newline.
 * {@link #quiet()} shows nothing.
 */
final class ProgressDisplay implements AutoCloseable {
  private static final int TERMINAL_INTERVAL_MS = 500;
  private static final int LOG_INTERVAL_MS = 10_000;

  /** The {@code step/steps} of a rendered bar. */
  private static final Pattern STEP = Pattern.compile("\\b\\d+/\\d+\\b");

  private final PrintWriter err;
  private final boolean enabled;
  private ProgressBar bar;
  private String currentPhase;
  private boolean drawn;
  private String lastLine;

  private ProgressDisplay(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** A display on {@code err}. */
  static ProgressDisplay on(PrintWriter err) {
    return new ProgressDisplay(err, true);
  }

  /** A display that shows nothing ({@code --quiet}). */
  static ProgressDisplay quiet() {
    return new ProgressDisplay(null, false);
  }

  /**
   * A {@link org.pgbarrier.experiment.ProgressListener}: a new bar when {@code phase} changes or
   * restarts at step 0, then the step and the latest test error.
   */
  void onStep(String phase, int step, int steps, double error) {
    if (!phase.equals(currentPhase) || step == 0) {
      phase(phase, steps);
      currentPhase = phase;
    }
    update(step, error);
  }

  /** Ends the current phase's bar, if any, and starts one for {@code phase} of {@code steps}. */
  void phase(String phase, long steps) {
    close();
    if (!enabled) {
      return;
    }
    boolean terminal = System.console() != null;
    drawn = false;
    lastLine = null;
    bar = new ProgressBarBuilder()
        .setTaskName(phase)
        .setInitialMax(steps)
        .setStyle(ProgressBarStyle.ASCII)
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setUpdateIntervalMillis(terminal ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS)
        .setConsumer(new DelegatingProgressBarConsumer(terminal ? this::redraw : this::line))
        .build();
  }

  /** The current phase has reached {@code step}, with the given current error. */
  void update(long step, double error) {
    if (bar != null) {
      bar.stepTo(step);
      bar.setExtraMessage(Double.isNaN(error) ? "" : String.format("error %.4f", error));
    }
  }

  private synchronized void redraw(String rendered) {
    err.print('\r' + rendered);
    err.flush();
    drawn = true;
  }

  /**
   * A line of the log; the bar renders again when it closes, so the same step (the 100% line)
   * is not printed twice: a line is skipped when it shows the same {@code step/steps} as the one
   * before it (its time and speed differ).
   */
  private synchronized void line(String rendered) {
    Matcher counted = STEP.matcher(rendered);
    String step = counted.find() ? counted.group() : rendered;
    if (step.equals(lastLine)) {
      return;
    }
    lastLine = step;
    err.println(rendered);
    err.flush();
  }

  /** Ends the current phase's bar. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
      synchronized (this) {
        if (drawn) {
          err.println();
          err.flush();
          drawn = false;
        }
      }
    }
    currentPhase = null;
  }
}
