package org.pgbarrier.learn.batch;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pgbarrier.Checks;
import org.pgbarrier.instance.ContextDistribution;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.learn.StepRule;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.SequenceScorer;
import org.pgbarrier.parallel.Workers;
import org.pgbarrier.random.Seeds;

/**
 * The buffers of one batch learner, reused across its steps, and what every batch learner
 * shares: the step seed, the split of the batch into fixed lanes, the step counter, the
 * finiteness check and the call to the step rule.
 *
 * <p>Random draws per step: one {@code rng.nextLong()}, the step seed {@code s}; sequence {@code
 * b} then draws its context and its response (the behaviour's draws) from its own stream {@code
 * Seeds.stream(s, b)}. The batch is cut into lanes of {@value #LANE} consecutive sequences; each
 * lane sums its sequences' contributions in order into its own accumulators, and the lanes are
 * reduced in lane order, so a step gives the same bits whatever the number of {@link Workers}.
 */
final class Batch<X> {
  /** Sequences per lane. */
  static final int LANE = 64;

  final String algorithm;
  final LinearAutoregressiveModel<X> model;
  final int size;
  final int length;
  final Labeled<X>[] contexts;
  final int[][] responses;
  final double[] direction;
  final SequenceScorer<X> scorer;
  final Lane<X>[] lanes;
  private final Workers workers;
  private final StepRule rule;
  private int stepsTaken;
  private long stepSeed;

  /** What a lane does with sequence {@code b}. */
  @FunctionalInterface
  interface SequenceTask<X> {
    void run(Lane<X> lane, int b);
  }

  /**
   * @param responses whether to allocate the response buffers (policy gradient only)
   * @param sampling the behaviour's sampling, or null (supervised)
   */
  @SuppressWarnings("unchecked")
  Batch(String algorithm, LinearAutoregressiveModel<X> model, int size, StepRule rule,
      boolean responses, Sampling<X> sampling, Workers workers) {
    this.algorithm = algorithm;
    this.model = model;
    this.size = size;
    this.length = model.length();
    this.contexts = (Labeled<X>[]) new Labeled<?>[size];
    this.responses = responses ? new int[size][length] : null;
    this.direction = new double[model.dimension()];
    this.rule = rule.fresh();
    this.workers = workers;
    this.scorer = SequenceScorer.of(model);
    this.lanes = (Lane<X>[]) new Lane<?>[(size + LANE - 1) / LANE];
    for (int c = 0; c < lanes.length; c++) {
      java.util.List<SequenceScorer.Workspace<X>> group =
          scorer.workspaces(sampling == null ? 1 : 2);
      lanes[c] = new Lane<>(group.get(0),
          sampling == null ? null : sampling.frozenWorkspace(),
          sampling == null ? null : group.get(1),
          sampling == null ? null : sampling.frozenWorkspace(), model.dimension(), length);
    }
  }

  /** The number of steps applied so far. */
  int stepsTaken() {
    return stepsTaken;
  }

  /**
   * Starts step {@code stepsTaken() + 1}: checks {@code w}, draws the step seed from {@code rng},
   * prepares the scorer at {@code w} and zeroes the direction.
   */
  void begin(double[] w, RandomGenerator rng) {
    Checks.length("w", w.length, model.dimension());
    stepSeed = rng.nextLong();
    scorer.prepare(w);
    Arrays.fill(direction, 0.0);
  }

  /**
   * What a lane does with the pair of sequences {@code b} and {@code c = b + 1} ({@code c = -1}
   * when {@code b} is the batch's last sequence and has no partner).
   */
  @FunctionalInterface
  interface PairTask<X> {
    void run(Lane<X> lane, int b, int c);
  }

  /**
   * Runs {@code task} on the sequences two by two ({@code b, b + 1} for even {@code b}), lane by
   * lane, the lanes on the workers: a task may interleave the two sequences' work (their
   * sampling chains are independent) as long as it adds their contributions in order, {@code b}
   * first. Each lane ends by flushing its workspaces ({@link SequenceScorer.Workspace#flush}), so
   * its accumulators are complete when this returns.
   */
  void forEachPair(PairTask<X> task) {
    workers.forEach(lanes.length, c -> {
      Lane<X> lane = lanes[c];
      int end = Math.min(size, (c + 1) * LANE);
      for (int b = c * LANE; b < end; b += 2) {
        task.run(lane, b, b + 1 < end ? b + 1 : -1);
      }
      lane.workspace.flush();
    });
  }

  /**
   * Runs {@code task} on every sequence, lane by lane, the lanes on the workers; each lane ends
   * by flushing its workspaces, as {@link #forEachPair}.
   */
  void forEachSequence(SequenceTask<X> task) {
    workers.forEach(lanes.length, c -> {
      Lane<X> lane = lanes[c];
      int end = Math.min(size, (c + 1) * LANE);
      for (int b = c * LANE; b < end; b++) {
        task.run(lane, b);
      }
      lane.workspace.flush();
    });
  }

