package org.pgbarrier.properties;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;
import org.pgbarrier.bounds.AccessibleSupport;
import org.pgbarrier.instance.Instance;
import org.pgbarrier.instance.Labeled;
import org.pgbarrier.instance.TabularInstances;
import org.pgbarrier.model.LinearAutoregressiveModel;
import org.pgbarrier.model.TabularContext;
import org.pgbarrier.random.Seeds;
import org.pgbarrier.stats.BinomialTail;
import org.pgbarrier.support.AccessibleSet;
import org.pgbarrier.support.DivergenceBudget;
import org.pgbarrier.support.GibbsReweighting;
import org.pgbarrier.testkit.engine.Check;
import org.pgbarrier.testkit.engine.Comparison;
import org.pgbarrier.testkit.engine.ExactProperty;
import org.pgbarrier.testkit.engine.Observation;
import org.pgbarrier.testkit.engine.ParameterSpace;
import org.pgbarrier.testkit.engine.StatisticalProperty.Decision;
import org.pgbarrier.testkit.engine.StatisticalProperty;

/**
 * ACS-01, ACS-02 and ACS-04: accessible support after arXiv 2605.08368 (Li and Liu), in the
 * operational definitions of docs/theory.md §10.3-§10.7
 * [RECONSTRUCTED: the paper gives no formal definition].
 */
class AccessibleSupportProperties {
  private static final int TRIES = 300;

  // ---- ACS-01: tau(B, q) is exact ----

  @Test
  void theThresholdIsExactlyWherePassAtTheBudgetReachesTheConfidence() {
    ExactProperty.of("ACS-01", "tau-is-exact")
        .over(new ParameterSpace().logReal("B", 1, 1e7).logReal("q", 1e-12, 0.999))
        .tries(TRIES)
        .rule("|pass@B(tau(B,q)) - q| <= 1e-12 q through both routes (log-likelihood and"
            + " probability), and membership pi in A_{B,q} agrees with pass@B(pi) >= q at pi ="
            + " tau (1 -+ 1e-9)")
        .check(thresholdIdentity(false))
        .mutant("the naive tau = 1 - pow(1 - q, 1/B), which cancels for small q or large B",
            thresholdIdentity(true))
        .verify();
  }

  private static Check thresholdIdentity(boolean naive) {
    return (p, seed) -> {
      double b = p.real("B");
      double q = p.real("q");
      double tau = naive ? 1 - Math.pow(1 - q, 1.0 / b) : AccessibleSet.threshold(b, q);
      double viaLog = AccessibleSet.passAtBudget(Math.log(tau), b);
      double viaProbability = AccessibleSupport.passAtBudget(tau, b);
      double error = Math.max(Math.abs(viaLog - q), Math.abs(viaProbability - q)) / q;
      boolean consistent = true;
      for (double factor : new double[] {1 - 1e-9, 1 + 1e-9}) {
        double pi = tau * factor;
        boolean member = AccessibleSet.contains(Math.log(pi), b, q);
        consistent &= member == (AccessibleSupport.passAtBudget(pi, b) >= q);
      }
      String detail = "tau=" + tau + " pass@B via log " + viaLog + ", via pi " + viaProbability
          + ", membership consistent " + consistent;
      return consistent ? Observation.atMost(error, 1e-12, detail)
          : new Observation(false, error, Comparison.AT_MOST, 1e-12, Double.POSITIVE_INFINITY, detail);
    };
  }

  /** ACS-01 statistical: G1 with k = 3, N = 3, base token likelihood 0.4, so pi = 0.064. */
  private static final TabularInstances.Spec PASS_SPEC =
      new TabularInstances.Spec(3, 3, 1, 0.5, 0.4, 0.4);
  private static final int[] BUDGETS = {1, 5, 10, 20};
  private static final int PASS_TRIALS = 10_000;

