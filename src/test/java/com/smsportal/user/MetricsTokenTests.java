package com.smsportal.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
