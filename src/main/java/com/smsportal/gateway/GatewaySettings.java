package com.smsportal.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a {@link GatewayClient} talks to the gateway ({@code smsportal.gateway.*}).
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the whole answer once the request is sent
 * @param readRetries extra attempts of a read-only action whose connection failed (never a send)
 * @param retryBackoff the wait before the first retry; doubled for each further one
 * @param maxAnswerSize a larger answer is refused as garbage
 * @param breakerFailures consecutive failures of one account that open its circuit
 * @param breakerOpenFor how long an open circuit refuses calls before one trial call
 */
@ConfigurationProperties("smsportal.gateway")
public record GatewaySettings(
    @DefaultValue("3s") Duration connectTimeout,
    @DefaultValue("15s") Duration readTimeout,
    @DefaultValue("2") int readRetries,
    @DefaultValue("200ms") Duration retryBackoff,
    @DefaultValue("4194304") int maxAnswerSize,
    @DefaultValue("5") int breakerFailures,
    @DefaultValue("30s") Duration breakerOpenFor) {

  public GatewaySettings {
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("smsportal.gateway.connect-timeout must be positive");
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("smsportal.gateway.read-timeout must be positive");
    }
    if (readRetries < 0 || breakerFailures < 1 || maxAnswerSize < 1024) {
      throw new IllegalArgumentException("smsportal.gateway: invalid retries, breaker or size");
    }
  }
}