  @Test
  void passAtTheBudgetFrequenciesMatchOneMinusTheMissProbabilityToTheBudget() {
    StatisticalProperty property = StatisticalProperty.of("ACS-01", "pass-at-b-frequencies");
    double a = property.alpha();
    property
        .rule("for B in " + Arrays.toString(BUDGETS) + ", M = " + PASS_TRIALS + " trials of B"
            + " samples of the base model each; two-sided exact binomial test of #{y* among the B"
            + " samples} ~ Bin(M, 1 - (1 - pi)^B), each tail at level a/" + 2 * BUDGETS.length
            + " (union bound: false alarm <= a = " + a + ")")
        .experiment(seed -> decidePassAtBudget(seed, a, false))
        .mutant("the linear reading pass@B = min(1, B pi) of 'pi >~ 1/B'",
            seed -> decidePassAtBudget(seed, a, true))
        .verify();
  }

  private static Decision decidePassAtBudget(long seed, double level, boolean linear) {
    Instance<TabularContext> inst = TabularInstances.generate(PASS_SPEC, Seeds.derive(seed, 0));
    LinearAutoregressiveModel<TabularContext> model = inst.model();
    Labeled<TabularContext> context = inst.contexts().get(0);
    double[] w = inst.wBase();
    double pi = Math.exp(model.logLikelihood(w, context.x(), context.target()));
    double perTail = level / (2 * BUDGETS.length);
    double smallest = 1;
    StringBuilder detail = new StringBuilder("pi=" + pi + ":");
    for (int j = 0; j < BUDGETS.length; j++) {
      int budget = BUDGETS[j];
      long stream = (long) j * PASS_TRIALS;
      boolean[] hit = new boolean[PASS_TRIALS];
      IntStream.range(0, PASS_TRIALS).parallel().forEach(r -> {
        SplittableRandom rng = Seeds.stream(seed, 1 + stream + r);
        for (int s = 0; s < budget && !hit[r]; s++) {
          hit[r] = Arrays.equals(model.sample(w, context.x(), rng), context.target());
        }
      });
      int count = 0;
      for (boolean h : hit) {
        count += h ? 1 : 0;
      }
      double f = linear ? Math.min(1, budget * pi) : AccessibleSupport.passAtBudget(pi, budget);
      double p = Math.min(BinomialTail.upper(PASS_TRIALS, f, count),
          BinomialTail.lower(PASS_TRIALS, f, count));
      smallest = Math.min(smallest, p);
      detail.append(String.format(" B=%d: %d hits (expected %.1f, tail p %.3g)", budget, count,
          PASS_TRIALS * f, p));
    }
    return new Decision(smallest <= perTail, smallest, Comparison.ABOVE, perTail, detail.toString());
  }

  // ---- ACS-02: reweighting cannot leave the strict support ----

  @Test
  void klRegularisedAndSoftmaxReweightedOptimaKeepZeroWhereTheReferenceIsZero() {
    ExactProperty.of("ACS-02", "reweighting-keeps-strict-support")
        .over(new ParameterSpace().integer("n", 2, 10).logReal("beta", 0.01, 10)
            .logReal("R", 0.1, 50))
        .tries(TRIES)
        .rule("pi*_beta = pi_ref e^{r/beta}/Z (rewards uniform in [-R, R], pi_ref with zeros) is"
            + " exactly 0 wherever pi_ref is 0; its objective E[r] - beta KL equals beta log Z"
            + " within 1e-9 (1 + |value|); and none of 200 random distributions on supp pi_ref"
            + " (Dirichlet draws and mixtures with pi*) has a larger objective beyond 1e-12 (1 +"
            + " |value|)")
        .check(reweighting(false))
        .mutant("label-smoothed reweighting (pi_ref + 1e-3 uniform) e^{r/beta}/Z",
            reweighting(true))
        .verify();
  }

