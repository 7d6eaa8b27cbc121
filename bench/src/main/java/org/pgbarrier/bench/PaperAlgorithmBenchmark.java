package org.pgbarrier.bench;

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
import org.pgbarrier.instance.cluster.ClusterFamily;
import org.pgbarrier.instance.cluster.TokenBase;
import org.pgbarrier.learn.paper.BestOfMExploration;
import org.pgbarrier.learn.paper.ClusterLearnerState;
import org.pgbarrier.learn.paper.PaperLearner;
import org.pgbarrier.learn.paper.PaperRun;
import org.pgbarrier.learn.paper.ProcessRewardWalk;

/**
 * A whole run of 10^6 iterations of the paper's Algorithm 1 ({@code alg1}, best-of-m exploration,
 * {@code m = ceil(1/0.8^32) = 1267}, the budget of the lowest live step) or Algorithm 2 ({@code
 * alg2}, process-reward walk, {@code m = 8 = k} per position) on the fast cluster representation,
 * with exact error tracking (last and random iterate), from the base model of an F1-shared
 * staircase at M = 64, k = 8, N = 32: four groups of 16 clusters with masses 0.4, 0.3, 0.2, 0.1 and
 * per-token base probabilities 0.95, 0.9, 0.8 and e^-20 (confidently wrong). One invocation is one
 * run from a fresh state (single-shot time, seconds per 10^6 iterations).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PaperAlgorithmBenchmark {
  static final long ITERATIONS = 1_000_000;

  @Param({"alg1", "alg2"})
  public String algorithm;

  private ClusterFamily family;
  private PaperLearner learner;
  private ClusterLearnerState state;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    family = ClusterFamily.staircase(8, 32)
        .group(0.4, 16, TokenBase.correct(0.95))
        .group(0.3, 16, TokenBase.correct(0.9))
        .group(0.2, 16, TokenBase.correct(0.8))
        .group(0.1, 16, TokenBase.confidentlyWrong(-20))
        .build(Fixture.SEED);
    learner = algorithm.equals("alg1")
        ? BestOfMExploration.of(BestOfMExploration.budget(Math.pow(0.8, 32), 8, 32))
        : ProcessRewardWalk.of(8);
  }

  @Setup(Level.Invocation)
  public void freshState() {
    state = ClusterLearnerState.atBase(family);
    seed++;
  }

  @Benchmark
  public PaperRun run() {
    return learner.run(state, ITERATIONS, seed);
  }
}
