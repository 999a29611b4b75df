package com.smsportal.secrets;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(EncryptionProperties.class)
class EncryptionConfig {

  @Bean
  EncryptionKeys encryptionKeys(
      EncryptionProperties properties,
      @Value("${smsportal.demo.enabled:false}") boolean demo,
      @Value("${smsportal.data-dir}") String dataDir) {
    return EncryptionKeysLoader.load(properties, demo, Path.of(dataDir));
  }
}
