package com.smsportal.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link GatewaySettings} for tests that build a {@link GatewayClient} themselves: the defaults as
 * the application binds them from no configuration (the record's own {@code @DefaultValue}s, so
 * they are written once), with the timeouts or the breaker a test needs.
 */
public final class TestGatewaySettings {

  private TestGatewaySettings() {}

  public static GatewaySettings defaults() {
    return new Binder(new MapConfigurationPropertySource())
        .bindOrCreate("smsportal.gateway", GatewaySettings.class);
  }

  public static GatewaySettings withTimeouts(Duration connect, Duration read) {
    GatewaySettings d = defaults();
    return new GatewaySettings(
        connect,
        read,
        d.readRetries(),
        d.retryBackoff(),
        d.maxAnswerSize(),
        d.breakerFailures(),
        d.breakerOpenFor());
  }

  public static GatewaySettings withTimeoutsAndBreaker(
      Duration connect, Duration read, int breakerFailures, Duration breakerOpenFor) {
    GatewaySettings d = defaults();
    return new GatewaySettings(
        connect,
        read,
        d.readRetries(),
        d.retryBackoff(),
        d.maxAnswerSize(),
        breakerFailures,
        breakerOpenFor);
  }
}
