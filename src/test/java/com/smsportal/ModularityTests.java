package com.smsportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(SmsPortalApplication.class);

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirPublicFacadesAndWithoutCycles() {
    modules.verify();
  }

  @Test
  void writesTheModuleDiagramsForTheDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
