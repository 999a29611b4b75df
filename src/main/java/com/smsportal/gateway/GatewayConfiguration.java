package com.smsportal.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's {@link GatewayClient}, set up from {@code smsportal.gateway.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class GatewayConfiguration {

  @Bean
  GatewayClient gatewayClient(GatewaySettings settings) {
    return new GatewayClient(settings);
  }
}
