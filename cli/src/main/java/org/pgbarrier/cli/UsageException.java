package org.pgbarrier.cli;

/**
 * A command-line argument that parses but cannot be used, such as an {@code --out} file whose
 * directory does not exist; reported as one line with exit code 2.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
