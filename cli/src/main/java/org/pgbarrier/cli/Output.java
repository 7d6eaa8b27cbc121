package org.pgbarrier.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pgbarrier.io.AtomicFiles;

/**
 * Where a subcommand's text result goes: standard output, or a file that is replaced atomically.
 *
 * <p>A file is replaced atomically ({@link AtomicFiles}), so the target never holds a partial
 * result. {@link #check} refuses an unusable target before any work is done.
 */
final class Output {
  /** Writes a result as text. */
  @FunctionalInterface
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** The {@code --out} file, or {@code null} for standard output. */
  private final Path file;

  private final String option;

  /** What the option said, trailing separator included, or {@code null}. */
  private final String given;

  /**
   * @param option the option that named {@code file}, for messages
   * @param file the target as given on the command line (a trailing {@code /} is kept, and
   *     refused by {@link #check}), or {@code null} for standard output
   */
  Output(String option, String file) {
    this.option = option;
    this.given = file;
    this.file = file == null ? null : Path.of(file);
  }

  /**
   * Refuses a target that cannot be written: a name that ends with a separator (a directory, not
   * a file), a missing, non-directory or unwritable directory or one on a file system that
   * refuses new files ({@code /proc}), a target that is itself a directory, or a device, pipe or
   * socket (the atomic rename would replace it with a regular file).
   */
  void check() {
    if (file == null) {
      return;
    }
    if (given.endsWith("/") || given.endsWith(java.io.File.separator)) {
      throw usage("ends with '" + given.charAt(given.length() - 1) + "', so it names a"
          + " directory: the output is a file; name the file");
    }
    Path dir = directory();
    if (!Files.exists(dir)) {
      throw usage("directory " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw usage(dir + " is not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw usage("directory " + dir + " is not writable");
    }
    if (Files.isDirectory(file)) {
      throw usage("is a directory");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw usage("is not a regular file (a device, pipe or socket): the output replaces a"
          + " regular file only");
    }
    OutputDirectory.probe(option, file.toString(), dir, "directory " + dir + " is not writable");
  }

  /** Writes {@code content} to the target; to {@code stdout} when there is no file. */
  void write(PrintWriter stdout, Content content) throws IOException {
    if (file == null) {
      content.writeTo(stdout);
      stdout.flush();
      if (stdout.checkError()) {
        throw new IOException("writing to standard output failed");
      }
      return;
    }
    try {
      AtomicFiles.write(file, stream -> {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        content.writeTo(out);
        out.flush();
      });
    } catch (AccessDeniedException e) {
      throw usage("directory " + directory() + " is not writable");
    }
  }

  private Path directory() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath().getRoot() : parent;
  }

  private UsageException usage(String problem) {
    return new UsageException(option + " " + file + ": " + problem);
  }
}
