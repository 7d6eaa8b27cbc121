package org.pgbarrier.bounds;

import static org.pgbarrier.bounds.Reader.A;
import static org.pgbarrier.bounds.Reader.B;
import static org.pgbarrier.bounds.Reader.C;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of the body of arXiv 2603.06957 that the claims report accounts for, in the
 * paper's order, PMLR numbering with the arXiv equivalents (docs/theory.md §1 gives the map, §5
 * the theorems, §7 the figures). Readers as tagged in docs/theory.md: a reader that reports part
 * of a statement (its consequence, its numbering) is listed. Look-up accepts either numbering.
 */
public final class PaperStatements {
  private static final Map<String, PaperStatement> BY_PMLR = new LinkedHashMap<>();
  private static final Map<String, PaperStatement> BY_ANY_NAME = new LinkedHashMap<>();

  static {
    add(new PaperStatement("Prop 2.2", "Prop 2", true, false, Set.of(A, B), "abstract",
        "SGD with the adaptive step reaches test error O~(1/(gamma^2 T)) after T steps; a constant"
            + " step gives O~(N/(gamma^2 T))",
        "docs/theory.md §5.1", null));
    add(new PaperStatement("Theorem 3.1", "Theorem 3", false, true, Set.of(A, C), "",
        "outcome-reward PG with behaviour q_t: E[p_{w_tau}(y*|x) | E_alpha] >= 1 -"
            + " O~(1/(pi_alpha alpha gamma^2 T))",
        "docs/theory.md §5.2", null));
    add(new PaperStatement("Remark 3.3", null, false, false, Set.of(B), "",
        "online PG with the adaptive step and uniform behaviour makes O~(k^N/gamma^2) cumulative"
            + " mistakes",
        "docs/theory.md §5.3", null));
    add(new PaperStatement("Corollary 3.4", "Corollary 4", false, false, Set.of(A, B), "",
        "fixed behaviour 1/2 q0 + 1/2 Unif, one query per iteration: error eps after T = Q ="
            + " O~(m/(gamma^2 eps)), m = min{1/Q_q0((1-o(1)) eps), k^N}",
        "docs/theory.md §5.4", null));
    add(new PaperStatement("Corollary 3.6", "Corollary 5", false, false, Set.of(A, B, C),
        "abstract (per-sample form)",
        "Algorithm 1 (best-of-m exploration): T = O~(1/(gamma^2 eps)) iterations and E[Q] ="
            + " O~((m + 1/eps)/gamma^2) reward queries, m as in Corollary 3.4",
        "docs/theory.md §5.5", null));
    add(new PaperStatement("Theorem 4.1", "Theorem 6", false, false, Set.of(A, B, C), "abstract",
        "Algorithm 2 (process reward): T = O~(1/(gamma^2 eps)), Q = O~(N a/gamma^2 +"
            + " 1/(gamma^2 eps)), a = min{1/Q^TL_q0((1-o(1)) eps), k}",
        "docs/theory.md §5.6", null));
    add(new PaperStatement("Corollary 4.2", "Corollary 7", true, false, Set.of(B), "",
        "process-reward PG against supervised learning under Assumption B.3: not yet better than"
            + " adaptive SGD at the same label budget",
        "docs/theory.md §5.7",
        "needs Assumption B.3, which no source describes"));
    add(new PaperStatement("Theorem 5.3", "Theorem 10", true, false, Set.of(B), "",
        "minimax lower bound on a staircase-LQ family (D >= k/gamma^2): outcome-reward learners need"
            + " Omega~(1/(Q_q((1+o(1)) eps) gamma^2)) queries and Omega(1/(gamma^2 eps)) iterations",
        "docs/theory.md §5.8", null));
    add(new PaperStatement("Theorem 5.4", "Theorem 11", true, false, Set.of(B), "",
        "online lower bound: over a long horizon, Omega(k^N/(N gamma^2)) cumulative mistakes",
        "docs/theory.md §5.9", null));
    add(new PaperStatement("Theorem 5.5", "Theorem 12", true, false, Set.of(A, B), "abstract",
        "pre-training cannot lift the LQ: for D >= k/gamma^2 some margin distribution gives"
            + " Q_q(eps) <= k^-N after n <~ 1/(gamma^2 eps) labelled samples (reported form)",
        "docs/theory.md §5.10", null));
    add(new PaperStatement("Figure 1", "Figure 1", false, false, Set.of(A, B, C),
        "authors' code",
        "outcome-reward PG leaves the off-support centres (base likelihood < 1e-12) near 0 while"
            + " process-reward PG lifts them and reaches a lower test error",
        "docs/theory.md §7", null));
    add(new PaperStatement("Figure 2", "Figure 2", false, false, Set.of(A),
        "authors' code",
        "synthetic panels (2b-c, inferred): the likelihood CDF and LQ curves move up with"
            + " pre-training",
        "docs/theory.md §7.5", null));
    add(new PaperStatement("Figure 2a", "Figure 2a", false, false, Set.of(B, C), "",
        "Qwen3-8B against Qwen3-8B-Base on MATH-500: below some eps both LQs are 0, post-training"
            + " did not extend the support",
        "docs/theory.md §7.5",
        "needs generations of Qwen3-8B and Qwen3-8B-Base on MATH-500, which the project does not"
            + " run"));
  }

  private PaperStatements() {}

  private static void add(PaperStatement s) {
    BY_PMLR.put(s.pmlr(), s);
    for (String name : new String[] {s.pmlr(), s.arxiv()}) {
      if (name != null && BY_ANY_NAME.containsKey(name) && BY_ANY_NAME.get(name) != s) {
        throw new IllegalStateException("paper statement name " + name + " is ambiguous");
      }
      if (name != null) {
        BY_ANY_NAME.put(name, s);
      }
    }
  }

  /** The statement named {@code name} in either numbering ({@code Theorem 4.1} or {@code Theorem 6}). */
  public static PaperStatement get(String name) {
    PaperStatement s = BY_ANY_NAME.get(name);
    if (s == null) {
      throw new IllegalArgumentException("paper statement = " + name + ": not known; known (PMLR):"
          + " " + BY_PMLR.keySet());
    }
    return s;
  }

  /** Every statement, in the paper's order. */
  public static List<PaperStatement> all() {
    return List.copyOf(BY_PMLR.values());
  }

  /** How many statements at least one registered claim checks. */
  public static long checkedCount() {
    return all().stream().filter(PaperStatement::checked).count();
  }
}
