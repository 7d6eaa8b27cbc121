package org.pgbarrier.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of README's layout as rules that fail the build (ArchUnit): in {@code reference},
 * {@code kernel}, {@code parallel}, {@code random}, {@code stats} and {@code Checks} at the
 * bottom, then {@code model}, then {@code instance} and {@code reward}, {@code learn}, {@code
 * metric}, {@code sharpen} and {@code support}, {@code experiment}, {@code io}; {@code cli} on
 * top, reaching the library through {@code experiment}, {@code io}, {@code support} and {@code
 * stats} and the descriptive {@code instance.Instance} of a result, never the model, the
 * learners, the kernels or the worker threads. A lower package never imports a higher one. Main
 * classes only (tests may reach anything).
 */
class LayeringTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.pgbarrier");

  @Test
  void theRulesSeeBothTheLibraryAndTheCommandLine() {
    // Guards against vacuous rules: an import that found nothing would pass every check below.
    assertThat(CLASSES.contain("org.pgbarrier.model.LinearAutoregressiveModel")).isTrue();
    assertThat(CLASSES.contain("org.pgbarrier.cli.Main")).isTrue();
  }

  @Test
  void aLowerPackageNeverImportsAHigherOne() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("base").definedBy("org.pgbarrier", "org.pgbarrier.kernel..",
            "org.pgbarrier.parallel..", "org.pgbarrier.random..", "org.pgbarrier.stats..")
        .layer("model").definedBy("org.pgbarrier.model..")
        .layer("instance").definedBy("org.pgbarrier.instance..", "org.pgbarrier.reward..")
        .layer("learn").definedBy("org.pgbarrier.learn..")
        .layer("metric").definedBy("org.pgbarrier.metric..")
        .layer("sharpen").definedBy("org.pgbarrier.sharpen..", "org.pgbarrier.support..")
        .layer("experiment").definedBy("org.pgbarrier.experiment..")
        .layer("io").definedBy("org.pgbarrier.io..")
        .layer("cli").definedBy("org.pgbarrier.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("io").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("experiment").mayOnlyBeAccessedByLayers("io", "cli")
        .whereLayer("sharpen").mayOnlyBeAccessedByLayers("experiment", "io", "cli")
        .whereLayer("metric").mayOnlyBeAccessedByLayers("sharpen", "experiment", "io")
        .whereLayer("learn").mayOnlyBeAccessedByLayers("metric", "sharpen", "experiment", "io")
        .whereLayer("instance")
        .mayOnlyBeAccessedByLayers("learn", "metric", "sharpen", "experiment", "io", "cli")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("instance", "learn", "metric", "sharpen", "experiment", "io")
        .check(CLASSES);
  }

  @Test
  void theCommandLineNeverReachesTheModelTheLearnersOrTheKernels() {
    noClasses().that().resideInAPackage("org.pgbarrier.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("org.pgbarrier.model..",
            "org.pgbarrier.kernel..", "org.pgbarrier.parallel..", "org.pgbarrier.learn..",
            "org.pgbarrier.reward..", "org.pgbarrier.metric..", "org.pgbarrier.random..")
        .check(CLASSES);
  }
}
