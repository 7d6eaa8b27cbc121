package org.pgbarrier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pgbarrier.bounds.ClaimRegistry;
import org.pgbarrier.cli.plot.SweepFigures;
import org.pgbarrier.experiment.CdfResult;
import org.pgbarrier.experiment.ExperimentResult;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.experiment.Timings;
import org.pgbarrier.io.artifact.ArtifactReader;
import org.pgbarrier.io.AtomicFiles;
import org.pgbarrier.io.InputException;
import org.pgbarrier.io.artifact.RunCompletion;
import org.pgbarrier.io.config.ExperimentConfig;
import org.pgbarrier.testkit.report.SoakTally;
import org.pgbarrier.testkit.stats.FalseAlarmBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pgbarrier merge SWEEPDIR}: one table of a sweep ({@link Sweep}) from its cells. Every
 * cell of the manifest must be complete, its marker matching its artifact, and its artifact must
 * read back with the settings of the cell's config; otherwise the missing and corrupt cells are
 * named and nothing is written (exit 2). Then, into {@code SWEEPDIR}, each file atomically:
 *
 * <ul>
 *   <li>{@value #CSV} and {@value #JSON}: per cell in grid order its id, its value on each axis,
 *       the run name, and the headline results: the base model's test error (after pre-training;
 *       the cdf run: at {@code w = 0}), the final test error, the reward queries of PG, the
 *       off-support sample count and their final mean likelihood (empty when there is none);
 *   <li>{@value #TIMINGS}: the cells' wall times ({@code total} seconds), apart, as {@code
 *       timings.json} is for a run;
 *   <li>the figures {@code sweep_final_error} and {@code sweep_off_support} ({@link SweepFigures}).
 * </ul>
 *
 * <p>Everything but {@value #TIMINGS} depends only on the cells' artifacts, so the merge of a
 * sweep run as {@code N} shards has the same bytes as the merge of the sweep run on one machine.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merges a sweep (run --multirun) into one table: DIR/sweep_results.csv and"
          + " DIR/sweep_results.json (the cells' overrides and headline results),"
          + " sweep_timings.json (wall times, apart) and figures across the grid. Refuses a sweep"
          + " with missing or corrupt cells, naming them.",
      "Given a soak directory of verify --seeds (it holds verify.json), tallies per statistical"
          + " check the seeds that rejected it and tests the count against the check's false-alarm"
          + " probability: soak.md and soak.json. See docs/cluster.md.",
      "Exit codes: 0 ok, 2 bad arguments or incomplete sweep, 1 runtime failure."
    })
final class MergeCommand implements Callable<Integer> {
  static final String CSV = "sweep_results.csv";

  static final String JSON = "sweep_results.json";

  static final String TIMINGS = "sweep_timings.json";

  /** The JSON layout written by this version. */
  static final String FORMAT = "pgbarrier/sweep-results-v1";

