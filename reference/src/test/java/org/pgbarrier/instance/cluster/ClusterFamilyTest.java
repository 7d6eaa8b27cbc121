package org.pgbarrier.instance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.MarginCertificate;
import org.pgbarrier.model.LinearAutoregressiveModel;

class ClusterFamilyTest {

  static ClusterFamily staircase(int k, int n) {
    return ClusterFamily.staircase(k, n)
        .group(0.5, 3, TokenBase.correct(0.9))
        .group(0.3, 2, TokenBase.correct(0.2))
        .group(0.2, 2, TokenBase.confidentlyWrong(-30))
        .build(7);
  }

  static TokenBase[][] indepBase(int m, int n, SplittableRandom rng) {
    TokenBase[][] base = new TokenBase[m][n];
    for (int c = 0; c < m; c++) {
      for (int i = 0; i < n; i++) {
        base[c][i] = rng.nextBoolean() ? TokenBase.correct(rng.nextDouble(0.05, 0.95))
            : TokenBase.confidentlyWrong(-rng.nextDouble(3, 20));
      }
    }
    return base;
  }

  static List<ClusterFamily> families() {
    SplittableRandom rng = new SplittableRandom(3);
    return List.of(
        staircase(3, 4),
        ClusterFamily.f1Shared(4, 3, new double[] {0.25, 0.75},
            new TokenBase[] {TokenBase.uniform(), TokenBase.correct(0.6)}, 11),
        ClusterFamily.f1Indep(3, 4, new double[] {0.2, 0.3, 0.5}, indepBase(3, 4, rng), 5),
        ClusterFamily.f3(3, 4, 2, 0.9, 5, 9));
  }

  @Test
  void theMarginOfTheTeacherCertifiedOnTheGeneralModelIsExactlyGamma() {
    for (ClusterFamily f : families()) {
      MarginCertificate cert = f.certify();
      int blocks = f.featureMap().independent() ? f.clusterCount() * f.length() : f.clusterCount();
      assertThat(cert.holds()).as(f.describe()).isTrue();
      assertThat(cert.realised()).as(f.describe())
          .isCloseTo(1 / Math.sqrt(blocks), within(1e-12 / Math.sqrt(blocks)));
      assertThat(cert.featureNorm()).isEqualTo(1.0);
      assertThat(f.dimension()).isEqualTo(blocks * f.vocabularySize());
      if (!f.featureMap().independent()) {
        // D = M k = k / gamma^2
        assertThat((double) f.dimension())
            .isCloseTo(f.vocabularySize() / (f.gamma() * f.gamma()), within(1e-9));
      }
    }
  }

  @Test
  void targetsFollowTheFamilyPatterns() {
    ClusterFamily s = staircase(3, 4);
    for (int c = 0; c < s.clusterCount(); c++) {
      for (int i = 0; i < 4; i++) {
        assertThat(s.target(c)[i]).isEqualTo((s.offset(c) + i) % 3);
      }
    }
    ClusterFamily f3 = ClusterFamily.f3(5, 6, 3, 0.5, 40, 1);
    int ones = 0;
    for (int c = 0; c < f3.clusterCount(); c++) {
      int b = f3.offset(c);
      assertThat(b).isBetween(0, 1);
      ones += b;
      assertThat(f3.target(c)).containsOnly(b);
      assertThat(f3.group(c)).isEqualTo(c < 3 ? 0 : 1);
    }
    assertThat(ones).isBetween(1, 42);
    assertThat(f3.mass(0)).isCloseTo(0.5 / 3, within(1e-15));
    assertThat(f3.mass(3)).isCloseTo(0.5 / 40, within(1e-15));
  }

  @Test
  void theBaseModelHasTheRequestedPerTokenProbabilityOfTheCorrectToken() {
    ClusterFamily f = staircase(3, 4);
    LinearAutoregressiveModel<ClusterContext> model = f.model();
    double[] requested = {Math.log(0.9), Math.log(0.2), -30};
    double[] out = new double[4];
    for (Labeled<ClusterContext> l : f.contexts()) {
      int c = l.x().cluster();
      model.tokenLogProbabilities(f.baseWeights(), l.x(), l.target(), out);
      for (int i = 0; i < 4; i++) {
        double want = requested[f.group(c)];
        assertThat(out[i]).isCloseTo(want, within(1e-12 * Math.abs(want)));
        assertThat(f.baseTokenLogProbability(c, i)).isCloseTo(want, within(1e-12 * Math.abs(want)));
      }
    }
  }

  @Test
  void aConfidentlyWrongBlockOfLogProbabilityMinusAThousandIsFiniteAndExact() {
    ClusterFamily f = ClusterFamily.f1Shared(8, 32, new double[] {1.0},
        new TokenBase[] {TokenBase.confidentlyWrong(-1000)}, 1);
    for (double x : f.baseWeights()) {
      assertThat(x).isFinite();
    }
    assertThat(f.baseTargetLogLikelihood(0)).isCloseTo(-32_000, within(1e-9));
    assertThatThrownBy(() -> ClusterFamily.f1Shared(4, 2, new double[] {1.0},
        new TokenBase[] {TokenBase.confidentlyWrong(-1.0)}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("logProbability = -1.0");
  }

  @Test
  void badArgumentsAreRefusedNamingParameterValueAndRule() {
    assertThatThrownBy(() -> ClusterFamily.f1Shared(3, 2, new double[] {0.5, 0.4},
        new TokenBase[] {TokenBase.uniform(), TokenBase.uniform()}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("masses sum to 0.9")
        .hasMessageContaining("must sum to 1");
    assertThatThrownBy(() -> ClusterFamily.f1Shared(1, 2, new double[] {1},
        new TokenBase[] {TokenBase.uniform()}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k = 1: must be at least 2");
    assertThatThrownBy(() -> TokenBase.correct(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s = 1.0: must be in (0, 1)");
    assertThatThrownBy(() -> ClusterFamily.staircase(3, 2).build(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groups = 0");
  }
}
