package org.pgbarrier.cli;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.sharpen.BestOfN;
import org.pgbarrier.stats.ClopperPearson;
import org.pgbarrier.support.AccessibleSet;
import org.pgbarrier.support.Regime;

/**
 * The computation behind {@code pgbarrier sharpen}: a G1 tabular instance ({@link
 * TabularInstances}, uniform context law) whose base model {@code pi_base = p_{w_base}} has token
 * likelihoods log-uniform in {@code [baseMin, baseMax]} with {@code baseMin > 1/k}, so that the
 * target {@code y*(x)} is the unique argmax of {@code pi_base(.|x)}, the {@code y*} of sharpening
 * [SOURCE: arXiv 2412.01951 §3.1]. For each {@code N} of the grid:
 *
 * <ul>
 *   <li>exact: {@code E_x P(BoN_N = y*(x))} from {@link BestOfN#law} on the enumerated base law of
 *       every context;
 *   <li>Monte Carlo: {@code samples} independent runs, each drawing a context uniformly and {@code
 *       N} responses from the base model ({@link LinearAutoregressiveModel#sample}) and selecting
 *       the best ({@link BestOfN#select}, the same tie rule as the exact law); the successes get a
 *       two-sided Clopper-Pearson interval ({@link ClopperPearson#twoSided}). Run {@code r} at grid index
 *       {@code j} uses {@code Seeds.stream(Seeds.derive(derive(seed, 1), j), r)}, so the counts do
 *       not depend on the thread count.
 * </ul>
 *
 * <p>The regime map places every context's {@code pi_base(y*(x)|x)} against the accessible-support
 * thresholds {@code tau(B, q)} and {@code tau(B_max, q)} ({@link Regime}, [RECONSTRUCTED,
 * docs/theory.md §10.4]).
 */
final class SharpenSweep {
  /** Points of the exact curve per decade of {@code N}, besides the grid itself. */
  private static final int CURVE_POINTS_PER_DECADE = 24;

  /** Contexts whose exact laws are computed between two progress updates. */
  private static final int PROGRESS_CHUNK = 64;

  /** Heap bytes per context besides its base law and curve row: objects, regime row and text. */
  private static final int BYTES_PER_CONTEXT = 512;

  private SharpenSweep() {}

  /** What to compute; validated by the command. */
  record Settings(
      long seed,
      int k,
      int length,
      int contexts,
      double baseMin,
      double baseMax,
      int[] grid,
      int samples,
      double budget,
      double maxBudget,
      double confidence,
      double level) {}

  /**
   * An estimate of the sweep's work in token-vocabulary steps: the Monte Carlo runs draw {@code
   * samples x sum(grid)} responses of {@code length} tokens over {@code k}, and the exact law
   * visits the {@code k^length} responses of every context at every point of the curve: {@code
   * samples x sum(grid) x length x k + contexts x curve points x k^length}. In {@code double}: the
   * product overflows a long.
   */
  static double work(Settings s) {
    double grid = Arrays.stream(s.grid()).asDoubleStream().sum();
    return (double) s.samples() * grid * s.length() * s.k()
        + (double) s.contexts() * curveN(s.grid()).length * Math.pow(s.k(), s.length());
  }

  /**
   * Estimated peak heap bytes of {@link #run} [RECONSTRUCTED: an account of its dominant arrays,
   * in {@code double} so that nothing overflows]: per context the enumerated base law and its
   * copy, {@code 2 (16 + 8 k^length)}, its row of the exact curve, {@code 16 + 8 P} ({@code P}
   * curve points), and {@value #BYTES_PER_CONTEXT} bytes of context, target, row and text; the
   * tabular instance's weight vectors, {@code 3 (16 + 8 (contexts length + 1) k)}; the Monte Carlo
   * buffers, {@code samples} flags and one {@code int[N_max]} of draws per processor.
   */
  static double requiredBytes(Settings s) {
    double responses = Math.pow(s.k(), s.length());
    double curvePoints = curveN(s.grid()).length;
    double perContext = 2 * (16 + 8 * responses) + 16 + 8 * curvePoints + BYTES_PER_CONTEXT;
    double weights = 3 * (16 + 8 * ((double) s.contexts() * s.length() + 1) * s.k());
    double maxN = Arrays.stream(s.grid()).max().orElse(0);
    double monteCarlo = 16 + s.samples()
        + Runtime.getRuntime().availableProcessors() * (16 + 4 * maxN);
    return s.contexts() * perContext + weights + monteCarlo;
  }

  /** One grid point: the exact probability and the Monte Carlo estimate with its interval. */
  record Point(int n, double exact, int successes, int samples, ClopperPearson.Interval interval) {
    double monteCarlo() {
      return (double) successes / samples;
    }
  }

  /** One context of the regime map. */
  record ContextRow(int context, double logPStar, Regime regime) {}

  /**
   * The outcome.
   *
   * @param curveN the {@code N} of the exact curve (the grid and log-spaced points between)
   * @param curve {@code E_x P(BoN_N = y*)} at {@code curveN}
   * @param curveByRegime the same mean over the contexts of each regime present
   */
  record Result(
      Settings settings,
      Instance<TabularContext> instance,
      Point[] points,
      int[] curveN,
      double[] curve,
      Map<Regime, double[]> curveByRegime,
      ContextRow[] contexts,
      double tauBudget,
      double tauMaxBudget) {}

  static Result run(Settings s) {
    return run(s, ProgressDisplay.quiet());
  }

