package org.pgbarrier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgbarrier.bounds.Claim;
import org.pgbarrier.bounds.ClaimCatalog;
import org.pgbarrier.bounds.ClaimRegistry;
import org.pgbarrier.bounds.DeclaredCheck;
import org.pgbarrier.io.AtomicFiles;
import org.pgbarrier.testkit.engine.ClaimLedger;
import org.pgbarrier.testkit.engine.Suite;
import org.pgbarrier.testkit.report.ClaimsReport;
import org.pgbarrier.testkit.report.ReportWriter;
import org.pgbarrier.testkit.stats.FalseAlarmBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pgbarrier verify}: the claims suite of {@code mvn -B verify}, run from the built artifacts
 * through the JUnit Platform launcher ({@link SuiteLauncher}), under one or more master seeds,
 * each into {@code OUT/seed-S/} ({@code claims.json}, {@code report.md}, {@code report.html}, and
 * last, atomically, the completion marker {@value #MARKER}). A seed whose marker exists is skipped,
 * so a killed soak resumes where it stopped. {@code OUT/}{@value #MANIFEST} records the selection
 * ({@code --claims}, {@code --kind}) and the code ({@link #code}); every process writing into
 * {@code OUT} must use the same, so that a soak resumed or sharded across machines never mixes
 * the verdicts of two versions.
 * Seeds are dealt to shards as cells are ({@link Shard}: the seed at position {@code i} of the
 * range goes to shard {@code i mod N}). {@code pgbarrier merge OUT} tallies the seeds ({@link
 * org.pgbarrier.testkit.report.SoakTally}).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the claims suite (mvn -B verify's claims) from the built artifacts, without Maven,"
          + " under one master seed or a range of them, each into DIR/seed-SEED/ (claims.json and"
          + " the report). Resumable: a seed already complete in DIR is skipped. Merge a soak with"
          + " `pgbarrier merge DIR`. See docs/cluster.md.",
      "Exit codes: 0 every claim passed, 1 some claim failed (its seed is still complete), 2 bad"
          + " arguments."
    })
final class VerifyCommand implements Callable<Integer> {
  /** The selection every process writing into OUT shares. */
  static final String MANIFEST = "verify.json";

  /** A seed's completion marker, written last. */
  static final String MARKER = "complete.json";

  static final String FORMAT = "pgbarrier/verify-v1";

  /** The system property the launcher sets to the checkout's commit ({@code abc123-dirty}). */
  static final String CODE_PROPERTY = "pgbarrier.code";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern RANGE = Pattern.compile("(\\d{1,18})\\.\\.(\\d{1,18})");
  private static final long MAX_SEEDS = 1_000_000;

  @Spec private CommandSpec spec;

  @Option(names = "--seed", paramLabel = "SEED", description = "one master seed (default "
      + Suite.DEFAULT_SEED + ", mvn -B verify's)")
  private Long seed;

  @Option(names = "--seeds", paramLabel = "A..B", description = "the master seeds A to B,"
      + " inclusive")
  private String seeds;

  @Option(names = "--claims", paramLabel = "PATTERN", description = "comma-separated claim ids"
      + " (BMB-07) or globs over ID/check (BMB-0?/*slope*); default all")
  private String claims;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "all", description = "exact,"
      + " statistical or all (default)")
  private String kind;

  @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I of N of the"
      + " seeds (default: SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, else all)")
  private String shard;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "verify", description = "the"
      + " soak directory (default ./verify)")
  private Path out;

  @Override
  public Integer call() throws IOException {
    List<Long> all = seedList();
    String k = kind.strip().toLowerCase(Locale.ROOT);
    if (!List.of("exact", "statistical", "all").contains(k)) {
      throw new UsageException("--kind " + kind + ": must be exact, statistical or all");
    }
    String pattern = claims == null ? "" : claims.strip();
    ClaimCatalog catalog = ClaimRegistry.catalog(ClaimRegistry.BUILT_IN_NAME);
    int selected = selectedChecks(catalog, pattern, k).size();
    if (selected == 0) {
      throw new UsageException("--claims " + pattern + " --kind " + k + ": selects no declared"
          + " check of catalog " + catalog.name() + " (a claim id, or a glob over ID/check)");
    }
    Shard mine = shard(shard, System.getenv());
    ObjectNode manifest = manifest(catalog.name(), pattern, k);
    if (!SuiteLauncher.available()) {
      throw new UsageException("verify: the claims suite is not on the class path: run it as"
          + " ./pgbarrier verify, which builds properties/target/verify and adds it");
    }
    Files.createDirectories(out);
    if (!Files.exists(out.resolve(MANIFEST))) {
      AtomicFiles.write(out.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
    }
    FalseAlarmBudget budget = FalseAlarmBudget.of(catalog);
    PrintWriter w = spec.commandLine().getOut();
    int failedSeeds = 0;
    int ran = 0;
    int skipped = 0;
    for (int i = 0; i < all.size(); i++) {
      if (!mine.owns(i)) {
        continue;
      }
      long s = all.get(i);
      Path dir = seedDirectory(out, s);
      if (isComplete(dir, s)) {
        skipped++;
        continue;
      }
      long start = System.nanoTime();
      Files.createDirectories(dir);
      System.setProperty("pgbarrier.seed", Long.toString(s));
      System.setProperty("pgbarrier.claims.dir", dir.toString());
      System.setProperty(Suite.CLAIMS, pattern);
      System.setProperty(Suite.KIND, k);
      long failedTests = SuiteLauncher.run();
      JsonNode records = ClaimsReport.read(dir.resolve("claims.json"), ClaimLedger.run());
      ReportWriter.write(dir, catalog, budget, s, ClaimLedger.run());
      long failedClaims = 0;
      for (JsonNode r : records) {
        failedClaims += "FAIL".equals(r.path("verdict").asText()) ? 1 : 0;
      }
      ObjectNode marker = JSON.createObjectNode();
      marker.put("format", FORMAT);
      marker.put("seed", s);
      marker.put("checks", records.size());
      marker.put("failed_claims", failedClaims);
      marker.put("failed_tests", Math.max(failedTests, 0));
      AtomicFiles.write(dir.resolve(MARKER), JSON.writeValueAsBytes(marker));
      ran++;
      failedSeeds += failedTests > 0 ? 1 : 0;
      w.printf(Locale.ROOT, "seed %d: %d checks, %d failed claims, %d failed tests (%.0f s)%n", s,
          records.size(), failedClaims, Math.max(failedTests, 0),
          (System.nanoTime() - start) / 1e9);
      w.flush();
    }
    w.printf("verify: %d seeds run, %d already complete (skipped), %d with a failed test, in %s%n",
        ran, skipped, failedSeeds, out);
    return failedSeeds > 0 ? ExitCode.SOFTWARE : ExitCode.OK;
  }

  /** {@code OUT/seed-S}. */
  static Path seedDirectory(Path out, long seed) {
    return out.resolve("seed-" + seed);
  }

  /** Whether {@code dir} holds the complete run of {@code seed}: its marker names it. */
  static boolean isComplete(Path dir, long seed) {
    Path marker = dir.resolve(MARKER);
    if (!Files.isRegularFile(marker) || !Files.isRegularFile(dir.resolve("claims.json"))) {
      return false;
    }
    try {
      JsonNode m = JSON.readTree(marker.toFile());
      return FORMAT.equals(m.path("format").asText()) && m.path("seed").asLong() == seed
          && m.has("seed");
    } catch (IOException e) {
      return false;
    }
  }

  /** The declared checks ({@code ID/check}) of {@code catalog} the selection includes. */
  static List<String> selectedChecks(ClaimCatalog catalog, String pattern, String kind) {
    List<String> out = new ArrayList<>();
    for (Claim c : catalog.claims()) {
      for (DeclaredCheck d : c.declaredChecks()) {
        boolean kindOk = kind.equals("all") || kind.equals(d.kind().name().toLowerCase(Locale.ROOT));
        if (kindOk && Suite.matches(pattern, c.id(), d.name())) {
          out.add(c.id() + "/" + d.name());
        }
      }
    }
    return out;
  }

  private List<Long> seedList() {
    if (seed != null && seeds != null) {
      throw new UsageException("--seed " + seed + " --seeds " + seeds + ": give one of them");
    }
    if (seeds == null) {
      return List.of(seed == null ? Suite.DEFAULT_SEED : seed);
    }
    Matcher m = RANGE.matcher(seeds.strip());
    if (!m.matches()) {
      throw new UsageException("--seeds " + seeds + ": must be A..B, non-negative integers with"
          + " A <= B (e.g. 1..50)");
    }
    long a = Long.parseLong(m.group(1));
    long b = Long.parseLong(m.group(2));
    if (a > b || b - a >= MAX_SEEDS) {
      throw new UsageException("--seeds " + seeds + ": must be A..B with A <= B and at most "
          + MAX_SEEDS + " seeds");
    }
    List<Long> list = new ArrayList<>();
    for (long s = a; s <= b; s++) {
      list.add(s);
    }
    return list;
  }

  /** {@code --shard}, else the shard of a SLURM array task, else all seeds. */
  static Shard shard(String shard, Map<String, String> env) {
    if (shard != null) {
      return Shard.parse(shard);
    }
    String index = env.get("JOB_COMPLETION_INDEX");
    if ((env.get("SLURM_ARRAY_TASK_ID") == null) && index != null && !index.isBlank()) {
      throw new UsageException("JOB_COMPLETION_INDEX=" + index + ": verify has no manifest"
          + " giving the shard count: pass --shard $(JOB_COMPLETION_INDEX)/N");
    }
    Shard s = Shard.fromEnvironment(env, null);
    return s == null ? Shard.ALL : s;
  }

  /**
   * The code this process runs: the checkout's commit as the launcher reads it ({@code
   * -Dpgbarrier.code}, with {@code -dirty} for uncommitted changes to tracked files), or {@code
   * unknown} (not a git checkout, or the jar run without the launcher).
   */
  static String code() {
    String code = System.getProperty(CODE_PROPERTY, "").strip();
    return code.isEmpty() ? "unknown" : code;
  }

  /**
   * The manifest of this selection, after checking that {@code OUT/verify.json}, if there is one,
   * records the same.
   */
  private ObjectNode manifest(String catalog, String pattern, String k) {
    ObjectNode m = JSON.createObjectNode();
    m.put("format", FORMAT);
    m.put("catalog", catalog);
    m.put("claims", pattern);
    m.put("kind", k);
    m.put("code", code());
    Path file = out.resolve(MANIFEST);
    if (Files.isDirectory(out) && !Files.isDirectory(out.resolve(MANIFEST))
        && Files.exists(file)) {
      JsonNode there;
      try {
        there = JSON.readTree(file.toFile());
      } catch (IOException e) {
        throw new UsageException("--out " + out + ": its " + MANIFEST + " is not valid JSON");
      }
      if (!(there instanceof ObjectNode recorded)) {
        throw new UsageException("--out " + out + ": its " + MANIFEST + " is not a JSON object");
      }
      if (!m.deepCopy().without("code").equals(recorded.deepCopy().without("code"))) {
        throw new UsageException("--out " + out + ": its " + MANIFEST + " selects --claims '"
            + there.path("claims").asText() + "' --kind " + there.path("kind").asText()
            + ", not --claims '" + pattern + "' --kind " + k + ": one soak directory, one"
            + " selection");
      }
      String thereCode = there.path("code").asText("unknown");
      if (!thereCode.equals(code())) {
        throw new UsageException("--out " + out + ": its " + MANIFEST + " was written by code "
            + thereCode + ", this is " + code() + ": one soak directory, one code version"
            + " (finish it on " + thereCode + ", or start another --out)");
      }
    } else if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out " + out + ": is a file, not a directory");
    }
    return m;
  }
}
