package org.pgbarrier.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output directory made ready before any work: created with its missing parents, refused (exit
 * 2) if it is a file, cannot be created or is not writable. If the work then fails, {@link
 * #discardIfEmpty} removes the directories it created, so that a failed command leaves no new,
 * empty output directory behind.
 *
 * @param path the directory
 * @param created the topmost directory this preparation created, or {@code null} if it existed
 */
record OutputDirectory(Path path, Path created) {
  /**
   * Prepares {@code path}.
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
    Path created = null;
    for (Path p = directory.toAbsolutePath().normalize(); p != null && !Files.exists(p);
        p = p.getParent()) {
      created = p;
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      String why = e instanceof FileSystemException f && f.getReason() != null
          ? f.getReason() : ErrorReporter.describe(e);
      throw new UsageException(option + " " + path + ": cannot be created (" + why + ")");
    }
    if (!Files.isWritable(directory)) {
      throw new UsageException(option + " " + path + ": is not writable");
    }
    return new OutputDirectory(directory, created);
  }

  /** Deletes the directories this preparation created, innermost first, while they are empty. */
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
