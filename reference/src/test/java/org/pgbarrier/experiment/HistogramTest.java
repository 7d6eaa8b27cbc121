package org.pgbarrier.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTest {
  @Test
  void binsAreThoseOfNumpyOverTheRangeOfTheValues() {
    Histogram h = Histogram.authors(new double[] {0.0, 0.5, 1.0, 0.1, 0.95}, 10);
    assertThat(h.counts()).containsExactly(1, 1, 0, 0, 0, 1, 0, 0, 0, 2);
    assertThat(h.edges()[0]).isEqualTo(0.0);
    assertThat(h.edges()[10]).isEqualTo(1.0);
  }

  @Test
  void atLeastTenBinsAsTheAuthorsDraw() {
    assertThat(Histogram.authors(new double[] {1, 2}, 3).counts()).hasSize(10);
    assertThat(Histogram.authors(new double[] {1, 2}, 120).counts()).hasSize(120);
  }

  @Test
  void equalValuesGetAUnitRangeAroundThem() {
    Histogram h = Histogram.authors(new double[] {0.25, 0.25}, 10);
    assertThat(h.edges()[0]).isEqualTo(-0.25);
    assertThat(h.edges()[10]).isEqualTo(0.75);
    assertThat(h.counts()[5]).isEqualTo(2);
  }
}
