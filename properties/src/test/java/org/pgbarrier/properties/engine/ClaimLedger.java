package org.pgbarrier.properties.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Writes {@code claims.json}: every check's {@link ClaimRecord}. Each record is kept in {@code
 * records/ID__check.json} (a rerun replaces its own record), and {@code claims.json} is
 * rebuilt from them, sorted by id and check, after every record; both are written to a temporary
 * file and moved into place, so a reader never sees a half-written file.
 */
public final class ClaimLedger {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ClaimLedger() {}

  /** The claims directory: {@code -Dpgbarrier.claims.dir}, else {@code target/claims}. */
  public static Path directory() {
    return Paths.get(System.getProperty("pgbarrier.claims.dir", "target/claims"));
  }

  /** Stores {@code record} and rebuilds {@code claims.json}. */
  public static synchronized void record(ClaimRecord record) {
    try {
      Path records = directory().resolve("records");
      Files.createDirectories(records);
      String name = (record.id() + "__" + record.check()).replaceAll("[^A-Za-z0-9_.-]", "_");
      writeAtomically(records.resolve(name + ".json"), JSON.writeValueAsBytes(record));
      ArrayNode all = JSON.createArrayNode();
      try (Stream<Path> files = Files.list(records)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          all.add(JSON.readTree(p.toFile()));
        }
      }
      writeAtomically(directory().resolve("claims.json"), JSON.writeValueAsBytes(all));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the claims ledger in " + directory(), e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), ".ledger", ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
