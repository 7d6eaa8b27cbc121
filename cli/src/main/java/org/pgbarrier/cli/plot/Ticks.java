package org.pgbarrier.cli.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the tick marks of an axis go and how they read. A linear axis gets "nice" steps ({@code
 * 1, 2, 5} times a power of ten); an integer axis (counts) the same with a step of at least 1; a
 * logarithmic axis gets decades only ({@code 10^k}), every one or every 2nd, 5th, 10th, ... decade
 * so that no more than the asked number of labels are drawn, and never a tick between decades.
 */
final class Ticks {
  private static final double[] NICE = {1, 2, 5, 10};

  private Ticks() {}

  /** Nice linear ticks inside {@code [lo, hi]}, at most {@code most} of them (at least 2 asked). */
  static double[] linear(double lo, double hi, int most) {
    return nice(lo, hi, most, 0);
  }

  /** Ticks on whole numbers inside {@code [lo, hi]} with a whole step, at most {@code most}. */
  static double[] integer(double lo, double hi, int most) {
    return nice(lo, hi, most, 1);
  }

  /**
   * The decade exponents {@code k} with {@code lo <= k <= hi} ({@code lo}, {@code hi} in log10 units)
   * that carry a tick: multiples of a step of 1, 2, 5, 10, 20, 50, ... decades, the smallest step
   * leaving at most {@code most} ticks. Empty when no decade lies in the range.
   */
  static int[] decades(double lo, double hi, int most) {
    check(lo, hi, most);
    for (long step = 1; ; step = nextStep(step)) {
      long first = (long) Math.ceil(lo / step - 1e-9) * step;
      List<Integer> ticks = new ArrayList<>();
      for (long k = first; k <= hi + 1e-9; k += step) {
        ticks.add((int) k);
      }
      if (ticks.size() <= most) {
        return ticks.stream().mapToInt(Integer::intValue).toArray();
      }
    }
  }

  /**
   * The label of a linear tick: the shortest plain decimal that tells neighbouring ticks apart
   * ({@code 0.25}, {@code 1000}, {@code -3}); {@code step} is the tick spacing.
   */
  static String plain(double value, double step) {
    if (Math.abs(value) < step * 1e-9) {
      value = 0;
    }
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    for (int d = decimals; d < decimals + 3; d++) {
      double scaled = step * Math.pow(10, d);
      if (Math.abs(scaled - Math.rint(scaled)) < 1e-6) {
        decimals = d;
        break;
      }
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value).replace("-", "\u2212");
  }

  /**
   * The label of the decade {@code 10^k} in the figures' markup: {@code 10^{k}} (drawn with a raised
   * exponent), or the plain number when every tick of the axis lies in {@code [10^-2, 10^4]}, where
   * {@code 0.01} or {@code 1000} reads faster ({@code plainRange}).
   */
  static String decade(int k, boolean plainRange) {
    if (plainRange) {
      return k >= 0 ? "1" + "0".repeat(k) : "0." + "0".repeat(-k - 1) + "1";
    }
    return "10^{" + (k < 0 ? "\u2212" + (-k) : Integer.toString(k)) + "}";
  }

  /** Whether the decades {@code ticks} all read well as plain numbers (see {@link #decade}). */
  static boolean plainRange(int[] ticks) {
    for (int k : ticks) {
      if (k < -2 || k > 4) {
        return false;
      }
    }
    return true;
  }

  private static double[] nice(double lo, double hi, int most, double minStep) {
    check(lo, hi, most);
    double span = hi - lo;
    double step = Math.max(minStep, span / Math.max(1, most - 1));
    double magnitude = Math.pow(10, Math.floor(Math.log10(step)));
    double chosen = 10 * magnitude;
    for (double m : NICE) {
      if (m * magnitude >= step * (1 - 1e-9)) {
        chosen = m * magnitude;
        break;
      }
    }
    while (true) {
      List<Double> ticks = new ArrayList<>();
      long first = (long) Math.ceil(lo / chosen - 1e-9);
      for (long i = first; i * chosen <= hi + chosen * 1e-9; i++) {
        ticks.add(i * chosen);
      }
      if (ticks.size() <= most) {
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
      }
      chosen = nextNice(chosen);
    }
  }

  private static double nextNice(double step) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
    double m = step / magnitude;
    return m < 1.5 ? 2 * magnitude : m < 3.5 ? 5 * magnitude : 10 * magnitude;
  }

  private static long nextStep(long step) {
    long magnitude = 1;
    while (magnitude * 10 <= step) {
      magnitude *= 10;
    }
    long m = step / magnitude;
    return m == 1 ? 2 * magnitude : m == 2 ? 5 * magnitude : 10 * magnitude;
  }

  private static void check(double lo, double hi, int most) {
    if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("axis range [" + lo + ", " + hi
          + "]: must be finite with lo <= hi");
    }
    if (most < 2) {
      throw new IllegalArgumentException("most = " + most + ": must be at least 2");
    }
  }
}
