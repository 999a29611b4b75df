package com.smsportal.gateway;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@link GatewayClient}, set up from {@code smsportal.gateway.*}, guarded by the
 * application's {@link EndpointGuard}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class GatewayConfiguration {

  @Bean
  GatewayClient gatewayClient(GatewaySettings settings, EndpointGuard guard, MeterRegistry meters) {
    GatewayClient client = new GatewayClient(settings, guard);
    // resilience4j_circuitbreaker_* per account, name account-<id>: no tenant's login in metrics.
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(client.circuits()).bindTo(meters);
    return client;
  }
}