  /** How many cell ids a refusal lists before it counts the rest. */
  private static final int NAMED = 12;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "the sweep directory (the"
      + " config's global.output_dir, holding sweep.json), or a verify soak directory (holding"
      + " verify.json)")
  private Path sweepDir;

  /**
   * One cell's headline results.
   *
   * @param id the cell's id
   * @param values its value on each axis
   * @param result its artifact
   */
  record Row(String id, List<String> values, ExperimentResult result) {}

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(sweepDir)) {
      throw new UsageException("merge " + sweepDir + ": not a directory");
    }
    SweepManifest manifest = SweepManifest.read(sweepDir);
    if (manifest == null && Files.exists(sweepDir.resolve(VerifyCommand.MANIFEST))) {
      return mergeSoak();
    }
    if (manifest == null) {
      throw new InputException("merge " + sweepDir + ": no " + SweepManifest.FILE + ": not a"
          + " sweep directory (run --multirun writes one)");
    }
    List<Row> rows = read(manifest, sweepDir);
    List<Path> files = write(manifest, rows, sweepDir);
    PrintWriter out = spec.commandLine().getOut();
    out.println("merged " + rows.size() + " cells of " + sweepDir + " into " + files.size()
        + " files: " + CSV + ", " + JSON + ", " + TIMINGS + ", figures");
    return ExitCode.OK;
  }

  /**
   * A soak of {@code verify --seeds} ({@code verify.json}, {@code seed-S/}): the tally of its
   * complete seeds ({@link SoakTally}) into {@code soak.md} and {@code soak.json}; seeds still
   * running or killed are listed, not tallied. Exit 2 when no seed is complete.
   */
  private Integer mergeSoak() {
    SoakTally tally = SoakTally.read(sweepDir, FalseAlarmBudget.of(
        ClaimRegistry.catalog(ClaimRegistry.BUILT_IN_NAME)).checkIds());
    if (tally.seeds().isEmpty()) {
      throw new UsageException("merge " + sweepDir + ": no complete seed (seed-S/complete.json)"
          + " in this verify directory");
    }
    SoakTally.write(sweepDir, FalseAlarmBudget.of(
        ClaimRegistry.catalog(ClaimRegistry.BUILT_IN_NAME)).checkIds());
    PrintWriter out = spec.commandLine().getOut();
    out.println(tally.total());
    if (!tally.incomplete().isEmpty()) {
      out.println("incomplete seeds, not tallied: " + tally.incomplete().size()
          + " (rerun the same verify command to finish them)");
    }
    out.println("wrote " + sweepDir.resolve("soak.md") + " and soak.json");
    return ExitCode.OK;
  }

  /** Reads every cell, or refuses naming the missing and corrupt ones. */
  static List<Row> read(SweepManifest manifest, Path sweepDir) throws IOException {
    SweepGrid grid = manifest.grid();
    List<Row> rows = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> corrupt = new ArrayList<>();
    for (SweepGrid.Cell cell : grid.cells()) {
      String id = grid.id(cell.index());
      Path dir = manifest.cellDirectory(sweepDir, cell.index());
      ExperimentConfig config = Sweep.cellConfig(Path.of(manifest.configFile()),
          manifest.configText(), grid, cell, dir);
      String name = ExperimentRun.name(config);
      if (!Files.exists(RunCompletion.marker(dir, name))) {
        missing.add(id);
        continue;
      }
      if (!RunCompletion.isComplete(dir, name)) {
        corrupt.add(id + " (" + name + ".json does not match its completion marker)");
        continue;
      }
      ExperimentResult result;
      try {
        result = ArtifactReader.read(dir, name);
      } catch (InputException e) {
        corrupt.add(id + " (" + e.getMessage() + ")");
        continue;
      }
      Object settings = result instanceof PgResult pg ? pg.settings()
          : ((CdfResult) result).settings();
      if (!settings.equals(config.settings())) {
        corrupt.add(id + " (its artifact's settings are not the cell's config)");
        continue;
      }
      rows.add(new Row(id, cell.values(), result));
    }
    if (!missing.isEmpty() || !corrupt.isEmpty()) {
      StringBuilder m = new StringBuilder("merge " + sweepDir + ": " + (missing.size()
          + corrupt.size()) + " of " + grid.size() + " cells are not complete:");
      if (!missing.isEmpty()) {
        m.append(" missing ").append(listed(missing)).append(';');
      }
      if (!corrupt.isEmpty()) {
        m.append(" corrupt ").append(listed(corrupt)).append(';');
      }
      m.append(" rerun the sweep (it redoes only these cells), then merge");
      throw new InputException(m.toString());
    }
    return rows;
  }

  private static String listed(List<String> ids) {
    String shown = String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())));
    return ids.size() > NAMED ? shown + " and " + (ids.size() - NAMED) + " more" : shown;
  }

  /** Writes the table, the timings and the figures; returns the files. */
  static List<Path> write(SweepManifest manifest, List<Row> rows, Path dir) throws IOException {
    List<SweepGrid.Axis> axes = manifest.grid().axes();
    List<String> columns = new ArrayList<>(List.of("id"));
    axes.forEach(a -> columns.add(a.name()));
    columns.addAll(List.of("run", "base_error", "final_error", "queries", "off_support_count",
        "off_support_likelihood"));
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
    List<Object> jsonRows = new ArrayList<>();
    Map<String, Object> timings = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", row.id());
      Map<String, Object> overrides = new LinkedHashMap<>();
      for (int a = 0; a < axes.size(); a++) {
        overrides.put(axes.get(a).name(), row.values().get(a));
      }
      r.put("overrides", overrides);
      Headline h = Headline.of(row.result());
      r.put("run", row.result().name());
      r.put("base_error", h.baseError());
      r.put("final_error", h.finalError());
      r.put("queries", h.queries());
      r.put("off_support_count", h.offSupportCount());
      r.put("off_support_likelihood", h.offSupportLikelihood());
      jsonRows.add(r);
      List<String> cells = new ArrayList<>();
      cells.add(row.id());
      row.values().forEach(v -> cells.add(csvField(v)));
      cells.add(row.result().name());
      cells.add(Double.toString(h.baseError()));
      cells.add(Double.toString(h.finalError()));
      cells.add(h.queries() == null ? "" : Long.toString(h.queries()));
      cells.add(h.offSupportCount() == null ? "" : Integer.toString(h.offSupportCount()));
      cells.add(h.offSupportLikelihood() == null ? "" : Double.toString(h.offSupportLikelihood()));
      csv.append(String.join(",", cells)).append('\n');
      Timings t = row.result().timings();
      timings.put(row.id(), t.seconds().get("total"));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("config_file", manifest.configFile());
    json.put("overrides", manifest.grid().fixed());
    json.put("columns", columns);
    json.put("rows", jsonRows);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    List<Path> files = new ArrayList<>();
    files.add(text(dir.resolve(CSV), csv.toString()));
    files.add(text(dir.resolve(JSON), mapper.writeValueAsString(json) + "\n"));
    Map<String, Object> timingsJson = new LinkedHashMap<>();
    timingsJson.put("total_seconds_per_cell", timings);
    files.add(text(dir.resolve(TIMINGS), mapper.writeValueAsString(timingsJson) + "\n"));
    files.addAll(figures(axes, rows, dir));
    return files;
  }

  /** The figures: final error and off-support likelihood against the x axis. */
  private static List<Path> figures(List<SweepGrid.Axis> axes, List<Row> rows, Path dir)
      throws IOException {
    int xAxis = -1;
    for (int a = 0; a < axes.size() && xAxis < 0; a++) {
      if (!axes.get(a).name().endsWith("seed") && axes.get(a).values().stream()
          .allMatch(MergeCommand::isNumber)) {
        xAxis = a;
      }
    }
    boolean seeds = axes.stream().anyMatch(a -> a.name().endsWith("seed"));
    // without a numeric axis: the cell, or with seed axes the group of cells that differ only in
    // their seeds (numbered in grid order), so that the seeds still make the spread
    String xLabel = xAxis >= 0 ? axes.get(xAxis).name() : seeds ? "cells up to the seed" : "cell";
    Map<String, Integer> groupIndex = new LinkedHashMap<>();
    List<SweepFigures.Point> error = new ArrayList<>();
    List<SweepFigures.Point> offSupport = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      StringBuilder group = new StringBuilder(row.result().name());
      for (int a = 0; a < axes.size(); a++) {
        if (a != xAxis && !axes.get(a).name().endsWith("seed")) {
          group.append(' ').append(axes.get(a).name()).append('=').append(row.values().get(a));
        }
      }
      Integer sameGroup = groupIndex.computeIfAbsent(group.toString(), g -> groupIndex.size());
      double x = xAxis >= 0 ? Double.parseDouble(row.values().get(xAxis)) : seeds ? sameGroup : i;
      Headline h = Headline.of(row.result());
      error.add(new SweepFigures.Point(group.toString(), x, h.finalError()));
      offSupport.add(new SweepFigures.Point(group.toString(), x,
          h.offSupportLikelihood() == null ? Double.NaN : h.offSupportLikelihood()));
    }
    String spread = seeds ? " (mean; bars: min to max over seeds)" : "";
    List<Path> files = new ArrayList<>(SweepFigures.draw(dir, "sweep_final_error",
        "Final test error across the sweep" + spread, xLabel, "final test error", false, error));
    files.addAll(SweepFigures.draw(dir, "sweep_off_support",
        "Off-support samples: final mean likelihood" + spread, xLabel,
        "mean p_{w}(y^{*}|x), off-support", true, offSupport));
    return files;
  }

  private static boolean isNumber(String value) {
    try {
      return Double.isFinite(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String csvField(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static Path text(Path file, String content) throws IOException {
    AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /** A cell's headline results; the PG-only ones {@code null} for the cdf run. */
  private record Headline(double baseError, double finalError, Long queries,
      Integer offSupportCount, Double offSupportLikelihood) {
    static Headline of(ExperimentResult result) {
      if (result instanceof PgResult pg) {
        return new Headline(pg.supervisedError().last(), pg.pgError().last(), pg.queries(),
            pg.offSupportCount(),
            pg.offSupportCount() == 0 ? null : pg.offSupportLikelihood().last());
      }
      double[] e = ((CdfResult) result).testError();
      return new Headline(e[0], e[e.length - 1], null, null, null);
    }
  }
}