  /** The random stream of sequence {@code b} in this step. */
  SplittableRandom stream(int b) {
    return Seeds.stream(stepSeed, b);
  }

  /** Draws the labelled context of sequence {@code b} from {@code rng} and stores it. */
  Labeled<X> draw(int b, ContextDistribution<X> distribution, RandomGenerator rng) {
    Labeled<X> context = distribution.sample(rng);
    if (context.length() != length) {
      Checks.length("target of context " + b, context.length(), length);
    }
    contexts[b] = context;
    return context;
  }

  /** Zeroes every lane's accumulators, the lanes on the workers. */
  void resetLanes() {
    workers.forEach(lanes.length, c -> lanes[c].reset());
  }

  /** Entries per task of {@link #sumLanes}. */
  private static final int SLICE = 512;

  /**
   * Adds the lanes' {@code plus} accumulators to {@code plus} and, unless {@code minus} is null,
   * their {@code minus} accumulators to {@code minus}: each entry {@code acc[j] += lane.acc[j]}
   * over the lanes in lane order, the entries cut in slices across the workers (the order of the
   * additions of an entry does not depend on the slices: the same bits at any thread count).
   */
  void sumLanes(double[] plus, double[] minus) {
    int n = plus.length;
    workers.forEach((n + SLICE - 1) / SLICE, s -> {
      int from = s * SLICE;
      int to = Math.min(n, from + SLICE);
      for (Lane<X> lane : lanes) {
        for (int j = from; j < to; j++) {
          plus[j] += lane.plus[j];
        }
        if (minus != null) {
          for (int j = from; j < to; j++) {
            minus[j] += lane.minus[j];
          }
        }
      }
    });
  }

  /**
   * Ends the step: refuses a non-finite loss or direction, then applies {@code rule} at {@code
   * ruleLoss}; any {@link ArithmeticException} names the algorithm and the step, and leaves
   * {@code w} unchanged.
   *
   * @return the index of the step just applied
   */
  int apply(double[] w, double loss, double ruleLoss) {
    int step = stepsTaken + 1;
    if (!Double.isFinite(loss) || !Double.isFinite(ruleLoss)) {
      throw refused(step, "loss = " + loss + ", mean token NLL = " + ruleLoss + " is not finite");
    }
    for (int j = 0; j < direction.length; j++) {
      if (!Double.isFinite(direction[j])) {
        throw refused(step, "direction[" + j + "] = " + direction[j] + " is not finite");
      }
    }
    try {
      rule.apply(w, direction, ruleLoss);
    } catch (ArithmeticException e) {
      throw refused(step, e.getMessage());
    }
    stepsTaken = step;
    return step;
  }

  private ArithmeticException refused(int step, String why) {
    return new ArithmeticException(
        algorithm + ", step " + step + ": " + why + "; weights left unchanged");
  }

  /** One line naming the step rule, for provenance. */
  String describeRule() {
    return rule.describe();
  }

  /**
   * One lane's state: its workspaces (the learner's weights, and the frozen behaviour's if any;
   * a second pair, {@code partner} and {@code partnerFrozen}, for the second sequence of a pair
   * when the learner samples; the learner's two are one group of {@link
   * SequenceScorer#workspaces}), two gradient accumulators ({@code plus}, {@code minus}: E2
   * keeps the responses of reward +1 and -1 apart), two sums, the token scales and the two sums
   * of the last weighted score.
   */
  static final class Lane<X> {
    final SequenceScorer.Workspace<X> workspace;
    final SequenceScorer.Workspace<X> frozen;
    final SequenceScorer.Workspace<X> partner;
    final SequenceScorer.Workspace<X> partnerFrozen;
    final double[] plus;
    final double[] minus;
    final double[] tokenScale;
    /** {@code log p} and {@code sum_i s_i log p_i} of the last weighted score. */
    final double[] sums = new double[2];
    double plusSum;
    double minusSum;

    Lane(SequenceScorer.Workspace<X> workspace, SequenceScorer.Workspace<X> frozen,
        SequenceScorer.Workspace<X> partner, SequenceScorer.Workspace<X> partnerFrozen,
        int dimension, int length) {
      this.workspace = workspace;
      this.frozen = frozen;
      this.partner = partner;
      this.partnerFrozen = partnerFrozen;
      this.plus = new double[dimension];
      this.minus = new double[dimension];
      this.tokenScale = new double[length];
    }

    void reset() {
      Arrays.fill(plus, 0.0);
      Arrays.fill(minus, 0.0);
      plusSum = 0;
      minusSum = 0;
    }
  }
}
