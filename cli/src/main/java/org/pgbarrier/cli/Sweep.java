package org.pgbarrier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.pgbarrier.experiment.MemoryEstimate;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.artifact.RunCompletion;
import org.pgbarrier.io.config.ConfigReader;
import org.pgbarrier.io.config.ExperimentConfig;

/**
 * {@code pgbarrier run CONFIG.yaml --multirun [overrides]}: a sweep over the grid of {@link
 * SweepGrid}, each cell an ordinary {@code run} ({@link ExperimentRun}) with the fixed overrides,
 * the cell's overrides, and {@code global.output_dir=SWEEPDIR/cells/ID}, where {@code SWEEPDIR}
 * is the base config's {@code global.output_dir} (docs/cluster.md).
 *
 * <p>Order of work: the grid is read, every cell's config is read and checked (an unknown key in
 * any cell, a cell too large for the heap or the work ceiling) before anything is written; then
 * the manifest {@link SweepManifest} is written, or the existing one compared (another sweep is
 * refused); then the cells of this {@link Shard} that are not complete ({@link
 * RunCompletion#isComplete}) are run. A cell is complete only when its marker is written, last
 * and atomically, so a sweep killed at any point loses at most the cells in flight, and rerunning
 * the same command redoes exactly the others. A cell's result depends on its config only (its
 * seeds are {@code global.seed} and {@code experiment.seed} as the overrides set them), never on
 * its position, its shard or the threads: every file but {@code timings.json} has the same bytes
 * however the sweep was run.
 *
 * <p>Parallelism, in one JVM: {@code P} cells at a time, each on {@code threads / P} threads (the
 * remainder going to the first slots). By default {@code P = threads} when every cell is small
 * (work estimate at most {@link #SMALL_WORK}: splitting a small cell over threads gains little),
 * else 1; either way at most as many as fit in the heap side by side ({@link MemoryEstimate}).
 */
final class Sweep {
  /**
   * Test hook: with {@code -Dpgbarrier.sweep.haltAfterCells=K} the JVM halts ({@link
   * Runtime#halt}, no shutdown hook, like {@code kill -9}) as soon as {@code K} cells of this run
   * are complete, the others in flight. Lets a test kill a sweep at a deterministic point.
   */
  static final String HALT_PROPERTY = "pgbarrier.sweep.haltAfterCells";

  /** A cell whose work estimate ({@link ExperimentRun#work}) is at most this runs on one thread. */
  static final double SMALL_WORK = 1e9;

  /**
   * What {@code run --multirun} was given.
   *
   * @param parallelCells {@code --parallel-cells}, or {@code null} for the default
   * @param shard {@code --shard}, or {@code null} to read the environment
   * @param prepareShards {@code --prepare-shards}, or {@code null}
   */
  record Options(Path config, List<String> overrides, int threads, Integer parallelCells,
      String shard, Integer prepareShards, boolean allowLong, boolean quiet) {}

  /** One cell to run: its index, id, directory and config. */
  private record Job(SweepGrid.Cell cell, String id, Path dir, ExperimentConfig config) {}

  private Sweep() {}

  /** Runs the sweep; returns the exit code. */
  static int run(Options o, PrintWriter out, PrintWriter err, Map<String, String> env)
      throws IOException {
    Threads.check(o.threads());
    if (o.parallelCells() != null && o.parallelCells() < 1) {
      throw new UsageException("--parallel-cells " + o.parallelCells() + ": must be at least 1");
    }
    if (o.prepareShards() != null && (o.prepareShards() < 1 || o.shard() != null)) {
      throw new UsageException("--prepare-shards " + o.prepareShards() + ": must be at least 1,"
          + " and is not given with --shard");
    }
    Shard explicit = o.shard() == null ? null : Shard.parse(o.shard());
    SweepGrid grid = SweepGrid.parse(o.overrides());
    ExperimentConfig base = ConfigReader.read(o.config(), grid.fixed());
    String text = Files.readString(o.config(), StandardCharsets.UTF_8);
    OutputDirectory sweepOut = OutputDirectory.prepare("output_dir", base.outputDir());
    Path sweepDir = sweepOut.path();
    String fileName = o.config().getFileName().toString();

    SweepManifest existing = Files.isDirectory(sweepDir) ? SweepManifest.read(sweepDir) : null;
    Shard shard = explicit != null ? explicit
        : o.prepareShards() != null ? null
        : Shard.fromEnvironment(env, existing == null ? null : existing.shards());
    int shards = o.prepareShards() != null ? o.prepareShards() : shard == null ? 1 : shard.count();
    SweepManifest manifest = new SweepManifest(fileName, text, grid, shards);
    if (existing != null) {
      existing.requireSameSweep(manifest, sweepDir);
      boolean sharded = shard != null || o.prepareShards() != null;
      if (sharded && existing.shards() != shards) {
        throw new UsageException((shard != null ? "shard " + shard : "--prepare-shards " + shards)
            + ": the sweep in " + sweepDir + " was created for " + existing.shards()
            + " shards (sweep.json); its cells are dealt by that count: run its shards as I/"
            + existing.shards() + ", or without a shard to finish it on one machine");
      }
      manifest = existing;
    }

    List<Job> jobs = new ArrayList<>();
    double largest = 0;
    boolean small = true;
    for (SweepGrid.Cell cell : grid.cells()) {
      String id = grid.id(cell.index());
      Path dir = manifest.cellDirectory(sweepDir, cell.index());
      ExperimentConfig config = cellConfig(o.config(), text, grid, cell, dir);
      try {
        ExperimentRun.requireHeap(config);
        if (!o.allowLong()) {
          ExperimentRun.requireWork(config);
        }
      } catch (InputException e) {
        throw new InputException("--multirun cell " + id + " " + grid.overrides(cell) + ": "
            + e.getMessage(), e);
      }
      if (shard == null || shard.owns(cell.index())) {
        jobs.add(new Job(cell, id, dir, config));
        largest = Math.max(largest, MemoryEstimate.of(config.settings()).bytes());
        small &= ExperimentRun.work(config) <= SMALL_WORK;
      }
    }

    if (existing == null) {
      sweepOut.create("output_dir");
      manifest.write(sweepDir);
    }
    if (o.prepareShards() != null) {
      out.println("prepared " + sweepDir.resolve(SweepManifest.FILE) + ": " + grid.size()
          + " cells for " + shards + " shards");
      return 0;
    }
    List<Job> todo = new ArrayList<>();
    for (Job job : jobs) {
      if (!RunCompletion.isComplete(job.dir(), ExperimentRun.name(job.config()))) {
        todo.add(job);
      }
    }
    int parallel = parallel(o, todo.size(), small, largest);
    if (!o.quiet()) {
      err.printf(Locale.ROOT, "sweep %s: %d cells%s, %d complete, %d to run, %d at a time%n",
          sweepDir, grid.size(), shard == null ? "" : " (shard " + shard + ": " + jobs.size()
              + " of them)", jobs.size() - todo.size(), todo.size(), parallel);
    }
    runCells(todo, parallel, o, err);
    out.printf(Locale.ROOT, "sweep %s: ran %d cells, %d were complete%s; merge with"
        + " ./pgbarrier merge %s%n", sweepDir, todo.size(), jobs.size() - todo.size(),
        shard == null ? "" : " (shard " + shard + ")", sweepDir);
    return 0;
  }

