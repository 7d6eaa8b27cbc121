package org.pgbarrier.testkit.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Design checks of {@link QuantileInterval} and {@link SlopeInterval}. */
class QuantileIntervalTest {

  @Test
  void orderStatisticEndsKeepEachTailBelowHalfTheLevel() {
    // M = 20, p = 1/2, a = 0.05: P[Bin(20,1/2) <= 5] = 0.0207 <= 0.025 < P[<= 6] = 0.0577,
    // so l = 6; by symmetry u = 15. Values 1..20, so the interval is [6, 15] (Conover, Table A3).
    double[] x = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = 20 - i;
    }
    QuantileInterval median = QuantileInterval.median(x, 0.05);
    assertThat(median.lower()).isEqualTo(6);
    assertThat(median.upper()).isEqualTo(15);
    assertThat(median.estimate()).isEqualTo(10);
  }

  @Test
  void tooFewDrawsGiveAnInfiniteEnd() {
    QuantileInterval median = QuantileInterval.median(new double[] {1, 2, 3}, 0.05);
    assertThat(median.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(median.upper()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void medianIntervalCoversAtLeastItsLevelOnADiscreteLaw() {
    // Geometric(0.3) medians: many ties. 4000 repetitions; coverage must be >= 0.9 nominal.
    SplittableRandom rng = new SplittableRandom(3);
    double alpha = 0.3;
    double trueMedian = Math.ceil(Math.log(0.5) / Math.log1p(-alpha));
    int covered = 0;
    int reps = 4000;
    for (int r = 0; r < reps; r++) {
      double[] x = new double[25];
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.ceil(Math.log(1 - rng.nextDouble()) / Math.log1p(-alpha));
      }
      QuantileInterval m = QuantileInterval.median(x, 0.1);
      if (m.lower() <= trueMedian && trueMedian <= m.upper()) {
        covered++;
      }
    }
    // Under coverage >= 0.9, P[covered <= 3540] <= P[Bin(4000, 0.9) <= 3540] < 1e-6.
    assertThat(covered).isGreaterThan(3540);
  }

  @Test
  void slopeIntervalIsTheSetOfLinesThroughEveryBox() {
    SplittableRandom rng = new SplittableRandom(9);
    for (int trial = 0; trial < 200; trial++) {
      int j = 2 + rng.nextInt(4);
      double[] t = new double[j];
      QuantileInterval[] boxes = new QuantileInterval[j];
      for (int i = 0; i < j; i++) {
        t[i] = i + rng.nextDouble();
        double centre = -1.0 * t[i] + 0.3 * rng.nextGaussian();
        double half = 0.05 + 0.3 * rng.nextDouble();
        boxes[i] = new QuantileInterval(centre - half, centre, centre + half);
      }
      SlopeInterval slopes = SlopeInterval.through(t, boxes);
      // Brute force: slope s is feasible iff max(lo - s t) <= min(hi - s t).
      for (double s = -3; s <= 1; s += 0.01) {
        double maxLow = Double.NEGATIVE_INFINITY;
        double minHigh = Double.POSITIVE_INFINITY;
        for (int i = 0; i < j; i++) {
          maxLow = Math.max(maxLow, boxes[i].lower() - s * t[i]);
          minHigh = Math.min(minHigh, boxes[i].upper() - s * t[i]);
        }
        boolean feasible = maxLow <= minHigh + 1e-12;
        boolean clearly = maxLow < minHigh - 1e-9 || maxLow > minHigh + 1e-9;
        if (clearly) {
          assertThat(slopes.contains(s)).as("trial %d s=%s %s", trial, s, slopes)
              .isEqualTo(feasible);
        }
      }
    }
  }
}
