package org.pgbarrier.testkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The soak profile's tally: for each statistical check, over the master seeds run so far (one
 * {@code seed-*} directory each, holding that run's {@code claims.json}), how many seeds ran it,
 * how many rejected it, and on how many its mutant was not rejected. By the false-alarm design the
 * expected number of rejections of the whole suite per seed is at most the budget, so over M seeds
 * the count of rejections should be 0; any rejection is shown.
 *
 * @param seeds the seed directories read
 * @param tallies per statistical check {@code ID/check}, in suite order
 */
public record SoakTally(List<String> seeds, Map<String, Tally> tallies) {

  /** Runs, rejections and unrejected mutants of one check. */
  public record Tally(int runs, int rejected, int mutantMissed) {}

  /** Reads every {@code soakDir/seed-*}/claims.json. */
  public static SoakTally read(Path soakDir, List<String> statisticalChecks) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    statisticalChecks.forEach(c -> counts.put(c, new int[3]));
    List<Path> dirs;
    try (Stream<Path> list = Files.list(soakDir)) {
      dirs = list.filter(p -> p.getFileName().toString().startsWith("seed-")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + soakDir, e);
    }
    for (Path dir : dirs) {
      for (JsonNode r : ClaimsReport.read(dir.resolve("claims.json"))) {
        int[] c = counts.get(r.path("id").asText() + "/" + r.path("check").asText());
        if (c != null) {
          c[0]++;
          c[1] += "FAIL".equals(r.path("verdict").asText()) ? 1 : 0;
          c[2] += r.path("mutant_rejected").asBoolean(true) ? 0 : 1;
        }
      }
    }
    Map<String, Tally> tallies = new LinkedHashMap<>();
    counts.forEach((k, c) -> tallies.put(k, new Tally(c[0], c[1], c[2])));
    return new SoakTally(dirs.stream().map(p -> p.getFileName().toString()).toList(), tallies);
  }

  /** Total rejections of real implementations over all seeds and checks. */
  public int rejected() {
    return tallies.values().stream().mapToInt(Tally::rejected).sum();
  }

  /** The tally as Markdown, ending with the total line. */
  public String render() {
    StringBuilder md = new StringBuilder("# pgbarrier soak\n\nmaster seeds: ")
        .append(String.join(", ", seeds)).append("\n\n| check | runs | rejected | mutant not"
            + " rejected |\n|---|---|---|---|\n");
    tallies.forEach((k, t) -> md.append("| ").append(k).append(" | ").append(t.runs())
        .append(" | ").append(t.rejected()).append(" | ").append(t.mutantMissed()).append(" |\n"));
    return md.append('\n').append(total()).append('\n').toString();
  }

  /** One line: seeds, runs, rejections (design: 0). */
  public String total() {
    int runs = tallies.values().stream().mapToInt(Tally::runs).sum();
    int missed = tallies.values().stream().mapToInt(Tally::mutantMissed).sum();
    return String.format("soak: %d master seeds, %d statistical check runs, %d rejected (design:"
        + " 0), %d mutants not rejected", seeds.size(), runs, rejected(), missed);
  }

  /** Writes {@code soakDir/soak.md} and returns the tally. */
  public static SoakTally write(Path soakDir, List<String> statisticalChecks) {
    SoakTally tally = read(soakDir, statisticalChecks);
    try {
      Files.writeString(soakDir.resolve("soak.md"), tally.render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + soakDir.resolve("soak.md"), e);
    }
    return tally;
  }
}
