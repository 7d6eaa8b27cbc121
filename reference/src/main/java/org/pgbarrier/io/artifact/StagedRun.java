package org.pgbarrier.io.artifact;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run written whole into a hidden staging directory {@code .NAME.staging-PID/} inside its output
 * directory, then published: a rerun replaces the previous run of the same name whole, even when
 * it is killed while publishing (docs/artifacts.md).
 *
 * <p>Publication, in this order: the previous run's marker is removed ({@link RunCompletion#begin}:
 * the previous run is incomplete from here on), every file of the previous run whose name the new
 * run writes is deleted (a run's file names are fixed by its name, so this is the previous run's
 * every file), each staged file is renamed into the directory ({@code ATOMIC_MOVE}), the
 * directory's shared files are updated ({@code timings.json}, which holds every run's wall times
 * and belongs to none), and the marker is written last. At any instant the directory holds the
 * complete previous run, or the complete new run, or the files of one of the two without a marker
 * (which {@code plot} and the sweep refuse as incomplete): never files of both.
 *
 * <p>A writer killed before publication leaves its staging directory and the previous run
 * untouched; the next {@link #create} in the directory deletes the staging directories of
 * processes that are no longer alive. A shutdown hook (SIGTERM, Ctrl-C) calls {@link #discard}.
 *
 * <p>Test hook: the system property {@value #HALT} names a point of publication ({@code staged},
 * {@code marker-removed}, {@code removed-first}, {@code removed}, {@code moved-first}, {@code
 * moved}, {@code shared}) at which the process halts at once, as {@code kill -9} would stop it
 * there (exit status {@value #HALT_STATUS}); unset, it has no effect.
 */
public final class StagedRun {
  /** The system property naming the point at which to halt, for tests. */
  public static final String HALT = "pgbarrier.test.halt";

  /** The exit status of a halt at {@link #HALT}, that of a process killed by SIGKILL. */
  public static final int HALT_STATUS = 137;

  /** {@code .NAME.staging-PID}. */
  private static final Pattern STAGE = Pattern.compile("\\.(.+)\\.staging-(\\d+)");

  /** Writes the directory's shared files, after the run's files and before its marker. */
  @FunctionalInterface
  public interface SharedFiles {
    List<Path> write() throws IOException;
  }

  private StagedRun() {}

  /**
   * Creates the staging directory of run {@code name} in {@code dir} (which exists), deleting
   * first every staging directory there of a process that is no longer alive.
   */
  public static Path create(Path dir, String name) throws IOException {
    deleteStale(dir);
    Path stage = stage(dir, name);
    delete(stage); // a stage of this very process id, left by an earlier process with that id
    return Files.createDirectory(stage);
  }

  /** The staging directory of run {@code name} of this process in {@code dir}. */
  public static Path stage(Path dir, String name) {
    return dir.resolve("." + name + ".staging-" + ProcessHandle.current().pid());
  }

  /**
   * Publishes the files staged in {@code stage} as run {@code name} of {@code dir}, replacing the
   * previous run of that name whole; {@code shared} writes the directory's shared files before the
   * marker. Deletes {@code stage}.
   *
   * @param staged the staged files, in the order to report them
   * @return the published files: the staged ones in their order, then the shared ones, then the
   *     marker
   */
  public static List<Path> publish(Path dir, String name, List<Path> staged, SharedFiles shared)
      throws IOException {
    halt("staged");
    RunCompletion.begin(dir, name);
    halt("marker-removed");
    boolean first = true;
    for (Path file : staged) {
      if (Files.deleteIfExists(dir.resolve(file.getFileName().toString())) && first) {
        first = false;
        halt("removed-first");
      }
    }
    halt("removed");
    List<Path> published = new ArrayList<>();
    for (Path file : staged) {
      Path target = dir.resolve(file.getFileName().toString());
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      published.add(target);
      if (published.size() == 1) {
        halt("moved-first");
      }
    }
    halt("moved");
    published.addAll(shared.write());
    halt("shared");
    RunCompletion.complete(dir, name);
    published.add(RunCompletion.marker(dir, name));
    if (!staged.isEmpty()) {
      delete(staged.get(0).getParent());
    }
    return published;
  }

  /** Deletes the staging directory {@code stage} and what it holds, if it exists. */
  public static void discard(Path stage) {
    try {
      delete(stage);
    } catch (IOException e) {
      // shutting down or failing already: the next run in the directory deletes it
    }
  }

  /**
   * Deletes the staging directories {@code .NAME.staging-PID} in {@code dir} of processes that
   * are no longer alive.
   *
   * @return how many were deleted
   */
  public static int deleteStale(Path dir) throws IOException {
    int deleted = 0;
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.staging-*")) {
      for (Path entry : entries) {
        Matcher m = STAGE.matcher(entry.getFileName().toString());
        if (!m.matches() || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid != self && ProcessHandle.of(pid).isEmpty()) {
          delete(entry);
          deleted++;
        }
      }
    }
    return deleted;
  }

  /** Deletes {@code path} and, if it is a directory (not a link), its contents. */
  private static void delete(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void halt(String point) {
    if (point.equals(System.getProperty(HALT))) {
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }
}
