package org.pgbarrier.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pgbarrier.experiment.BehaviourSettings;
import org.pgbarrier.experiment.DataSettings;
import org.pgbarrier.experiment.OptimizerSettings;
import org.pgbarrier.experiment.PgExperiment;
import org.pgbarrier.experiment.PgExperimentSettings;
import org.pgbarrier.experiment.PgResult;
import org.pgbarrier.experiment.PhaseSettings;
import org.pgbarrier.experiment.ProgressListener;
import org.pgbarrier.experiment.TrackingSettings;

/**
 * The Java side of {@code bench/peer/compare.py}: one {@link PgExperiment} at the authors'
 * settings of {@code configs/outcome_reward.yaml} or {@code configs/process_reward.yaml} (d = k
 * = 32, N = 128, mixture inputs, supervised 1000 steps of 256, PG 4000 steps of 1024, Adagrad lr
 * 0.1, test every 50 steps, tracking every step; outcome with the mean baseline, process
 * without), with the step counts and the thread count from the command line:
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.pgbarrier.bench.PeerRun outcome|process SUP PG THREADS
 * </pre>
 *
 * Prints one JSON line: the wall seconds of each phase ({@code data, supervised, pg, total}), the
 * process CPU seconds, the final test error.
 */
public final class PeerRun {
  private PeerRun() {}

  public static void main(String[] args) {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: PeerRun outcome|process SUPERVISED_STEPS PG_STEPS THREADS");
    }
    boolean outcome = args[0].equals("outcome");
    int supervised = Integer.parseInt(args[1]);
    int pg = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    DataSettings data = new DataSettings(0L, 32, 32, 128, 1024, 1024,
        DataSettings.TrackSource.MIXTURE_CENTERS, new DataSettings.InputGenerator.Mixture(32, 0.05));
    OptimizerSettings adagrad = new OptimizerSettings(OptimizerSettings.Kind.ADAGRAD, 0.1);
    PgExperimentSettings settings = new PgExperimentSettings(data, 0L,
        outcome ? PgExperimentSettings.Reward.OUTCOME : PgExperimentSettings.Reward.PROCESS,
        new PhaseSettings(supervised, 256, adagrad, 50, 1),
        new PhaseSettings(pg, 1024, adagrad, 50, 1), outcome, new BehaviourSettings.OnPolicy(),
        new TrackingSettings(TrackingSettings.Type.UNIFORM, outcome ? 16 : 32, 1e-12, 100, 120));
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    PgResult result = PgExperiment.run(settings, ProgressListener.NONE, threads);
    double cpu = (os.getProcessCpuTime() - cpu0) * 1e-9;
    Map<String, Double> seconds = new LinkedHashMap<>(result.timings().seconds());
    StringBuilder json = new StringBuilder("{\"timings_seconds\": {");
    String sep = "";
    for (Map.Entry<String, Double> e : seconds.entrySet()) {
      json.append(sep).append('"').append(e.getKey()).append("\": ").append(e.getValue());
      sep = ", ";
    }
    json.append("}, \"cpu_seconds\": ").append(cpu).append(", \"final_test_error\": ")
        .append(result.pgError().last()).append('}');
    System.out.println(json);
  }
}
