package org.pgbarrier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pgbarrier.io.AtomicFiles;
import org.pgbarrier.io.InputException;

/**
 * {@code sweep.json}, the manifest of a sweep directory (docs/cluster.md): the base config (its
 * file name, which names the experiment, and its text), the fixed overrides (without {@code
 * global.output_dir}: the sweep directory is where the manifest is), the grid, the cells with
 * their ids and overrides, and the shard count the sweep was created for. Written once,
 * atomically, by the first run of the sweep; every later run and {@code merge} read it, and a run
 * whose sweep differs in anything but the shard count is refused: the directory holds another
 * sweep.
 *
 * @param configFile the config's file name (its last path segment)
 * @param configText the config's text
 * @param grid the grid (its fixed overrides stored without {@code global.output_dir})
 * @param shards the shard count the sweep was created with (1: one machine)
 */
record SweepManifest(String configFile, String configText, SweepGrid grid, int shards) {
  /** The manifest's file name in the sweep directory. */
  static final String FILE = "sweep.json";

  /** The layout written by this version. */
  static final String FORMAT = "pgbarrier/sweep-v1";

  /** The directory of the cells: {@code SWEEPDIR/cells/ID}. */
  static final String CELLS = "cells";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  SweepManifest {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(configText, "configText");
    grid = new SweepGrid(grid.fixedWithoutOutputDir(), grid.axes());
  }

  /** The directory of cell {@code index} in {@code sweepDir}. */
  Path cellDirectory(Path sweepDir, int index) {
    return sweepDir.resolve(CELLS).resolve(grid.id(index));
  }

  /** The manifest as bytes: two-space JSON, keys in a fixed order, a final newline. */
  byte[] bytes() throws JsonProcessingException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("config_file", configFile);
    root.put("config_text", configText);
    root.put("overrides", grid.fixed());
    List<Object> axes = new ArrayList<>();
    for (SweepGrid.Axis axis : grid.axes()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("key", axis.key());
      a.put("values", axis.values());
      axes.add(a);
    }
    root.put("grid", axes);
    List<Object> cells = new ArrayList<>();
    for (SweepGrid.Cell cell : grid.cells()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", grid.id(cell.index()));
      c.put("overrides", grid.overrides(cell));
      cells.add(c);
    }
    root.put("cells", cells);
    root.put("shards", shards);
    return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Writes the manifest into {@code sweepDir} (which exists), atomically. */
  void write(Path sweepDir) throws IOException {
    AtomicFiles.write(sweepDir.resolve(FILE), bytes());
  }

  /**
   * Reads the manifest of {@code sweepDir}, or {@code null} if it has none.
   *
   * @throws InputException if it is not a manifest of this version, naming the file and the key
   */
  static SweepManifest read(Path sweepDir) throws IOException {
    Path file = sweepDir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new InputException(file + ": not valid JSON (" + e.getOriginalMessage()
          + "): the sweep's manifest is damaged; restore it or start the sweep afresh");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw new InputException(file + ": format must be " + FORMAT + ": not a sweep manifest"
          + " of this version");
    }
    String configFile = text(file, root, "config_file");
    String configText = text(file, root, "config_text");
    List<String> fixed = strings(file, root.get("overrides"), "overrides");
    List<SweepGrid.Axis> axes = new ArrayList<>();
    JsonNode grid = root.get("grid");
    if (grid == null || !grid.isArray()) {
      throw missing(file, "grid");
    }
    for (JsonNode a : grid) {
      String key = text(file, a, "key");
      List<String> values = strings(file, a.get("values"), "grid." + key + ".values");
      if (values.isEmpty()) {
        throw new InputException(file + ": grid." + key + ".values: must not be empty");
      }
      axes.add(new SweepGrid.Axis(key, values));
    }
    JsonNode shards = root.get("shards");
    if (shards == null || !shards.isInt() || shards.asInt() < 1) {
      throw new InputException(file + ": shards: must be a positive integer");
    }
    SweepManifest manifest = new SweepManifest(configFile, configText,
        new SweepGrid(fixed, axes), shards.asInt());
    if (!JSON.readTree(manifest.bytes()).equals(root)) {
      throw new InputException(file + ": its cells do not match its grid: the manifest was"
          + " edited; restore it or start the sweep afresh");
    }
    return manifest;
  }

  /**
   * Refuses {@code other}, the sweep of this run, if it is not this sweep: same config file name
   * and text, fixed overrides and grid (the shard count aside).
   *
   * @throws UsageException naming the sweep directory and what differs
   */
  void requireSameSweep(SweepManifest other, Path sweepDir) {
    String differs = !configFile.equals(other.configFile) ? "the config file name ("
        + configFile + " there, " + other.configFile + " here)"
        : !configText.equals(other.configText) ? "the config file's text"
        : !grid.fixed().equals(other.grid.fixed()) ? "the overrides (" + grid.fixed()
            + " there, " + other.grid.fixed() + " here)"
        : !grid.axes().equals(other.grid.axes()) ? "the grid"
        : null;
    if (differs != null) {
      throw new UsageException(sweepDir + "/" + FILE + ": the directory holds another sweep"
          + " (" + differs + " differ): a sweep resumes only with the same config, overrides and"
          + " grid; choose another global.output_dir");
    }
  }

  private static String text(Path file, JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual()) {
      throw missing(file, key);
    }
    return v.asText();
  }

  private static List<String> strings(Path file, JsonNode node, String key) {
    if (node == null || !node.isArray()) {
      throw missing(file, key);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : node) {
      if (!v.isTextual()) {
        throw new InputException(file + ": " + key + ": must be a list of strings");
      }
      out.add(v.asText());
    }
    return out;
  }

  private static InputException missing(Path file, String key) {
    return new InputException(file + ": " + key + ": missing or of the wrong type");
  }
}
