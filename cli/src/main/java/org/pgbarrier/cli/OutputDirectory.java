package org.pgbarrier.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.pgbarrier.io.AtomicFiles;
import org.pgbarrier.io.artifact.StagedRun;

/**
 * An output directory checked before any work and created only when the results are ready to be
 * written ({@link #create}), so that a command killed while it computes leaves no new, empty
 * directory behind. The check refuses (exit 2) a path that exists and is not a directory, a
 * {@code ..} that climbs out of a folder that does not exist (the operating system would refuse
 * the path, or create the missing folder too), a directory that cannot be created or written, and
 * a file system that refuses new files ({@code /proc}, {@code /sys}): a hidden probe file is
 * created and deleted in the directory or its nearest existing parent. If the work then fails,
 * {@link #discardIfEmpty} removes the directories {@link #create} created, innermost first.
 * {@link #publish} writes a run (of {@code run} or {@code sharpen}) through a staging directory so
 * that a rerun replaces the previous run whole.
 *
 * @param path the directory
 * @param created the topmost directory {@link #create} creates, or {@code null} if it exists
 */
record OutputDirectory(Path path, Path created) {
  /** Counts probe files, so that concurrent probes never share a name. */
  private static final AtomicLong PROBES = new AtomicLong();

  /**
   * Checks {@code path} without creating it.
   *
   * @param option the option or config key that named it, for messages ({@code --out}, {@code
   *     output_dir})
   * @throws UsageException if it exists and is not a directory, cannot be created, or is not
   *     writable
   */
  static OutputDirectory prepare(String option, String path) {
    Path directory = Path.of(path);
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new UsageException(option + " " + path + ": exists and is not a directory");
    }
    Path absolute = directory.toAbsolutePath();
    Path walked = absolute.getRoot();
    for (Path part : absolute) {
      if (part.toString().equals("..") && !Files.isDirectory(walked)) {
        throw new UsageException(option + " " + path + ": '..' after " + walked
            + ", which does not exist: name the directory without it");
      }
      walked = walked.resolve(part);
    }
    Path created = null;
    Path existing = absolute.normalize();
    while (existing != null && !Files.exists(existing)) {
      created = existing;
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw new UsageException(option + " " + path + ": cannot be created (Not a directory)");
    }
    String problem = created == null ? "is not writable" : "cannot be created";
    if (!Files.isWritable(existing)) {
      throw new UsageException(option + " " + path + ": " + problem);
    }
    probe(option, path, existing, problem);
    return new OutputDirectory(directory, created);
  }

  /**
   * Creates and deletes a hidden file in {@code dir}: some file systems refuse new files. Each
   * probe has a name of its own (process id and a counter), since the cells of a sweep probe the
   * same directory from several threads at once.
   */
  static void probe(String option, String path, Path dir, String problem) {
    Path probe = dir.resolve(".pgbarrier-probe." + ProcessHandle.current().pid() + "-"
        + PROBES.incrementAndGet() + ".tmp");
    try {
      Files.deleteIfExists(Files.createFile(probe));
    } catch (IOException e) {
      String why = e instanceof FileSystemException f && f.getReason() != null
          ? f.getReason() : "the file system refuses new files in " + dir;
      throw new UsageException(option + " " + path + ": " + problem + " (" + why + ")");
    }
  }

  /** Creates the directory (and its missing parents) to write the results into. */
  Path create(String option) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UsageException(option + " " + path + ": cannot be created (" + reason(e) + ")");
    }
    return path;
  }

  private static String reason(IOException e) {
    return e instanceof FileSystemException f && f.getReason() != null
        ? f.getReason() : ErrorReporter.describe(e);
  }

  /** Deletes the directories {@link #create} created, innermost first, while they are empty. */
  void discardIfEmpty() {
    if (created == null) {
      return;
    }
    for (Path p = path.toAbsolutePath().normalize(); p != null && p.startsWith(created);
        p = p.getParent()) {
      try {
        Files.delete(p);
      } catch (IOException e) {
        return; // not empty (or gone): keep it and everything above it
      }
    }
  }

  /** Writes the files of a run into a directory. */
  @FunctionalInterface
  interface Writer {
    List<Path> write(Path dir) throws IOException;
  }

  /**
   * Creates the directory, stages run {@code name} there with {@code run} and publishes it over
   * the previous run of that name ({@link StagedRun#publish}: the marker {@code NAME.complete}
   * last), {@code shared} writing the directory's shared files just before the marker. Stale
   * staging directories and temporary files of killed writers are deleted first. A failure,
   * SIGTERM or Ctrl-C deletes the staging directory, the temporary files of writes in progress
   * and the directories {@link #create} created while they are empty.
   *
   * @param option the option or config key that named the directory, for messages
   * @return the published files, the marker last
   */
  List<Path> publish(String option, String name, Writer run, Writer shared) throws IOException {
    Path[] stage = new Path[1];
    Thread cleanup = new Thread(() -> {
      AtomicFiles.deleteTemporaries();
      if (stage[0] != null) {
        StagedRun.discard(stage[0]);
      }
      discardIfEmpty();
    }, "pgbarrier-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    boolean done = false;
    try {
      Path dir = create(option);
      AtomicFiles.deleteStaleTemporaries(dir);
      stage[0] = StagedRun.create(dir, name);
      List<Path> staged = run.write(stage[0]);
      List<Path> files = StagedRun.publish(dir, name, staged, () -> shared.write(dir));
      done = true;
      return List.copyOf(files);
    } finally {
      if (!done) {
        if (stage[0] != null) {
          StagedRun.discard(stage[0]);
        }
        discardIfEmpty();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // shutting down: the hook runs
      }
    }
  }
}
