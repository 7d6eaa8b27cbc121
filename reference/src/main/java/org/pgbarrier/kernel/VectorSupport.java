package org.pgbarrier.kernel;

/**
 * Whether the dense kernels ({@link TransposedProduct}, {@link RankOneUpdate}) run on the
 * incubating Vector API ({@code jdk.incubator.vector}, JEP 338 and successors) or on plain
 * loops. The Vector API is used when the module is in the boot layer (the {@code pgbarrier}
 * script, the test runs and the benchmarks start the JVM with {@code --add-modules
 * jdk.incubator.vector}) and the system property {@value #SCALAR_PROPERTY} is not {@code true};
 * otherwise, for instance when the library is used from a JVM started without the flag, the plain
 * loops run. Both give the same bits: the vector kernels do the same IEEE multiplications and
 * additions, lane by lane, in the same order ({@code KernelAgreementTest}).
 */
public final class VectorSupport {
  /** Set to {@code true} to force the plain loops even when the module is present. */
  public static final String SCALAR_PROPERTY = "pgbarrier.scalar";

  /** The incubating module the vector kernels need. */
  public static final String MODULE = "jdk.incubator.vector";

  private static final boolean ENABLED =
      decide(ModuleLayer.boot().findModule(MODULE).isPresent(),
          Boolean.getBoolean(SCALAR_PROPERTY));

  private VectorSupport() {}

  /** Whether the dense kernels use the Vector API in this JVM. */
  public static boolean enabled() {
    return ENABLED;
  }

  /** The rule: the vector kernels when the module is present and the scalar ones not forced. */
  static boolean decide(boolean modulePresent, boolean scalarForced) {
    return modulePresent && !scalarForced;
  }

  /** One line for provenance and benchmarks: which kernels run, and the vector width. */
  public static String describe() {
    return ENABLED ? "Vector API, " + VectorKernels.describe() : "scalar loops";
  }
}
