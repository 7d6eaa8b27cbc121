package org.pgbarrier.support;

import java.util.Arrays;
import org.pgbarrier.Checks;

/**
 * Elicitation versus creation of a trained model {@code pi'} against its reference {@code pi_ref}
 * on a family of target sets [RECONSTRUCTED, docs/theory.md §10.6; the two words are Paper B's,
 * SOURCE: abstract of arXiv 2605.08368]:
 *
 * <pre>
 *   elicitation:  every S with S in A_B(pi') has S in A_{B_max}(pi_ref)
 *                 (pi' makes accessible only what the reference reached at the larger budget);
 *   creation:     some S has pi'(S) >= tau(B, q) and pi_ref(S) < tau(B_max, q).
 * </pre>
 *
 * Target sets are given by their log-masses under each model, e.g. {@code log p(y*(x)|x)} per
 * context; the test is only as wide as the family given (it cannot see sets not listed).
 */
public final class ElicitationComparison {
  /** The verdict. */
  public enum Kind {
    ELICITATION,
    CREATION
  }

  /**
   * @param kind elicitation or creation
   * @param created the indices of the target sets that witness creation (empty for elicitation)
   */
  public record Verdict(Kind kind, int[] created) {
    public Verdict {
      created = created.clone();
    }

    @Override
    public int[] created() {
      return created.clone();
    }

    @Override
    public String toString() {
      return kind + (created.length == 0 ? "" : " at " + Arrays.toString(created));
    }
  }

  private ElicitationComparison() {}

  /**
   * Compares {@code pi'} with {@code pi_ref} on the listed target sets.
   *
   * @param referenceLogMass {@code log pi_ref(S_c)} for every set {@code c}
   * @param trainedLogMass {@code log pi'(S_c)}, same length
   * @param budget {@code B}, the budget at which {@code pi'} is judged
   * @param maxBudget {@code B_max >= B}, the budget granted to the reference
   * @param confidence {@code q} in (0, 1)
   */
  public static Verdict compare(double[] referenceLogMass, double[] trainedLogMass, double budget,
      double maxBudget, double confidence) {
    Checks.length("trainedLogMass", trainedLogMass.length, referenceLogMass.length);
    Checks.atLeast("maxBudget", maxBudget, "budget", budget);
    int[] created = new int[referenceLogMass.length];
    int n = 0;
    for (int c = 0; c < referenceLogMass.length; c++) {
      if (AccessibleSet.contains(trainedLogMass[c], budget, confidence)
          && !AccessibleSet.contains(referenceLogMass[c], maxBudget, confidence)) {
        created[n++] = c;
      }
    }
    return new Verdict(n == 0 ? Kind.ELICITATION : Kind.CREATION, Arrays.copyOf(created, n));
  }
}
