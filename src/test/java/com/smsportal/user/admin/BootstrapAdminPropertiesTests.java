package com.smsportal.user.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The first administrator's settings keep their names, and their text never holds the password. */
class BootstrapAdminPropertiesTests {

  @Test
  void theSettingsBindFromTheirNamesAndTheirTextNeverShowsThePassword() {
    BootstrapAdminProperties properties =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "smsportal.bootstrap.admin-username", "root",
                        "smsportal.bootstrap.admin-password", "Sunny-Day-Password-42")))
            .bind("smsportal.bootstrap", BootstrapAdminProperties.class)
            .get();

    assertThat(properties.adminUsername()).isEqualTo("root");
    assertThat(properties.adminPassword()).isEqualTo("Sunny-Day-Password-42");
    assertThat(properties.toString()).contains("root").doesNotContain("Sunny-Day-Password-42");
  }

  @Test
  void withoutSettingsNoAdministratorIsConfigured() {
    BootstrapAdminProperties properties =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("smsportal.bootstrap", BootstrapAdminProperties.class);

    assertThat(properties.adminUsername()).isEmpty();
    assertThat(properties.adminPassword()).isEmpty();
  }
}
