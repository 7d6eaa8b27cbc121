package org.pgbarrier.model;

/**
 * A context of the positional map: one state vector {@code z[i] in R^m} per position, independent
 * of the prefix (instance family G2, planted Gaussian).
 */
public record PositionalContext(double[][] z) {
  public PositionalContext {
    z = deepCopy(z);
  }

  @Override
  public double[][] z() {
    return deepCopy(z);
  }

  double[] row(int i) {
    return z[i];
  }

  int length() {
    return z.length;
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
