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

/**
 * The roofline's peaks on this machine, per element of an array of {@value #SIZE} doubles (in
 * L1): {@code fma}, a multiply-add stream {@code acc[v] += x * u[v]} (what the JIT vectorises:
 * the dW1/a kernels); {@code exp}, {@code Math.exp} of each element summed (the intrinsic, not
 * vectorised); {@code dependentLoad}, an inverse-CDF-like chain where each step's index depends on
 * the previous load (the latency bound of token-by-token sampling).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PeakBenchmark {
  static final int SIZE = 1024;

  private double[] u;
  private double[] acc;
  private int[] next;
  private double x = 0.999;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(Fixture.SEED);
    u = new double[SIZE];
    acc = new double[SIZE];
    next = new int[SIZE];
    for (int v = 0; v < SIZE; v++) {
      u[v] = rng.nextDouble(-1, 0);
      next[v] = rng.nextInt(SIZE);
    }
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  public double[] fma() {
    for (int v = 0; v < SIZE; v++) {
      acc[v] += x * u[v];
    }
    return acc;
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  public double exp() {
    double sum = 0;
    for (int v = 0; v < SIZE; v++) {
      sum += Math.exp(u[v]);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  public int dependentLoad() {
    int p = 0;
    for (int v = 0; v < SIZE; v++) {
      p = next[p];
    }
    return p;
  }
}