  private static Check reweighting(boolean smoothed) {
    return (p, seed) -> {
      SplittableRandom rng = Seeds.stream(seed, 1);
      int n = p.integer("n");
      double beta = p.real("beta");
      double range = p.real("R");
      double[] reference = randomDistribution(n, rng, 0.3);
      double[] reward = new double[n];
      for (int y = 0; y < n; y++) {
        reward[y] = range * (2 * rng.nextDouble() - 1);
      }
      double[] tilted = reference.clone();
      if (smoothed) {
        for (int y = 0; y < n; y++) {
          tilted[y] = (reference[y] + 1e-3 / n) / (1 + 1e-3);
        }
      }
      double[] optimum = GibbsReweighting.optimum(tilted, reward, beta);
      double offSupport = 0;
      for (int y = 0; y < n; y++) {
        if (reference[y] == 0) {
          offSupport += optimum[y];
        }
      }
      String detail = "pi_ref=" + Arrays.toString(reference) + " r=" + Arrays.toString(reward)
          + " optimum=" + Arrays.toString(optimum);
      if (offSupport > 0) {
        return new Observation(false, offSupport, Comparison.AT_MOST, 0, Double.POSITIVE_INFINITY,
            "mass " + offSupport + " off the strict support; " + detail);
      }
      double value = GibbsReweighting.objective(optimum, reference, reward, beta);
      double closedForm = GibbsReweighting.optimalValue(reference, reward, beta);
      double scale = 1 + Math.abs(closedForm);
      if (!(Math.abs(value - closedForm) <= 1e-9 * scale)) {
        return new Observation(false, Math.abs(value - closedForm), Comparison.AT_MOST,
            1e-9 * scale,
            Double.POSITIVE_INFINITY, "objective " + value + " vs beta log Z " + closedForm);
      }
      double best = Double.NEGATIVE_INFINITY;
      for (int trial = 0; trial < 200; trial++) {
        double[] other = randomOnSupport(reference, rng);
        if (trial % 2 == 1) {
          double mix = rng.nextDouble() * 1e-2;
          for (int y = 0; y < n; y++) {
            other[y] = (1 - mix) * optimum[y] + mix * other[y];
          }
        }
        best = Math.max(best, GibbsReweighting.objective(other, reference, reward, beta));
      }
      return Observation.atMost(best - value, 1e-12 * scale,
          "best random objective " + best + " vs optimum " + value + "; " + detail);
    };
  }

  // ---- ACS-04: the minimum KL to reach mass t is the binary KL ----

  @Test
  void theMinimumDivergenceToRaiseATargetSetIsTheBinaryKl() {
    ExactProperty.of("ACS-04", "min-kl-is-binary-kl")
        .over(new ParameterSpace().integer("n", 2, 6).real("t", 0.01, 0.99))
        .tries(TRIES)
        .rule("random positive pi_ref and nonempty proper S: the tilt has pi(S) = max(t,"
            + " pi_ref(S)) within 1e-12 and KL(tilt || pi_ref) = kl(t || pi_ref(S)) (0 if"
            + " pi_ref(S) >= t) within 1e-10 (1 + kl); Nelder-Mead minimisation of KL(pi ||"
            + " pi_ref) over pi(S) >= t (free parametrisation, restarted) lands in [kl - 1e-12,"
            + " kl + 1e-6]")
        .check(minimumKl(false))
        .mutant("min KL = t log(t / pi_ref(S)), the off-S term dropped", minimumKl(true))
        .verify();
  }

