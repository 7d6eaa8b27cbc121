package org.pgbarrier.bounds;

import java.util.regex.Pattern;

/**
 * One check a claim declares: its name (the second half of {@code ID/check}, e.g. {@code
 * queries-within-bound}) and its kind. A test can run only a declared check, of the declared kind;
 * the false-alarm budget is split from these declarations ({@code docs/conjectures.md}).
 *
 * @param name lower-case words joined by hyphens, e.g. {@code first-success-is-geometric}
 * @param kind exact or statistical
 */
public record DeclaredCheck(String name, CheckKind kind) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public DeclaredCheck {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("check name = " + name
          + ": must be lower-case words joined by hyphens, e.g. queries-within-bound");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind of check " + name + " = null: must be given");
    }
  }
}
