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

/**
 * Exact enumeration of {@code log p_w(y|x)} over all {@code k^N} responses ({@code
 * LinearAutoregressiveModel.enumerateLogLikelihoods}, depth-first over the prefix tree, one
 * log-sum-exp per internal node), d = 32.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class EnumerationBenchmark {
  /** {@code k:N}: 2^16, 4^8 and 16^4 = 65536 responses each. */
  @Param({"2:16", "4:8", "16:4"})
  public String shape;

  private Fixture fixture;
  private Labeled<double[]> context;

  @Setup(Level.Trial)
  public void setUp() {
    String[] parts = shape.split(":");
    fixture = new Fixture(32, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    context = fixture.contexts(1)[0];
  }

  @Benchmark
  public double[] enumerate() {
    return fixture.instance.model().enumerateLogLikelihoods(fixture.w, context.x());
  }
}
