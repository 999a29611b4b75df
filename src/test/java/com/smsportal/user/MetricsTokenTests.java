package com.smsportal.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The metrics token's own rules (issue 20); the endpoint is in MetricsTokenIntegrationTests. */
class MetricsTokenTests {

  @Test
  void aShortMetricsTokenIsRefusedAndNoneClosesTheMetrics() {
    assertThatThrownBy(() -> new MetricsToken(new MetricsProperties("short")))
        .hasMessageContaining("at least")
        .hasMessageNotContaining("short");
    assertThat(new MetricsToken(new MetricsProperties("")).matches("")).isFalse();
    MetricsToken token =
        new MetricsToken(new MetricsProperties("a-token-long-enough-for-the-rule"));
    assertThat(token.matches("a-token-long-enough-for-the-rule")).isTrue();
    assertThat(token.matches("a-token-long-enough-for-the-rulE")).isFalse();
  }

  @Test
  void theTokenBindsFromItsNameAndItsSettingsTextNeverShowsIt() {
    MetricsProperties properties =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of("smsportal.metrics.token", "a-token-long-enough-for-the-rule")))
            .bind("smsportal.metrics", MetricsProperties.class)
            .get();

    assertThat(new MetricsToken(properties).matches("a-token-long-enough-for-the-rule")).isTrue();
    assertThat(properties.toString()).doesNotContain("a-token-long-enough-for-the-rule");
  }
}