  /**
   * The sweep, its progress shown on {@code progress}: the exact laws context by context, then the
   * Monte Carlo runs, counted in drawn responses ({@code samples x N} per grid point). The
   * parallel loops run on the caller's fork-join pool; every context and every run writes its
   * own slot and the sums run in index order, so the bits do not depend on the pool's size.
   */
  static Result run(Settings s, ProgressDisplay progress) {
    Instance<TabularContext> instance = TabularInstances.generate(new TabularInstances.Spec(s.k(),
        s.length(), s.contexts(), 1 / Math.sqrt((double) s.contexts() * s.length()), s.baseMin(),
        s.baseMax()), Seeds.derive(s.seed(), 0));
    LinearAutoregressiveModel<TabularContext> model = instance.model();
    double[] wBase = instance.wBase();
    int contexts = instance.contexts().size();
    double[][] base = new double[contexts][];
    int[] target = new int[contexts];
    ContextRow[] rows = new ContextRow[contexts];
    Regime[] regimes = new Regime[contexts];
    for (int c = 0; c < contexts; c++) {
      Labeled<TabularContext> context = instance.contexts().get(c);
      double[] logLikelihoods = model.enumerateLogLikelihoods(wBase, context.x());
      base[c] = new double[logLikelihoods.length];
      for (int y = 0; y < logLikelihoods.length; y++) {
        base[c][y] = Math.exp(logLikelihoods[y]);
      }
      target[c] = code(context.target(), s.k());
      double logPStar = logLikelihoods[target[c]];
      regimes[c] = Regime.of(logPStar, s.budget(), s.maxBudget(), s.confidence());
      rows[c] = new ContextRow(c, logPStar, regimes[c]);
    }
    int[] curveN = curveN(s.grid());
    double[][] success = new double[contexts][curveN.length];
    progress.phase("exact law", contexts);
    for (int from = 0; from < contexts; from += PROGRESS_CHUNK) {
      int to = Math.min(contexts, from + PROGRESS_CHUNK);
      IntStream.range(from, to).parallel().forEach(c -> {
        int[] rank = BestOfN.ranking(base[c]);
        for (int i = 0; i < curveN.length; i++) {
          success[c][i] = BestOfN.law(base[c], rank, curveN[i])[target[c]];
        }
      });
      progress.update(to, Double.NaN);
    }
    double[] curve = new double[curveN.length];
    Map<Regime, double[]> byRegime = new EnumMap<>(Regime.class);
    Map<Regime, Integer> counts = new EnumMap<>(Regime.class);
    for (int c = 0; c < contexts; c++) {
      double[] regimeCurve = byRegime.computeIfAbsent(regimes[c], r -> new double[curveN.length]);
      counts.merge(regimes[c], 1, Integer::sum);
      for (int i = 0; i < curveN.length; i++) {
        curve[i] += success[c][i] / contexts;
        regimeCurve[i] += success[c][i];
      }
    }
    byRegime.forEach((regime, values) -> {
      for (int i = 0; i < values.length; i++) {
        values[i] /= counts.get(regime);
      }
    });
    Point[] points = new Point[s.grid().length];
    long master = Seeds.derive(s.seed(), 1);
    progress.phase("best-of-N", (long) s.samples() * Arrays.stream(s.grid()).asLongStream().sum());
    long drawn = 0;
    for (int j = 0; j < points.length; j++) {
      int n = s.grid()[j];
      long pointSeed = Seeds.derive(master, j);
      boolean[] hit = new boolean[s.samples()];
      IntStream.range(0, s.samples()).parallel().forEach(r -> {
        SplittableRandom rng = Seeds.stream(pointSeed, r);
        int c = rng.nextInt(contexts);
        TabularContext x = instance.contexts().get(c).x();
        int[] draws = new int[n];
        for (int d = 0; d < n; d++) {
          draws[d] = code(model.sample(wBase, x, rng), s.k());
        }
        hit[r] = BestOfN.select(base[c], draws) == target[c];
      });
      int successes = 0;
      for (boolean h : hit) {
        successes += h ? 1 : 0;
      }
      double exact = curve[Arrays.binarySearch(curveN, n)];
      points[j] = new Point(n, exact, successes, s.samples(),
          ClopperPearson.twoSided(successes, s.samples(), s.level()));
      drawn += (long) s.samples() * n;
      progress.update(drawn, Double.NaN);
    }
    progress.close();
    return new Result(s, instance, points, curveN, curve, byRegime, rows,
        AccessibleSet.threshold(s.budget(), s.confidence()),
        AccessibleSet.threshold(s.maxBudget(), s.confidence()));
  }

  /** The enumeration index of a response: {@code sum_i y_i k^(length-1-i)}. */
  private static int code(int[] y, int k) {
    int code = 0;
    for (int token : y) {
      code = code * k + token;
    }
    return code;
  }

  /**
   * The grid and {@value #CURVE_POINTS_PER_DECADE} log-spaced integers a decade between 1 and the
   * largest grid value, sorted, without repeats.
   */
  private static int[] curveN(int[] grid) {
    int max = Arrays.stream(grid).max().orElseThrow();
    TreeSet<Integer> n = new TreeSet<>();
    for (int g : grid) {
      n.add(g);
    }
    int steps = (int) Math.ceil(Math.log10(max) * CURVE_POINTS_PER_DECADE);
    for (int i = 0; i <= steps; i++) {
      n.add((int) Math.min(max, Math.round(Math.pow(max, (double) i / Math.max(1, steps)))));
    }
    return n.stream().mapToInt(Integer::intValue).toArray();
  }
}
