package org.pgbarrier.testkit.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that a reader never sees it half-written: to a temporary file in the same
 * directory, then moved into place. {@link Files#createTempFile} creates the temporary file with
 * mode 0600 (owner only, by design for temporary files), and the move keeps that mode, so the
 * claims files would be unreadable to anyone else; on a POSIX file system the file is set to
 * 0644 ({@code rw-r--r--}) before the move, as a file written with {@link Files#write} would be
 * under the usual umask.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target}, atomically, readable by everyone. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".claims", ".tmp");
    try {
      Files.write(tmp, bytes);
      PosixFileAttributeView posix = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
      if (posix != null) {
        posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
