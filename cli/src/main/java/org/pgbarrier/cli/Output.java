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

  /**
   * @param option the option that named {@code file}, for messages
   * @param file the target, or {@code null} for standard output
   */
  Output(String option, Path file) {
    this.option = option;
    this.file = file;
  }

  /**
   * Refuses a target that cannot be written: a missing, non-directory or unwritable directory, or
   * a target that is itself a directory.
   */
  void check() {
    if (file == null) {
      return;
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
