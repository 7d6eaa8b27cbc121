package org.pgbarrier.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a subcommand's text result goes: standard output, or a file that is replaced atomically.
 *
 * <p>A file is written to a hidden temporary file in the same directory, forced to disk, and then
 * renamed over the target ({@code ATOMIC_MOVE}), so the target never holds a partial result; the
 * temporary file is deleted on any failure. {@link #check} refuses an unusable target before any
 * work is done.
 */
final class Output {
  /** Writes a result as text. */
  @FunctionalInterface
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  private static final int TEMP_ATTEMPTS = 100;

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
    Path temp = createTemp();
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** A new empty file {@code .NAME.PID-I.tmp} beside the target, with the default permissions. */
  private Path createTemp() throws IOException {
    String prefix = "." + file.getFileName() + "." + ProcessHandle.current().pid() + "-";
    for (int attempt = 0; ; attempt++) {
      Path temp = directory().resolve(prefix + attempt + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt + 1 == TEMP_ATTEMPTS) {
          throw e;
        }
      } catch (AccessDeniedException e) {
        throw usage("directory " + directory() + " is not writable");
      }
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
