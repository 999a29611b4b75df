package com.smsportal.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The metrics scraper's credential ({@code smsportal.metrics.*}).
 *
 * @param token the bearer token that opens {@code /actuator/**} ({@code SMSPORTAL_METRICS_TOKEN});
 *     blank: the metrics stay closed. Never shown
 */
@ConfigurationProperties("smsportal.metrics")
record MetricsProperties(@DefaultValue("") String token) {

  MetricsProperties {
    token = token == null ? "" : token;
  }

  /** Without the token: this record may be logged or shown by the actuator. */
  @Override
  public String toString() {
    return "MetricsProperties[token=" + (token.isBlank() ? "" : "****") + "]";
  }
}
