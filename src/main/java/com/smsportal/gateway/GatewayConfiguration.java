package com.smsportal.gateway;

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
  GatewayClient gatewayClient(GatewaySettings settings, EndpointGuard guard) {
    return new GatewayClient(settings, guard);
  }
}
