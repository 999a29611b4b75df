package com.smsportal.simulator;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Switches the simulator on with {@code smsportal.simulator.enabled=true} (the demo does). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("smsportal.simulator.enabled")
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

  @Bean
  SimulatedGateway simulatedGateway(SimulatorProperties properties) {
    return new SimulatedGateway(properties, Clock.systemUTC());
  }
}
