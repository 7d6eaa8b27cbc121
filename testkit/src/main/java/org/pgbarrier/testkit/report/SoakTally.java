package org.pgbarrier.testkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.testkit.engine.AtomicFiles;

/**
 * The tally of a soak: the claims suite run under many master seeds, one {@code seed-S}
 * directory each holding that run's {@code claims.json} ({@code ./pgbarrier verify --seeds A..B},
 * or {@code mvn verify -Psoak}). For each statistical check, over the seeds: how many ran it, how
 * many rejected it (verdict FAIL, or REFUTED for a question), its stated false-alarm probability
 * {@code a} (the record's {@code false_alarm}), and whether the count is more than that allows:
 *
 * <pre>
 *   p = P[Bin(runs, a) >= rejected]        (1 when rejected = 0; BinomialTail.upper)
 *   alarm  iff  p <= {@value #LEVEL} / K   (K checks tallied: Bonferroni over the checks)
 * </pre>
 *
 * <p>Under the design (a correct implementation, seeds independent in effect) each seed rejects a
 * check with probability at most {@code a}, so the chance that some check raises an alarm is at
 * most {@value #LEVEL}, whatever the dependence between checks (Boole's inequality). An alarm says
 * the check rejects correct code more often than it states: a defect of the check's false-alarm
 * computation, or of the implementation. When {@code soakDir/verify.json} exists (a soak of {@code
 * ./pgbarrier verify}), a seed counts only once its completion marker {@code complete.json} is
 * written; the others are listed as incomplete, and the code its {@code verify.json} records
 * (the checkout's commit) heads the tally.
 *
 * @param code the code the soak ran on, from {@code verify.json}, or {@code unknown}
 * @param seeds the complete seed directories read, in seed order
 * @param incomplete the seed directories without their completion marker (not tallied)
 * @param tallies per statistical check {@code ID/check}, in suite order
 */
