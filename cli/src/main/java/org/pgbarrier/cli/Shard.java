package org.pgbarrier.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} of a sweep: the cells it runs are those whose grid index
 * {@code i} has {@code i mod count == index} (dealt round-robin in grid order, so a shard gets
 * cells from every part of the grid and the shards' loads stay within one cell of each other).
 * The rule depends on nothing but the grid and {@code count}: any machine deals the same cells.
 *
 * @param index from 0 to {@code count - 1}, as SLURM's {@code --array=0-(N-1)} and Kubernetes'
 *     completion index count
 * @param count the number of shards, at least 1
 */
record Shard(int index, int count) {
  /** The whole sweep on one machine. */
  static final Shard ALL = new Shard(0, 1);

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

  Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new UsageException("--shard " + index + "/" + count + ": the index must be from 0 to"
          + " the count minus 1, and the count at least 1");
    }
  }

  /**
   * Reads {@code I/N}.
   *
   * @throws UsageException if malformed or out of range
   */
  static Shard parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new UsageException("--shard " + text + ": must be I/N, the shard index I from 0 to"
          + " N-1 and the number of shards N (e.g. 0/4)");
    }
    int index = Integer.parseInt(m.group(1));
    int count = Integer.parseInt(m.group(2));
    if (count < 1 || index >= count) {
      throw new UsageException("--shard " + text + ": the index " + index + " must be from 0 to "
          + (count - 1) + " (I/N with 0 <= I < N)");
    }
    return new Shard(index, count);
  }

  /**
   * The shard of this process when {@code --shard} is not given: {@code
   * SLURM_ARRAY_TASK_ID}/{@code SLURM_ARRAY_TASK_COUNT} (a SLURM job array {@code
   * --array=0-(N-1)}), else {@code JOB_COMPLETION_INDEX} (a Kubernetes Indexed Job) with the count
   * {@code manifestCount} recorded in the sweep's manifest, else {@code null} (all cells).
   *
   * @param manifestCount the manifest's shard count, or {@code null} if there is no manifest
   * @throws UsageException if a variable is malformed or out of range, or {@code
   *     JOB_COMPLETION_INDEX} is set and no manifest gives the count
   */
  static Shard fromEnvironment(Map<String, String> env, Integer manifestCount) {
    String task = env.get("SLURM_ARRAY_TASK_ID");
    if (task != null && !task.isBlank()) {
      String count = env.get("SLURM_ARRAY_TASK_COUNT");
      if (count == null || count.isBlank()) {
        throw new UsageException("SLURM_ARRAY_TASK_ID=" + task + ": SLURM_ARRAY_TASK_COUNT is not"
            + " set (SLURM 17.11 or newer sets it): pass --shard I/N");
      }
      return environment("SLURM_ARRAY_TASK_ID=" + task + " SLURM_ARRAY_TASK_COUNT=" + count,
          task, count);
    }
    String index = env.get("JOB_COMPLETION_INDEX");
    if (index != null && !index.isBlank()) {
      if (manifestCount == null) {
        throw new UsageException("JOB_COMPLETION_INDEX=" + index + ": the shard count is read"
            + " from the sweep's sweep.json, which does not exist yet: create it first with"
            + " --prepare-shards N (docs/cluster.md)");
      }
      return environment("JOB_COMPLETION_INDEX=" + index + " (of " + manifestCount
          + " shards in sweep.json)", index, Integer.toString(manifestCount));
    }
    return null;
  }

  private static Shard environment(String what, String index, String count) {
    try {
      int i = Integer.parseInt(index.strip());
      int n = Integer.parseInt(count.strip());
      if (n >= 1 && i >= 0 && i < n) {
        return new Shard(i, n);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new UsageException(what + ": the shard index must be an integer from 0 to the count"
        + " minus 1 (submit the array as --array=0-(N-1), or pass --shard I/N)");
  }

  /** Whether this shard runs the cell at grid index {@code cell}. */
  boolean owns(int cell) {
    return cell % count == index;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
