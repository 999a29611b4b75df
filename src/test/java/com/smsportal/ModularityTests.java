package com.smsportal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules depend on each other only through their base packages (a module's sub-packages are
 * internal to it), without cycles; and the module documentation under {@code docs/modules} is the
 * code's.
 */
class ModularityTests {

  private static final Path DOCS = Path.of("docs/modules");

  private final ApplicationModules modules = ApplicationModules.of(SmsPortalApplication.class);

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirPublicFacadesAndWithoutCycles() {
    modules.verify();
  }

  /**
   * The check above can fail: the application's own classes with one planted dashboard class (from
   * the test sources) that uses a type of sending's {@code store} sub-package fail it, naming the
   * breach; with a planted class that uses sending's facade instead they pass.
   */
  @Test
  void aModuleThatUsesAnotherModulesInternalTypeFailsTheCheck() {
    assertThatCode(() -> withPlanted("allowed").verify()).doesNotThrowAnyException();

    assertThatThrownBy(() -> withPlanted("breach").verify())
        .isInstanceOf(Violations.class)
        .hasMessageContaining("dashboard")
        .hasMessageContaining("com.smsportal.sending.store.SendJob")
        .hasMessageContaining("UsesSendingsInternals");
  }

  @Test
  void writesTheModuleDocumentation() throws IOException {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
        .writeDocumentation();
    try (Stream<Path> diagrams = Files.list(DOCS)) {
      for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
        sortRelations(diagram);
      }
    }
  }

  /**
   * The Documenter writes a diagram's relations in no fixed order; sorted, the committed files
   * change only when the modules do.
   */
  private static void sortRelations(Path diagram) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
    Iterator<String> sorted =
        lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList().iterator();
    lines.replaceAll(l -> l.startsWith("Rel(") ? sorted.next() : l);
    Files.write(diagram, lines);
  }

  /** The main classes and the test classes of one package under dashboard/probe. */
  private static ApplicationModules withPlanted(String probe) {
    ImportOption mainOnly = new ImportOption.DoNotIncludeTests();
    String planted = "/com/smsportal/dashboard/probe/" + probe + "/";
    return ApplicationModules.of(
        SmsPortalApplication.class,
        (Location location) -> mainOnly.includes(location) || location.contains(planted));
  }
}
