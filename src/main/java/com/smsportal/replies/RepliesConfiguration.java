package com.smsportal.replies;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The replies' settings and the opt-out words they name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepliesProperties.class)
class RepliesConfiguration {

  @Bean
  OptOutWords optOutWords(RepliesProperties properties) {
    return new OptOutWords(properties.optOutWords());
  }
}
