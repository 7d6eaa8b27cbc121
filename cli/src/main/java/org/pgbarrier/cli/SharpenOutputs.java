package org.pgbarrier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pgbarrier.cli.plot.Figure;
import org.pgbarrier.cli.plot.Palette;
import org.pgbarrier.experiment.sharpen.SharpenSweep;
import org.pgbarrier.io.AtomicFiles;
import org.pgbarrier.support.Regime;

/**
 * The files of {@code pgbarrier sharpen}, each written atomically: {@value #JSON} (everything, in
 * the {@value #FORMAT} layout), {@code bon_sweep.csv} and {@code regime_map.csv} (the data of the
 * two figures), and the figures {@code bon_sweep.png/.svg} and {@code regime_map.png/.svg}. Nothing
 * in them depends on the time or the machine: the same settings give the same bytes.
 */
final class SharpenOutputs {
  /** The JSON layout written by this version. */
  static final String FORMAT = "pgbarrier/sharpen-v1";

  static final String JSON = "sharpen.json";

  /** Every file {@link #write} writes, by name. */
  static final List<String> FILES = List.of(JSON, "bon_sweep.csv", "regime_map.csv",
      "bon_sweep.png", "bon_sweep.svg", "regime_map.png", "regime_map.svg");

  private SharpenOutputs() {}

