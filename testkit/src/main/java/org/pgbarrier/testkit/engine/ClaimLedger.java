package org.pgbarrier.testkit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes {@code claims.json}: every check's {@link ClaimRecord} of this run. Each record is kept
 * in {@code records/ID__check.json} with the run that wrote it (a rerun replaces its own record),
 * and {@code claims.json} is rebuilt after every record from the records of the current run
 * only, sorted by id and check: a record left by an earlier run (a check since renamed or
 * removed, or one this run did not select) never reaches the report, even without {@code mvn
 * clean}. Both files are written with {@link AtomicFiles}: a reader never sees a half-written file,
 * and every reader may read them.
 *
 * <p>The run is the test JVM: Surefire runs the suite in one forked JVM (its default {@code
 * forkCount = 1}), whose launcher session writes the report ({@code
 * report.ClaimsReportListener}).
 */
public final class ClaimLedger {
  /** The field of a stored record naming the run that wrote it. */
  public static final String RUN_FIELD = "run";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String RUN = ProcessHandle.current().pid() + "-" + UUID.randomUUID();

  private ClaimLedger() {}

  /** The claims directory: {@code -Dpgbarrier.claims.dir}, else {@code target/claims}. */
  public static Path directory() {
    return Paths.get(System.getProperty("pgbarrier.claims.dir", "target/claims"));
  }

  /** This run's id: the test JVM's process id and a random UUID, unique to this JVM. */
  public static String run() {
    return RUN;
  }

  /** Stores {@code record} as a record of this run and rebuilds {@code claims.json}. */
  public static void record(ClaimRecord record) {
    record(directory(), RUN, record);
  }

  /**
   * Stores {@code record} in {@code dir/records} as a record of {@code run} and rebuilds {@code
   * dir/claims.json} from the records of {@code run}.
   */
  public static synchronized void record(Path dir, String run, ClaimRecord record) {
    try {
      Path records = dir.resolve("records");
      Files.createDirectories(records);
      String name = (record.id() + "__" + record.check()).replaceAll("[^A-Za-z0-9_.-]", "_");
      ObjectNode stored = JSON.valueToTree(record);
      stored.put(RUN_FIELD, run);
      AtomicFiles.write(records.resolve(name + ".json"), JSON.writeValueAsBytes(stored));
      ArrayNode all = JSON.createArrayNode();
      try (Stream<Path> files = Files.list(records)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          JsonNode r = JSON.readTree(p.toFile());
          if (run.equals(r.path(RUN_FIELD).asText())) {
            all.add(r);
          }
        }
      }
      AtomicFiles.write(dir.resolve("claims.json"), JSON.writeValueAsBytes(all));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the claims ledger in " + dir, e);
    }
  }
}
