package org.pgbarrier.io;

/**
 * A file in one of the {@code pgbarrier/...} formats that breaks the format: malformed JSON, a
 * missing, unknown or duplicate key, a wrong type, shape or value, or sizes too large to evaluate.
 * Not final: {@link org.pgbarrier.io.config.ConfigException} is the experiment-config kind.
 *
 * <p>The message is one line in the {@link org.pgbarrier.Checks} style: the field with its index
 * path ({@code W1[2][3]}), the offending value and the rule, e.g. {@code W1[2][3] = NaN: must be a
 * finite number}. Callers that report it (the CLI) add the file name and nothing else.
 */
public class InputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