  /**
   * The config of {@code cell}: the base text with the fixed overrides, the cell's overrides and
   * its directory as {@code global.output_dir}.
   *
   * @throws InputException naming the cell if its config is refused
   */
  static ExperimentConfig cellConfig(Path source, String text, SweepGrid grid,
      SweepGrid.Cell cell, Path dir) {
    List<String> overrides = new ArrayList<>(grid.fixed());
    overrides.addAll(grid.overrides(cell));
    overrides.add(SweepGrid.OUTPUT_DIR + "='" + dir.toString().replace("'", "''") + "'");
    try {
      return ConfigReader.parse(text, source.toString(), overrides);
    } catch (InputException e) {
      throw new InputException("--multirun cell " + grid.id(cell.index()) + " "
          + grid.overrides(cell) + ": " + e.getMessage(), e);
    }
  }

  /** How many cells run side by side. */
  private static int parallel(Options o, int cells, boolean small, double largest) {
    int p = o.parallelCells() != null ? o.parallelCells() : small ? o.threads() : 1;
    if (largest > 0) {
      p = (int) Math.min(p, Math.max(1, Math.floor(HeapBudget.available() / largest)));
    }
    return Math.max(1, Math.min(p, cells));
  }

  private static void runCells(List<Job> todo, int parallel, Options o, PrintWriter err)
      throws IOException {
    if (todo.isEmpty()) {
      return;
    }
    int halt = Integer.getInteger(HALT_PROPERTY, 0);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
      Thread t = new Thread(r, "pgbarrier-cell");
      t.setDaemon(true);
      return t;
    });
    List<Future<?>> slots = new ArrayList<>();
    try {
      for (int s = 0; s < parallel; s++) {
        int threads = o.threads() / parallel + (s < o.threads() % parallel ? 1 : 0);
        int slotThreads = Math.max(1, threads);
        slots.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < todo.size() && !failed.get();
              i = next.getAndIncrement()) {
            Job job = todo.get(i);
            long start = System.nanoTime();
            try {
              ExperimentRun.of(job.config(), ProgressDisplay.quiet(), slotThreads, o.allowLong());
            } catch (RuntimeException | IOException e) {
              failed.set(true);
              throw new CellFailure(job.id(), e);
            }
            int count = done.incrementAndGet();
            if (!o.quiet()) {
              err.printf(Locale.ROOT, "cell %s done (%d/%d, %.1f s)%n", job.id(), count,
                  todo.size(), (System.nanoTime() - start) / 1e9);
            }
            if (count == halt) {
              err.flush();
              Runtime.getRuntime().halt(137);
            }
          }
          return null;
        }));
      }
      CellFailure first = null;
      for (Future<?> slot : slots) {
        try {
          slot.get();
        } catch (ExecutionException e) {
          if (first == null && e.getCause() instanceof CellFailure f) {
            first = f;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while the cells ran", e);
        }
      }
      if (first != null) {
        first.rethrow();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A cell's failure, carrying the cell's id into the one-line report. */
  private static final class CellFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String id;

    CellFailure(String id, Exception cause) {
      super(cause);
      this.id = id;
    }

    void rethrow() throws IOException {
      Throwable c = getCause();
      String prefix = "sweep cell " + id + " failed (the other cells' results are kept; rerun"
          + " the sweep to retry it): ";
      if (c instanceof InputException) {
        throw new InputException(prefix + c.getMessage(), c);
      }
      if (c instanceof UsageException) {
        throw new UsageException(prefix + c.getMessage());
      }
      if (c instanceof IOException io) {
        throw new IOException(prefix + ErrorReporter.describe(io), io);
      }
      throw new IllegalStateException(prefix + ErrorReporter.describe(c), c);
    }
  }
}
