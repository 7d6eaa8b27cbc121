package org.pgbarrier.io.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.pgbarrier.io.AtomicFiles;
import org.pgbarrier.io.InputException;

/**
 * The completion marker of a run: {@code NAME.complete} beside the run's artifact {@code
 * NAME.json}, written last, after every file of the run (artifact, CSVs, timings, figures), so
 * that a reader can tell a complete run from an interrupted or failed one (docs/artifacts.md).
 *
 * <p>Protocol of a writer: {@link #begin} (removes the marker: from here on the run is incomplete,
 * whatever files of an earlier run are still there), write every file, {@link #complete}.
 * {@link StagedRun} stages a run's files and publishes them so that an interrupted rerun never
 * leaves files of two runs either. The marker holds the
 * SHA-256 of the artifact's bytes: {@link #isComplete} is false for an artifact changed since.
 * A reader that needs a complete run calls {@link #requireComplete}; a sweep that skips complete
 * cells calls {@link #isComplete} (and compares the artifact's settings if it needs to).
 */
public final class RunCompletion {
  /** The marker's format, its first line. */
  public static final String FORMAT = "pgbarrier/run-complete-v1";

  /** The marker file's suffix: {@code NAME.complete}. */
  public static final String SUFFIX = ".complete";

  private RunCompletion() {}

  /** The marker of run {@code name} in {@code dir}. */
  public static Path marker(Path dir, String name) {
    return dir.resolve(name + SUFFIX);
  }

  /** Marks run {@code name} in {@code dir} incomplete: removes its marker, if any. */
  public static void begin(Path dir, String name) throws IOException {
    Files.deleteIfExists(marker(dir, name));
  }

  /**
   * Marks run {@code name} in {@code dir} complete, atomically: its artifact {@code NAME.json}
   * must be written.
   */
  public static void complete(Path dir, String name) throws IOException {
    String text = FORMAT + "\n" + name + "\nsha256 " + sha256(dir.resolve(name + ".json")) + "\n";
    AtomicFiles.write(marker(dir, name), text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether run {@code name} in {@code dir} is complete: its marker names it and holds the
   * SHA-256 of its artifact as it is now.
   */
  public static boolean isComplete(Path dir, String name) throws IOException {
    Path marker = marker(dir, name);
    Path artifact = dir.resolve(name + ".json");
    if (!Files.isRegularFile(marker) || !Files.isRegularFile(artifact)
        || Files.size(marker) > 4096) {
      return false;
    }
    String expected = FORMAT + "\n" + name + "\nsha256 " + sha256(artifact) + "\n";
    return expected.equals(Files.readString(marker, StandardCharsets.UTF_8));
  }

  /**
   * Refuses an incomplete run: one line naming it and its directory.
   *
   * @throws InputException if {@link #isComplete} is false
   */
  public static void requireComplete(Path dir, String name) throws IOException {
    if (!isComplete(dir, name)) {
      throw new InputException(name + ": the run in " + dir + " is incomplete (no " + name
          + SUFFIX + " matching " + name + ".json: it was interrupted, failed, or its artifact"
          + " was changed since); rerun it");
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