public record SoakTally(
    String code, List<String> seeds, List<String> incomplete, Map<String, Tally> tallies) {
  /** The probability that a correct suite raises some alarm of the soak, split across checks. */
  public static final double LEVEL = 1e-3;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One check's tally.
   *
   * @param runs seeds that ran it
   * @param rejected seeds that rejected it
   * @param mutantMissed seeds on which its mutant twin was not rejected
   * @param falseAlarm its stated false-alarm probability per run (the largest recorded)
   * @param pValue {@code P[Bin(runs, falseAlarm) >= rejected]}
   * @param alarm whether {@code pValue <= LEVEL / K} for a promise (no REFUTED verdict)
   * @param refuted how many of the rejections are REFUTED verdicts: the check is a question (a
   *     conjecture, or the reported form of a paper statement), whose rejections are findings
   *     about the statement, not false alarms; it is tallied but never raises an alarm
   */
  public record Tally(int runs, int rejected, int mutantMissed, double falseAlarm, double pValue,
      boolean alarm, int refuted) {
    /** The test's outcome in words: {@code no}, {@code ALARM}, or {@code refuted (question)}. */
    public String outcome() {
      return alarm ? "ALARM" : refuted > 0 ? "refuted (question)" : "no";
    }
  }

  /** Reads every complete {@code soakDir/seed-*}/claims.json. */
  public static SoakTally read(Path soakDir, List<String> statisticalChecks) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Double> alphas = new LinkedHashMap<>();
    statisticalChecks.forEach(c -> counts.put(c, new int[4]));
    boolean markers = Files.exists(soakDir.resolve("verify.json"));
    List<Path> dirs;
    try (Stream<Path> list = Files.list(soakDir)) {
      dirs = list.filter(p -> p.getFileName().toString().matches("seed-\\d+")
              && Files.isDirectory(p))
          .sorted(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString()
              .substring(5))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + soakDir, e);
    }
    List<String> seeds = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    for (Path dir : dirs) {
      String name = dir.getFileName().toString();
      if (!Files.exists(dir.resolve("claims.json"))
          || markers && !Files.exists(dir.resolve("complete.json"))) {
        incomplete.add(name);
        continue;
      }
      seeds.add(name);
      for (JsonNode r : ClaimsReport.read(dir.resolve("claims.json"))) {
        String key = r.path("id").asText() + "/" + r.path("check").asText();
        int[] c = counts.get(key);
        if (c != null) {
          c[0]++;
          c[1] += "PASS".equals(r.path("verdict").asText()) ? 0 : 1;
          c[2] += r.path("mutant_rejected").asBoolean(true) ? 0 : 1;
          c[3] += "REFUTED".equals(r.path("verdict").asText()) ? 1 : 0;
          alphas.merge(key, r.path("false_alarm").asDouble(), Math::max);
        }
      }
    }
    long tallied = counts.values().stream().filter(c -> c[0] > 0).count();
    double perCheck = LEVEL / Math.max(1, tallied);
    Map<String, Tally> tallies = new LinkedHashMap<>();
    counts.forEach((k, c) -> {
      double a = alphas.getOrDefault(k, 0.0);
      double p = pValue(c[0], a, c[1]);
      tallies.put(k, new Tally(c[0], c[1], c[2], a, p, c[0] > 0 && c[3] == 0 && p <= perCheck,
          c[3]));
    });
    return new SoakTally(codeOf(soakDir.resolve("verify.json")), List.copyOf(seeds),
        List.copyOf(incomplete), tallies);
  }

  /** The {@code code} field of a verify manifest, or {@code unknown} (none, or unreadable). */
  private static String codeOf(Path manifest) {
    if (!Files.isRegularFile(manifest)) {
      return "unknown";
    }
    try {
      return JSON.readTree(manifest.toFile()).path("code").asText("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * {@code P[Bin(runs, alpha) >= rejected]}: 1 when {@code rejected = 0}, 0 when {@code alpha = 0}
   * and {@code rejected > 0} (an exact check, or a check stating no false alarm, that rejected).
   */
  public static double pValue(int runs, double alpha, int rejected) {
    if (rejected <= 0) {
      return 1.0;
    }
    if (alpha <= 0) {
      return 0.0;
    }
    return alpha >= 1 ? 1.0 : BinomialTail.upper(runs, alpha, rejected);
  }

  /** The number of checks tallied (run by at least one seed). */
  public long checksTallied() {
    return tallies.values().stream().filter(t -> t.runs() > 0).count();
  }

  /** The level of each check's test, {@value #LEVEL} split across the checks tallied. */
  public double perCheckLevel() {
    return LEVEL / Math.max(1, checksTallied());
  }

  /** Total rejections of real implementations over all seeds and checks. */
  public int rejected() {
    return tallies.values().stream().mapToInt(Tally::rejected).sum();
  }

  /** Checks whose count of rejections is more than their false-alarm probability allows. */
  public List<String> alarms() {
    return tallies.entrySet().stream().filter(e -> e.getValue().alarm()).map(Map.Entry::getKey)
        .toList();
  }

  /** The tally as Markdown, ending with the total line. */
  public String render() {
    StringBuilder md = new StringBuilder("# pgbarrier soak\n\n")
        .append(seeds.size()).append(" master seeds: ").append(seedRanges(seeds)).append('\n')
        .append("\ncode: ").append(code).append('\n');
    if (!incomplete.isEmpty()) {
      md.append("\nincomplete, not tallied: ").append(seedRanges(incomplete)).append('\n');
    }
    md.append(String.format(Locale.ROOT, "%nEach check's rejections over the seeds are tested"
        + " against its stated false-alarm probability a: p = P[Bin(runs, a) >= rejected]; alarm"
        + " when p <= %s / %d = %s (the soak's own level %s, split across the checks). A"
        + " REFUTED verdict (a conjecture, or a reported form of a paper statement) is a finding"
        + " about the statement, not a false alarm: such a check is tallied, never an alarm.%n%n",
        fmt(LEVEL), checksTallied(), fmt(perCheckLevel()), fmt(LEVEL)));
    md.append("| check | runs | rejected | false alarm a | P[Bin(runs, a) >= rejected] | alarm"
        + " | mutant not rejected |\n|---|---|---|---|---|---|---|\n");
    tallies.forEach((k, t) -> md.append("| ").append(k).append(" | ").append(t.runs())
        .append(" | ").append(t.rejected()).append(" | ").append(fmt(t.falseAlarm()))
        .append(" | ").append(fmt(t.pValue())).append(" | ").append(t.outcome())
        .append(" | ").append(t.mutantMissed()).append(" |\n"));
    return md.append('\n').append(total()).append('\n').toString();
  }

  /** The tally as JSON ({@code soak.json}). */
  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "pgbarrier/soak-v1");
    root.put("code", code);
    seeds.forEach(root.putArray("seeds")::add);
    incomplete.forEach(root.putArray("incomplete")::add);
    root.put("level", LEVEL);
    root.put("per_check_level", perCheckLevel());
    ArrayNode checks = root.putArray("checks");
    tallies.forEach((k, t) -> checks.addObject().put("check", k).put("runs", t.runs())
        .put("rejected", t.rejected()).put("false_alarm", t.falseAlarm())
        .put("p_value", t.pValue()).put("alarm", t.alarm()).put("refuted", t.refuted())
        .put("mutant_not_rejected", t.mutantMissed()));
    return root;
  }

  /** One line: seeds, runs, rejections, alarms (design: none). */
  public String total() {
    int runs = tallies.values().stream().mapToInt(Tally::runs).sum();
    int missed = tallies.values().stream().mapToInt(Tally::mutantMissed).sum();
    int refuted = tallies.values().stream().mapToInt(Tally::refuted).sum();
    return String.format(Locale.ROOT, "soak: %d master seeds, %d statistical check runs, %d"
        + " rejected (%d of them REFUTED, questions), %d alarms at level %s (design: none), %d"
        + " mutants not rejected", seeds.size(), runs, rejected(), refuted, alarms().size(),
        fmt(LEVEL), missed);
  }

  /** Writes {@code soakDir/soak.md} and {@code soakDir/soak.json} and returns the tally. */
  public static SoakTally write(Path soakDir, List<String> statisticalChecks) {
    SoakTally tally = read(soakDir, statisticalChecks);
    try {
      AtomicFiles.write(soakDir.resolve("soak.json"), JSON.writeValueAsBytes(tally.toJson()));
      AtomicFiles.write(soakDir.resolve("soak.md"),
          tally.render().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the soak tally in " + soakDir, e);
    }
    return tally;
  }

  /** {@code seed-1..seed-4, seed-7} as {@code 1..4, 7}. */
  static String seedRanges(List<String> dirs) {
    List<String> parts = new ArrayList<>();
    long start = -1;
    long prev = -1;
    for (String d : dirs) {
      long s = Long.parseLong(d.substring(5));
      if (start >= 0 && s == prev + 1) {
        prev = s;
        continue;
      }
      if (start >= 0) {
        parts.add(start == prev ? Long.toString(start) : start + ".." + prev);
      }
      start = s;
      prev = s;
    }
    if (start >= 0) {
      parts.add(start == prev ? Long.toString(start) : start + ".." + prev);
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static String fmt(double x) {
    return x == 0 || x == 1 ? (x == 0 ? "0" : "1") : String.format(Locale.ROOT, "%.3g", x);
  }
}
