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
import org.pgbarrier.learn.batch.OutcomeReinforce;
import org.pgbarrier.learn.batch.PolicyGradientSettings;
import org.pgbarrier.learn.batch.ProcessReinforce;
import org.pgbarrier.learn.batch.BatchAlgorithm;
import org.pgbarrier.learn.behaviour.OnPolicyBehaviour;
import org.pgbarrier.parallel.Workers;
import org.pgbarrier.reward.OutcomeReward;
import org.pgbarrier.reward.ProcessReward;
import org.pgbarrier.reward.QueryCounter;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One PG step at the authors' sizes (d = k = 32, N = 128, B = 1024, Adagrad lr 0.1, on-policy):
 * E2 outcome REINFORCE with the mean baseline (the outcome config) or E3 process REINFORCE
 * without (the process config), on {@code threads} workers. Everything a step does is measured:
 * the step seed, the B contexts and their greedy labels, sampling, rewards and queries, the
 * gradient, the Adagrad update. The weights move from step to step, as in a run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PgStepBenchmark {
  @Param({"outcome", "process"})
  public String reward;

  @Param({"1", "2"})
  public int threads;

  private BatchAlgorithm<?> learner;
  private Workers workers;
  private double[] w;
  private SplittableRandom rng;

  @Setup(Level.Trial)
  public void setUp() {
    Fixture fixture = new Fixture(32, 32, 128);
    workers = Workers.of(threads);
    QueryCounter counter = QueryCounter.unlimited();
    var model = fixture.instance.model();
    var behaviour = new OnPolicyBehaviour<>(model);
    learner = reward.equals("outcome")
        ? new OutcomeReinforce<>(model, fixture.instance.distribution(), behaviour,
            new OutcomeReward(counter), new Adagrad(0.1),
            new PolicyGradientSettings(1, 1024, true), workers)
        : new ProcessReinforce<>(model, fixture.instance.distribution(), behaviour,
            new ProcessReward(counter), new Adagrad(0.1),
            new PolicyGradientSettings(1, 1024, false), workers);
    w = fixture.w.clone();
    rng = new SplittableRandom(Fixture.SEED);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    workers.close();
  }

  @Benchmark
  public Object step() {
    return learner.advance(w, rng);
  }
}
