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
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.SequenceScorer;

/**
 * Sampling a batch of {@value #B} responses of length 128 (d = k = 32) on-policy on the fast
 * bigram path, one thread: per response, the context start ({@code a = W1^T x}, {@code k}
 * exponentials) and 128 token draws.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class BatchSamplingBenchmark {
  static final int B = 1024;

  @Param({"128"})
  public int length;

  private Labeled<double[]>[] contexts;
  private SequenceScorer.Workspace<double[]> workspace;
  private int[][] y;
  private SplittableRandom rng;

  @Setup(Level.Trial)
  public void setUp() {
    Fixture fixture = new Fixture(32, 32, length);
    contexts = fixture.contexts(B);
    SequenceScorer<double[]> scorer = SequenceScorer.of(fixture.instance.model());
    scorer.prepare(fixture.w);
    workspace = scorer.workspace();
    y = new int[B][length];
    rng = new SplittableRandom(Fixture.SEED);
  }

  @Benchmark
  public void sampleBatch(Blackhole hole) {
    for (int b = 0; b < B; b++) {
      workspace.start(contexts[b].x());
      int[] yb = y[b];
      for (int i = 0; i < yb.length; i++) {
        yb[i] = workspace.sample(yb, i, rng.nextDouble());
      }
    }
    hole.consume(y);
  }
}
