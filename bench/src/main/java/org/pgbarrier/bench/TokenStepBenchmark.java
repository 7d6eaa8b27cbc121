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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.model.SequenceScorer;

/**
 * The token step (logits, softmax, inverse-CDF draw) of on-policy sampling, per token: one
 * response of {@value #N} tokens per invocation, on the fast bigram path ({@code fast}: {@link
 * SequenceScorer#of}, per-context start included) and on the general model ({@code general}:
 * {@code LinearAutoregressiveModel.sample}, the reference). The context and the uniform stream
 * change every invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class TokenStepBenchmark {
  static final int N = 128;

  @Param({"8", "32", "256"})
  public int k;

  private Fixture fixture;
  private Labeled<double[]>[] contexts;
  private SequenceScorer.Workspace<double[]> workspace;
  private int[] y;
  private SplittableRandom rng;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    fixture = new Fixture(32, k, N);
    contexts = fixture.contexts(64);
    SequenceScorer<double[]> scorer = SequenceScorer.of(fixture.instance.model());
    scorer.prepare(fixture.w);
    workspace = scorer.workspace();
    y = new int[N];
    rng = new SplittableRandom(Fixture.SEED);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void fast(Blackhole hole) {
    workspace.start(contexts[next++ & 63].x());
    for (int i = 0; i < N; i++) {
      y[i] = workspace.sample(y, i, rng.nextDouble());
    }
    hole.consume(y);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] general() {
    return fixture.instance.model().sample(fixture.w, contexts[next++ & 63].x(), rng);
  }
}
