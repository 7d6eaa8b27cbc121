package org.pgbarrier.testkit.engine;

/**
 * Which way a check's measured statistic must compare with its bound for the check to pass:
 * recorded with every check ({@code comparison} in {@code claims.json}) and printed between the two
 * numbers in the report and the console summary ({@code 0.23 <= 0.5}, {@code 10 >= 1}).
 */
public enum Comparison {
  /** Passes iff {@code statistic <= bound}. */
  AT_MOST("<="),
  /** Passes iff {@code statistic < bound}. */
  BELOW("<"),
  /** Passes iff {@code statistic >= bound}. */
  AT_LEAST(">="),
  /** Passes iff {@code statistic > bound} (e.g. a smallest p-value against its level). */
  ABOVE(">"),
  /**
   * Passes iff the statistic meets the bound within the rule's tolerance or confidence set: the
   * statistic is an estimate (a fitted slope, a computed value) and the bound the predicted value;
   * the rule says how close is close enough.
   */
  CONSISTENT("~"),
  /**
   * Neither one inequality nor a band: the statistic and the bound are shown, and the rule says how
   * they decide (e.g. "if pi(y*) > 1/2 then greedy returns y*").
   */
  RULE("vs");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** {@code <=}, {@code <}, {@code >=}, {@code >}, {@code ~} or {@code vs}. */
  public String symbol() {
    return symbol;
  }

  /** The comparison named by its {@link #symbol()} or its name, as stored in claims.json. */
  public static Comparison parse(String text) {
    for (Comparison c : values()) {
      if (c.symbol.equals(text) || c.name().equals(text)) {
        return c;
      }
    }
    throw new IllegalArgumentException("comparison = " + text + ": must be one of <=, <, >=, >, ~, vs");
  }
}
