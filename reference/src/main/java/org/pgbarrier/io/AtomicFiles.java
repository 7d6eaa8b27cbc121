package org.pgbarrier.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files that are either absent or complete. The content goes to a hidden temporary file beside
 * the target ({@code .NAME.PID-I.tmp}), is forced to disk and renamed over the target with {@code
 * ATOMIC_MOVE}; on any failure the temporary file is deleted and the target is left as it was.
 *
 * <p>A process killed while writing ({@code kill -9}) cannot delete its temporary file: the next
 * write of the same target deletes every {@code .NAME.PID-I.tmp} beside it whose process is no
 * longer alive. A shutdown hook (SIGTERM, Ctrl-C) can call {@link #deleteTemporaries} to delete
 * the temporary files of writes still in progress.
 */
public final class AtomicFiles {
  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static final int TEMP_ATTEMPTS = 100;

  /** {@code .NAME.PID-I.tmp}: the name and the process id. */
  private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.(\\d+)-\\d+\\.tmp");

  /** The temporary files of the writes in progress in this process. */
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code bytes}, atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Replaces {@code target} with what {@code content} writes, atomically. */
  public static void write(Path target, Content content) throws IOException {
    Path temp = createTemp(target);
    LIVE.add(temp);
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
      LIVE.remove(temp);
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Deletes the temporary files of the writes in progress in this process (for a shutdown hook;
   * the writes then fail or their targets keep their old content).
   */
  public static void deleteTemporaries() {
    for (Path temp : List.copyOf(LIVE)) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // shutting down: keep going, the next write of the target deletes it
      }
    }
  }

  /**
   * Deletes the temporary files {@code .NAME.PID-I.tmp} in {@code dir} left by processes that
   * are no longer alive (killed while writing), for every {@code NAME}.
   *
   * @return how many were deleted
   */
  public static int deleteStaleTemporaries(Path dir) throws IOException {
    return deleteStale(dir, ".*.tmp", null);
  }

  private static int deleteStale(Path dir, String glob, String name) throws IOException {
    int deleted = 0;
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
      for (Path entry : entries) {
        Matcher m = TEMP.matcher(entry.getFileName().toString());
        if (!m.matches() || (name != null && !m.group(1).equals(name))) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid != self && ProcessHandle.of(pid).isEmpty() && Files.isRegularFile(entry)
            && Files.deleteIfExists(entry)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  private static Path createTemp(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    deleteStale(dir, "." + globEscape(absolute.getFileName().toString()) + ".*.tmp",
        absolute.getFileName().toString());
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

  private static String globEscape(String name) {
    return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
  }
}
