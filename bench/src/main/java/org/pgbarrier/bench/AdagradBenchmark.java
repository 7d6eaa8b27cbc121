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
import org.pgbarrier.learn.Adagrad;

/**
 * One Adagrad update ({@link Adagrad}, the authors' optimiser) of {@code D = d k + k^2}
 * parameters (d = 32). The direction is tiny (1e-9 scale) so the weights stay finite over
 * millions of updates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AdagradBenchmark {
  @Param({"32", "256"})
  public int k;

  private Adagrad rule;
  private double[] w;
  private double[] direction;

  @Setup(Level.Trial)
  public void setUp() {
    int dimension = 32 * k + k * k;
    rule = new Adagrad(0.1);
    w = new double[dimension];
    direction = new double[dimension];
    SplittableRandom rng = new SplittableRandom(Fixture.SEED);
    for (int j = 0; j < dimension; j++) {
      direction[j] = 1e-9 * rng.nextGaussian();
    }
  }

  @Benchmark
  public double[] update() {
    rule.apply(w, direction, 0.0);
    return w;
  }
}
