package org.pgbarrier.experiment.sharpen;

/**
 * Where {@link SharpenSweep#run} reports its progress: a phase of a known number of steps, the
 * steps done so far, and the end. The command line shows it as a progress bar; {@link #NONE}
 * shows nothing.
 */
public interface SweepProgress extends AutoCloseable {
  /** Progress that goes nowhere. */
  SweepProgress NONE = new SweepProgress() {
    @Override
    public void phase(String phase, long steps) {}

    @Override
    public void update(long step, double error) {}

    @Override
    public void close() {}
  };

  /** A new phase named {@code phase} of {@code steps} steps begins. */
  void phase(String phase, long steps);

  /** The current phase has reached {@code step}; {@code error} is NaN when there is none. */
  void update(long step, double error);

  /** The sweep is over. */
  @Override
  void close();
}
