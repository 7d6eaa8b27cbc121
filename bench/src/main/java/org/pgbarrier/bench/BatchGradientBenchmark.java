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
 * The batch gradient {@code sum_b grad log p_w(y_b | x_b)} of {@value #B} responses of length
 * 128 (d = k = 32), one thread, on the fast bigram path ({@code fast}) and on the general model
 * ({@code general}, the reference). Responses are samples of the model (stream 12), so the
 * distinct previous tokens per response are those of real rollouts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class BatchGradientBenchmark {
  static final int B = 1024;

  @Param({"128"})
  public int length;

  private Fixture fixture;
  private Labeled<double[]>[] contexts;
  private int[][] y;
  private SequenceScorer.Workspace<double[]> workspace;
  private double[] acc;

  @Setup(Level.Trial)
  public void setUp() {
    fixture = new Fixture(32, 32, length);
    contexts = fixture.contexts(B);
    SplittableRandom rng = org.pgbarrier.random.Seeds.stream(Fixture.SEED, 12);
    y = new int[B][];
    for (int b = 0; b < B; b++) {
      y[b] = fixture.instance.model().sample(fixture.w, contexts[b].x(), rng);
    }
    SequenceScorer<double[]> scorer = SequenceScorer.of(fixture.instance.model());
    scorer.prepare(fixture.w);
    workspace = scorer.workspace();
    acc = new double[fixture.w.length];
  }

  @Benchmark
  public double[] fast() {
    java.util.Arrays.fill(acc, 0.0);
    for (int b = 0; b < B; b++) {
      workspace.start(contexts[b].x());
      workspace.addGradient(y[b], 1.0, acc);
    }
    return acc;
  }

  @Benchmark
  public double[] general() {
    java.util.Arrays.fill(acc, 0.0);
    for (int b = 0; b < B; b++) {
      fixture.instance.model().addGradient(fixture.w, contexts[b].x(), y[b], 1.0, acc);
    }
    return acc;
  }
}
