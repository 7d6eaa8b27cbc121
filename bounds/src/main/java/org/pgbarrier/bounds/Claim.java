package org.pgbarrier.bounds;

import java.util.regex.Pattern;

/**
 * One checked statement.
 *
 * @param id stable identifier, e.g. {@code BMB-01}; one grep finds registry, test and report
 * @param title short name
 * @param paper the paper it belongs to
 * @param locus where in the paper: theorem, equation, "abstract", or "authors' code"
 * @param provenance {@link Provenance#SOURCE}, {@link Provenance#RECONSTRUCTED} or {@link
 *     Provenance#CONJECTURE}
 * @param statement the statement as checked, with its formula
 */
public record Claim(
    String id, String title, Paper paper, String locus, Provenance provenance, String statement) {
  private static final Pattern ID = Pattern.compile("[A-Z]{3}-\\d{2}");

  public Claim {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id = " + id + ": must look like BMB-01");
    }
    for (String[] field :
        new String[][] {{"title", title}, {"locus", locus}, {"statement", statement}}) {
      if (field[1] == null || field[1].isBlank()) {
        throw new IllegalArgumentException(field[0] + " of " + id + " is blank: must be given");
      }
    }
    if (paper == null || provenance == null) {
      throw new IllegalArgumentException("paper and provenance of " + id + " must be given");
    }
  }
}