  private static Check minimumKl(boolean dropOffSetTerm) {
    return (p, seed) -> {
      SplittableRandom rng = Seeds.stream(seed, 1);
      int n = p.integer("n");
      double t = p.real("t");
      double[] reference = randomDistribution(n, rng, 0);
      boolean[] inSet = new boolean[n];
      int first = rng.nextInt(n);
      int second = (first + 1 + rng.nextInt(n - 1)) % n;
      inSet[first] = true;
      for (int y = 0; y < n; y++) {
        if (y != first && y != second) {
          inSet[y] = rng.nextBoolean();
        }
      }
      double mass = DivergenceBudget.mass(reference, inSet);
      double claimed = dropOffSetTerm
          ? Math.max(0, t * Math.log(t / mass))
          : AccessibleSupport.minimumKl(t, mass);
      double[] tilt = DivergenceBudget.tilt(reference, inSet, t);
      double tiltMass = DivergenceBudget.mass(tilt, inSet);
      double tiltKl = DivergenceBudget.kl(tilt, reference);
      double numeric = numericMinimumKl(reference, inSet, t);
      String detail = String.format("pi_ref(S)=%.6g t=%.6g claimed=%.12g tilt KL=%.12g"
          + " tilt mass=%.12g numeric=%.12g", mass, t, claimed, tiltKl, tiltMass, numeric);
      boolean holds = Math.abs(tiltMass - Math.max(t, mass)) <= 1e-12
          && Math.abs(tiltKl - claimed) <= 1e-10 * (1 + claimed)
          && numeric >= claimed - 1e-12 && numeric <= claimed + 1e-6;
      double gap = Math.abs(numeric - claimed);
      return new Observation(holds, numeric, Comparison.CONSISTENT, claimed,
          holds ? gap / 1e-6 : Double.POSITIVE_INFINITY,
          detail);
    };
  }

  /**
   * {@code min KL(pi || pi_ref)} over {@code pi(S) >= t} by Nelder-Mead in a free
   * parametrisation: {@code pi(S) = t + (1 - t) sigmoid(c)}, split inside {@code S} by
   * {@code softmax(a)} and outside by {@code softmax(b)}; three restarts from the last optimum.
   */
  private static double numericMinimumKl(double[] reference, boolean[] inSet, double t) {
    int n = reference.length;
    ObjectiveFunction f = new ObjectiveFunction(z -> DivergenceBudget.kl(
        fromFree(z, inSet, t), reference));
    SimplexOptimizer optimizer = new SimplexOptimizer(1e-15, 1e-15);
    double[] start = new double[n + 1];
    double best = Double.POSITIVE_INFINITY;
    for (int round = 0; round < 4; round++) {
      PointValuePair result = optimizer.optimize(new MaxEval(50_000), f, GoalType.MINIMIZE,
          new InitialGuess(start), new NelderMeadSimplex(n + 1, 1.0));
      start = result.getPoint();
      best = Math.min(best, result.getValue());
    }
    return best;
  }

  private static double[] fromFree(double[] z, boolean[] inSet, double t) {
    int n = inSet.length;
    double s = t + (1 - t) / (1 + Math.exp(-z[n]));
    double inNorm = 0;
    double outNorm = 0;
    for (int y = 0; y < n; y++) {
      if (inSet[y]) {
        inNorm += Math.exp(z[y]);
      } else {
        outNorm += Math.exp(z[y]);
      }
    }
    double[] pi = new double[n];
    for (int y = 0; y < n; y++) {
      pi[y] = Math.exp(z[y]) * (inSet[y] ? s / inNorm : (1 - s) / outNorm);
    }
    return pi;
  }

  /**
   * A random distribution on {@code n} outcomes: exponential weights (a flat Dirichlet), each
   * outcome set to 0 with probability {@code zeroRate}, at least one kept.
   */
  private static double[] randomDistribution(int n, SplittableRandom rng, double zeroRate) {
    double[] pi = new double[n];
    int kept = rng.nextInt(n);
    double sum = 0;
    for (int y = 0; y < n; y++) {
      pi[y] = y != kept && rng.nextDouble() < zeroRate ? 0 : -Math.log(1 - rng.nextDouble());
      sum += pi[y];
    }
    for (int y = 0; y < n; y++) {
      pi[y] /= sum;
    }
    return pi;
  }

  /** A flat Dirichlet draw on the support of {@code reference}. */
  private static double[] randomOnSupport(double[] reference, SplittableRandom rng) {
    double[] pi = new double[reference.length];
    double sum = 0;
    for (int y = 0; y < pi.length; y++) {
      pi[y] = reference[y] > 0 ? -Math.log(1 - rng.nextDouble()) : 0;
      sum += pi[y];
    }
    for (int y = 0; y < pi.length; y++) {
      pi[y] /= sum;
    }
    return pi;
  }
}
