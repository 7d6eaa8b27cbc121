package org.pgbarrier.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output directory checked before any work and created only when the results are ready to be
 * written ({@link #create}), so that a command killed while it computes leaves no new, empty
 * directory behind. The check refuses (exit 2) a path that exists and is not a directory, a
 * {@code ..} that climbs out of a folder that does not exist (the operating system would refuse
 * the path, or create the missing folder too), a directory that cannot be created or written, and
 * a file system that refuses new files ({@code /proc}, {@code /sys}): a hidden probe file is
 * created and deleted in the directory or its nearest existing parent. If the work then fails,
 * {@link #discardIfEmpty} removes the directories {@link #create} created, innermost first.
 *
 * @param path the directory
 * @param created the topmost directory {@link #create} creates, or {@code null} if it exists
 */
record OutputDirectory(Path path, Path created) {
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

  /** Creates and deletes a hidden file in {@code dir}: some file systems refuse new files. */
  static void probe(String option, String path, Path dir, String problem) {
    Path probe = dir.resolve(".pgbarrier-probe." + ProcessHandle.current().pid() + "-0.tmp");
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
}