  /** Writes every file into {@code dir}, which exists, and returns them in writing order. */
  static List<Path> write(SharpenSweep.Result result, Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    Path json = dir.resolve(JSON);
    AtomicFiles.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsBytes(json(result)));
    files.add(json);
    files.add(text(dir.resolve("bon_sweep.csv"), sweepCsv(result)));
    files.add(text(dir.resolve("regime_map.csv"), regimeCsv(result)));
    files.addAll(Arrays.asList(sweepFigure(result).write(dir, "bon_sweep")));
    files.addAll(Arrays.asList(regimeFigure(result).write(dir, "regime_map")));
    return files;
  }

  private static Path text(Path file, String content) throws IOException {
    AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private static Map<String, Object> json(SharpenSweep.Result r) {
    SharpenSweep.Settings s = r.settings();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("seed", s.seed());
    Map<String, Object> instance = new LinkedHashMap<>();
    instance.put("family", r.instance().family());
    instance.put("seed", r.instance().seed());
    instance.putAll(r.instance().parameters());
    instance.put("target", "y*(x), the instance target: the unique argmax of pi_base(.|x)");
    root.put("instance", instance);

    Map<String, Object> sweep = new LinkedHashMap<>();
    sweep.put("quantity", "P(BoN_N = y*(x)), x uniform over the contexts");
    sweep.put("samples", s.samples());
    sweep.put("interval", "Clopper-Pearson, two-sided");
    sweep.put("level", s.level());
    List<Map<String, Object>> points = new ArrayList<>();
    for (SharpenSweep.Point p : r.points()) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("N", p.n());
      point.put("exact", p.exact());
      point.put("successes", p.successes());
      point.put("monte_carlo", p.monteCarlo());
      point.put("ci_low", p.interval().low());
      point.put("ci_high", p.interval().high());
      points.add(point);
    }
    sweep.put("points", points);
    Map<String, Object> curve = new LinkedHashMap<>();
    curve.put("N", r.curveN());
    curve.put("exact", r.curve());
    Map<String, Object> byRegime = new LinkedHashMap<>();
    r.curveByRegime().forEach((regime, values) -> byRegime.put(name(regime), values));
    curve.put("exact_by_regime", byRegime);
    sweep.put("curve", curve);
    root.put("best_of_n", sweep);

    Map<String, Object> regimes = new LinkedHashMap<>();
    regimes.put("budget", s.budget());
    regimes.put("max_budget", s.maxBudget());
    regimes.put("confidence", s.confidence());
    regimes.put("tau_budget", r.tauBudget());
    regimes.put("tau_max_budget", r.tauMaxBudget());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Regime regime : Regime.values()) {
      counts.put(name(regime), Arrays.stream(r.contexts()).filter(c -> c.regime() == regime)
          .count());
    }
    regimes.put("counts", counts);
    List<Map<String, Object>> contexts = new ArrayList<>();
    for (SharpenSweep.ContextRow c : r.contexts()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("context", c.context());
      row.put("log_p_star", c.logPStar());
      row.put("p_star", Math.exp(c.logPStar()));
      row.put("regime", name(c.regime()));
      contexts.add(row);
    }
    regimes.put("contexts", contexts);
    root.put("regimes", regimes);
    return root;
  }

  private static String sweepCsv(SharpenSweep.Result r) {
    StringBuilder csv = new StringBuilder("N,exact,successes,samples,monte_carlo,ci_low,ci_high\n");
    for (SharpenSweep.Point p : r.points()) {
      csv.append(p.n()).append(',').append(p.exact()).append(',').append(p.successes())
          .append(',').append(p.samples()).append(',').append(p.monteCarlo()).append(',')
          .append(p.interval().low()).append(',').append(p.interval().high()).append('\n');
    }
    return csv.toString();
  }

  private static String regimeCsv(SharpenSweep.Result r) {
    StringBuilder csv = new StringBuilder("rank,context,p_star,log_p_star,regime\n");
    SharpenSweep.ContextRow[] ranked = ranked(r);
    for (int i = 0; i < ranked.length; i++) {
      SharpenSweep.ContextRow c = ranked[i];
      csv.append(i + 1).append(',').append(c.context()).append(',')
          .append(Math.exp(c.logPStar())).append(',').append(c.logPStar()).append(',')
          .append(name(c.regime())).append('\n');
    }
    return csv.toString();
  }

  /** The contexts by decreasing {@code pi_base(y*|x)}, ties by context index. */
  static SharpenSweep.ContextRow[] ranked(SharpenSweep.Result r) {
    return Arrays.stream(r.contexts())
        .sorted(Comparator.comparingDouble((SharpenSweep.ContextRow c) -> -c.logPStar())
            .thenComparingInt(SharpenSweep.ContextRow::context))
        .toArray(SharpenSweep.ContextRow[]::new);
  }

  private static Figure sweepFigure(SharpenSweep.Result r) {
    SharpenSweep.Settings s = r.settings();
    Figure figure = new Figure(
        "Best-of-N success (G1, k = " + s.k() + ", length " + s.length() + ", "
            + s.contexts() + " contexts, seed " + s.seed() + ")",
        "N (responses drawn per prompt)", "P(BoN_{N} = y^{*}), mean over contexts")
        .logX(0.5).yRange(-0.02, 1.02).legend(Figure.Legend.BELOW);
    double[] n = Arrays.stream(r.curveN()).asDoubleStream().toArray();
    r.curveByRegime().forEach((regime, values) -> figure.dashed(
        "exact, " + name(regime) + " contexts only (" + count(r, regime) + ")", n, values,
        colour(regime)));
    figure.line("exact: E_{x}[1 \u2212 (1 \u2212 p^{*}(x))^{N}]", n, r.curve(), Color.BLACK);
    SharpenSweep.Point[] points = r.points();
    double[] x = new double[points.length];
    double[] mc = new double[points.length];
    double[] lo = new double[points.length];
    double[] hi = new double[points.length];
    for (int j = 0; j < points.length; j++) {
      x[j] = points[j].n();
      mc[j] = points[j].monteCarlo();
      lo[j] = points[j].interval().low();
      hi[j] = points[j].interval().high();
    }
    Color mcColour = Palette.categorical(0);
    figure.intervals(x, lo, hi, mcColour);
    figure.points("Monte Carlo, " + s.samples() + " runs per N, "
        + percent(s.level()) + " Clopper-Pearson", x, mc, mcColour);
    return figure;
  }

  private static Figure regimeFigure(SharpenSweep.Result r) {
    SharpenSweep.Settings s = r.settings();
    SharpenSweep.ContextRow[] ranked = ranked(r);
    double smallest = Math.min(r.tauMaxBudget(), Math.exp(ranked[ranked.length - 1].logPStar()));
    Figure figure = new Figure(
        "Regime map: \u03c0_{base}(y^{*}|x) against the budget thresholds (q = "
            + String.format(Locale.ROOT, "%.3g", s.confidence()) + ")",
        "context, by decreasing \u03c0_{base}(y^{*}|x)", "\u03c0_{base}(y^{*}|x)")
        .logY(Math.max(Double.MIN_NORMAL, smallest / 4)).legend(Figure.Legend.BELOW);
    double[] span = {0.5, ranked.length + 0.5};
    figure.dashed("\u03c4(B = " + plain(s.budget()) + ") = " + sig(r.tauBudget()), span,
        new double[] {r.tauBudget(), r.tauBudget()}, Color.DARK_GRAY);
    figure.dashed("\u03c4(B_{max} = " + plain(s.maxBudget()) + ") = " + sig(r.tauMaxBudget()),
        span,
        new double[] {r.tauMaxBudget(), r.tauMaxBudget()}, Color.GRAY);
    for (Regime regime : Regime.values()) {
      List<double[]> xy = new ArrayList<>();
      for (int i = 0; i < ranked.length; i++) {
        if (ranked[i].regime() == regime) {
          xy.add(new double[] {i + 1, Math.exp(ranked[i].logPStar())});
        }
      }
      if (!xy.isEmpty()) {
        figure.points(name(regime) + " (" + xy.size() + ")",
            xy.stream().mapToDouble(p -> p[0]).toArray(),
            xy.stream().mapToDouble(p -> p[1]).toArray(), colour(regime));
      }
    }
    return figure;
  }

  /** Basin green, tail orange, barrier red, singular grey. */
  private static Color colour(Regime regime) {
    return switch (regime) {
      case BASIN -> Palette.categorical(2);
      case TAIL -> Palette.categorical(1);
      case BARRIER -> Palette.categorical(3);
      case SINGULAR -> Palette.categorical(7);
    };
  }

  static String name(Regime regime) {
    return regime.name().toLowerCase(Locale.ROOT);
  }

  private static long count(SharpenSweep.Result r, Regime regime) {
    return Arrays.stream(r.contexts()).filter(c -> c.regime() == regime).count();
  }

  private static String percent(double level) {
    return String.format(Locale.ROOT, "%.4g%%", 100 * level).replaceAll("\\.?0+%$", "%");
  }

  private static String sig(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }

  /** A whole number without its {@code .0}; anything else as {@link Double#toString}. */
  static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
