package org.pgbarrier.cli;

import java.nio.file.Path;

/**
 * Where the pgbarrier checkout is: the {@code pgbarrier} script passes its own directory as the
 * system property {@value #PROPERTY}; without it (the jar run by hand) the working directory.
 */
final class Home {
  static final String PROPERTY = "pgbarrier.home";

  private Home() {}

  /** The shipped {@code configs/} folder. */
  static Path configs() {
    return Path.of(System.getProperty(PROPERTY, ".")).resolve("configs");
  }
}
