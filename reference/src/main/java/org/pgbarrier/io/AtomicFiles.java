package org.pgbarrier.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files that are either absent or complete. The content goes to a hidden temporary file beside
 * the target ({@code .NAME.PID-I.tmp}), is forced to disk and renamed over the target with {@code
 * ATOMIC_MOVE}; on any failure the temporary file is deleted and the target is left as it was.
 */
public final class AtomicFiles {
  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static final int TEMP_ATTEMPTS = 100;

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code bytes}, atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Replaces {@code target} with what {@code content} writes, atomically. */
  public static void write(Path target, Content content) throws IOException {
    Path temp = createTemp(target);
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static Path createTemp(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    String prefix = "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-";
    for (int attempt = 0; ; attempt++) {
      try {
        return Files.createFile(dir.resolve(prefix + attempt + ".tmp"));
      } catch (FileAlreadyExistsException e) {
        if (attempt + 1 == TEMP_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
