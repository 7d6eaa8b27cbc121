package org.pgbarrier.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The heap an experiment needs, estimated from its settings alone before any work, so that a run
 * that cannot fit is refused up front instead of failing with an {@link OutOfMemoryError} after
 * hours. [RECONSTRUCTED: an account of the dominant arrays of {@link PgExperiment}, {@link
 * CdfExperiment} and {@code io.ArtifactWriter}, not a measurement.]
 *
 * <p>With {@code d}, {@code k}, {@code N = seq_length}, {@code D = dk + k^2} the parameter count
 * and one labelled context costing {@code c = 72 + 8d + 4N} bytes (a list slot, the record, the
 * {@code double[d]} input and the {@code int[N]} target, with their headers), the parts are:
 *
 * <ul>
 *   <li>{@code weights}: {@value #WEIGHT_COPIES} vectors of {@code D} doubles ({@code w}, the base
 *       copy, {@code W*} and the instance's base, two optimiser accumulators, two batch
 *       directions), {@code WEIGHT_COPIES (16 + 8D)}, plus the per-sequence gradient workspace
 *       {@code 16 + 8Nk};
 *   <li>{@code test set}: {@code test_set_size (c + 16)} (the contexts and the evaluator's
 *       references);
 *   <li>{@code pool} (PG): the tracking pool's own contexts ({@code track_set_size} with {@code
 *       track_source: sample}, {@code num_mix} with {@code mixture_centers}, none with {@code test})
 *       at {@code c} each, plus {@value #POOL_WORKING} bytes of working arrays per pool sample
 *       (base log-likelihoods and likelihoods, the step buffer, the boxed sort order);
 *   <li>{@code batch}: the larger phase's {@code batch_size (c + 32 + 12N)} (fresh contexts,
 *       sampled responses {@code int[N]}, per-token rewards {@code double[N]});
 *   <li>{@code tracked history} (PG): {@code rows = floor(pg.steps / track_every) + 2} rows of
 *       the tracked likelihoods ({@code T} = {@code track_initial_quantiles} with uniform
 *       tracking, else {@code min(max_tracked_samples, pool)}), {@code rows (8T + 80)};
 *   <li>{@code cdf samples} (cdf): {@code cdf_samples (c + }{@value #CDF_WORKING}{@code )}, the
 *       contexts and the likelihood, CDF and quantile arrays of one checkpoint;
 *   <li>{@code written text}: the artifacts are built as text before they are written, at
 *       {@value #BYTES_PER_CHAR} bytes per character (the growing builder, the string, its UTF-8
 *       bytes): {@value #CHARS_PER_TRACKED} characters per tracked value and {@value
 *       #CHARS_PER_POOL_SAMPLE} per pool sample (JSON and CSV), {@value #CHARS_PER_CURVE_POINT} per
 *       curve point.
 * </ul>
 *
 *
 * and {@code worker buffers}: the batch learners cut the larger phase's batch into lanes of
 * {@value #LANE} sequences that the worker threads fill (learn.batch.Batch), each lane with two
 * gradient accumulators {@code 2 (16 + 8D)}, four scoring workspaces {@code 4 (16 + 8Nk)} and
 * its token scales {@code 16 + 8N}: {@code ceil(batch / LANE)} lanes.
 *
 * Everything is computed in {@code double}, so no size overflows. The JVM's own memory (classes'
 * objects, libraries, figure rasters) and the collector's room are not in the estimate: the cli
 * keeps them apart (HeapBudget).
 *
 * @param parts bytes per part, in the order above; parts that do not apply are absent
 */
public record MemoryEstimate(Map<String, Double> parts) {
  /** Copies of the weight vector alive at once. */
  public static final int WEIGHT_COPIES = 8;

  /** Working bytes per pool sample beyond its context. */
  public static final int POOL_WORKING = 72;

  /** Sequences per lane of the batch learners (learn.batch.Batch.LANE). */
  public static final int LANE = 64;

  /** Working bytes per cdf sample beyond its context. */
  public static final int CDF_WORKING = 128;

  /** Heap bytes per character of text built for an artifact. */
  public static final int BYTES_PER_CHAR = 4;

  /** Characters written per tracked likelihood value (a JSON number, a CSV row). */
  public static final int CHARS_PER_TRACKED = 128;

  /** Characters written per pool sample (a JSON number, a CSV row). */
  public static final int CHARS_PER_POOL_SAMPLE = 96;

  /** Characters written per point of a test-error or cdf curve. */
  public static final int CHARS_PER_CURVE_POINT = 64;

  private static final double MIB = 1024.0 * 1024.0;

  private static final double GIB = 1024.0 * MIB;

  public MemoryEstimate {
    parts = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parts)));
  }

  /** The estimate for {@code settings}. */
  public static MemoryEstimate of(ExperimentSettings settings) {
    Objects.requireNonNull(settings, "settings");
    DataSettings data = settings.data();
    double d = data.d();
    double k = data.k();
    double n = data.seqLength();
    double context = contextBytes(data);
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("weights", WEIGHT_COPIES * (16 + 8 * (d * k + k * k)) + 16 + 8 * n * k);
    parts.put("test set", data.testSetSize() * (context + 16));
    if (settings instanceof PgExperimentSettings pg) {
      double pool = poolSize(data);
      double ownContexts = data.trackSource() == DataSettings.TrackSource.TEST ? 0 : pool;
      parts.put("pool", ownContexts * context + pool * POOL_WORKING);
      double batch = Math.max(pg.supervised().batchSize(), pg.pg().batchSize());
      parts.put("batch", batch * (context + 32 + 12 * n));
      parts.put("worker buffers", workerBuffers(batch, d * k + k * k, n, k));
      double tracked = pg.tracking().type() == TrackingSettings.Type.UNIFORM
          ? pg.tracking().quantiles() : Math.min(pg.tracking().maxTracked(), pool);
      double rows = Math.floor((double) pg.pg().steps() / pg.pg().trackEvery()) + 2;
      parts.put("tracked history", rows * (8 * tracked + 80));
      double curvePoints = curvePoints(pg.supervised()) + curvePoints(pg.pg()) + rows;
      parts.put("written text", BYTES_PER_CHAR * (rows * tracked * CHARS_PER_TRACKED
          + pool * CHARS_PER_POOL_SAMPLE + curvePoints * CHARS_PER_CURVE_POINT));
    } else {
      CdfExperimentSettings cdf = (CdfExperimentSettings) settings;
      parts.put("batch", cdf.batchSize() * (context + 32 + 12 * n));
      parts.put("worker buffers", workerBuffers(cdf.batchSize(), d * k + k * k, n, k));
      parts.put("cdf samples", cdf.cdfSamples() * (context + CDF_WORKING));
      double curvePoints = (cdf.numModels() + 1.0) * 2 * CdfExperiment.GRID_POINTS;
      parts.put("written text", BYTES_PER_CHAR * curvePoints * CHARS_PER_CURVE_POINT);
    }
    return new MemoryEstimate(parts);
  }

  /** {@code ceil(batch / LANE) (2 (16 + 8D) + 4 (16 + 8Nk) + 16 + 8N)}. */
  private static double workerBuffers(double batch, double dimension, double n, double k) {
    return Math.ceil(batch / LANE) * (2 * (16 + 8 * dimension) + 4 * (16 + 8 * n * k) + 16 + 8 * n);
  }

  /** The bytes of one labelled context of {@code data}: {@code 72 + 8d + 4N}. */
  public static double contextBytes(DataSettings data) {
    return 72 + 8.0 * data.d() + 4.0 * data.seqLength();
  }

  /** The total, in bytes. */
  public double bytes() {
    return parts.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * One line: the total and the parts, largest first, e.g. {@code 12.50 GiB (test set 11.92
   * GiB, written text 512.0 MiB, ...)}.
   */
  public String describe() {
    return size(bytes()) + " (" + parts.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + size(e.getValue()))
        .collect(Collectors.joining(", ")) + ")";
  }

  /** {@code bytes} with a binary unit: {@code 2.50 GiB}, {@code 36.4 MiB}, {@code 12 KiB}. */
  public static String size(double bytes) {
    if (bytes >= GIB) {
      return String.format(Locale.ROOT, "%.2f GiB", bytes / GIB);
    }
    if (bytes >= MIB) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }
    return String.format(Locale.ROOT, "%.0f KiB", Math.ceil(bytes / 1024));
  }

  private static double poolSize(DataSettings data) {
    return switch (data.trackSource()) {
      case TEST -> data.testSetSize();
      case SAMPLE -> data.trackSetSize();
      case MIXTURE_CENTERS -> data.inputs() instanceof DataSettings.InputGenerator.Mixture m
          ? m.numMix() : 0;
    };
  }

  private static double curvePoints(PhaseSettings phase) {
    return Math.floor((double) phase.steps() / phase.testEvery()) + 2;
  }
}
