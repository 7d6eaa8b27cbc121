package org.pgbarrier.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pgbarrier.instance.BigramInstances;
import org.pgbarrier.model.BigramFeatureMap;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.random.Seeds;

/**
 * One sequence of the bigram model (arXiv 2603.06957, authors' {@code utils/model.py}; see {@link
 * BigramFeatureMap}): {@code tokenLogProbabilities} (N softmax normalisers of k logits each, the
 * likelihood path) and {@code sample} (the same plus inverse-CDF draws, the rollout path).
 *
 * <p>Weights have i.i.d. N(0,1) entries and the context is a Rademacher {@code x in {-1,+1}^d},
 * as in instance family G3 ({@link BigramInstances}); the scored response is one sample from the
 * model. All are drawn once per trial from {@link #SEED} (streams 0, 1, 2); the sampler uses
 * stream 3 and advances across invocations, so no two invocations sample the same response. The
 * inputs live in non-final state fields and results go to a {@link Blackhole}, so nothing is
 * constant-folded or eliminated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SequenceLikelihoodBenchmark {
  /** Master seed of every random stream in this benchmark. */
  public static final long SEED = 20261122L;

  /** Vocabulary size. */
  @Param({"8", "32", "256"})
  public int k;

  /** Input dimension. */
  @Param({"32"})
  public int d;

  /** Response length N. */
  @Param({"128"})
  public int length;

  private LinearAutoregressiveModel<double[]> model;
  private double[] w;
  private double[] x;
  private int[] y;
  private double[] tokenLogProbabilities;
  private SplittableRandom sampler;

  @Setup(Level.Trial)
  public void setUp() {
    BigramFeatureMap phi = new BigramFeatureMap(d, k);
    model = new LinearAutoregressiveModel<>(phi, length);
    SplittableRandom weights = Seeds.stream(SEED, 0);
    w = new double[phi.dimension()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights.nextGaussian();
    }
    BigramInstances.Spec spec =
        new BigramInstances.Spec(d, k, length, BigramInstances.Inputs.RADEMACHER, 1, 0.0, 1);
    x = BigramInstances.drawInput(spec, Seeds.stream(SEED, 1));
    y = model.sample(w, x, Seeds.stream(SEED, 2));
    tokenLogProbabilities = new double[length];
    sampler = Seeds.stream(SEED, 3);
  }

  @Benchmark
  public void tokenLogProbabilities(Blackhole bh) {
    bh.consume(model.tokenLogProbabilities(w, x, y, tokenLogProbabilities));
    bh.consume(tokenLogProbabilities);
  }

  @Benchmark
  public void sample(Blackhole bh) {
    bh.consume(model.sample(w, x, sampler));
  }
}
