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
import java.util.Arrays;
import java.util.List;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.metric.LikelihoodQuantile;
import org.pgbarrier.metric.TargetLikelihoods;

/**
 * The likelihood-quantile (LQ) estimate on {@value #CONTEXTS} contexts (d = k = 32, N = 128):
 * {@code TargetLikelihoods.ofSample} (the exact {@code log p_w(y*|x)} of every context, on the
 * fast bigram path) then {@code LikelihoodQuantile.of} and one quantile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LikelihoodQuantileBenchmark {
  static final int CONTEXTS = 16384;

  @Param({"128"})
  public int length;

  private Fixture fixture;
  private List<Labeled<double[]>> contexts;

  @Setup(Level.Trial)
  public void setUp() {
    fixture = new Fixture(32, 32, length);
    contexts = Arrays.asList(fixture.contexts(CONTEXTS));
  }

  @Benchmark
  public double quantile() {
    TargetLikelihoods t = TargetLikelihoods.ofSample(fixture.instance.model(), fixture.w, contexts);
    return LikelihoodQuantile.of(t).authorsLogAt(0.1);
  }
}
