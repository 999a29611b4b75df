package com.smsportal.simulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/** Switches the simulator on with {@code smsportal.simulator.enabled=true} (the demo does). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("smsportal.simulator.enabled")
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

  /**
   * The GBK endpoint's form must be decoded as GBK. Filters before the controller (security among
   * them) may read the parameters, so the encoding is set first thing, right after Boot's UTF-8.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> simulatorGbkFormEncoding() {
    OncePerRequestFilter gbk =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            request.setCharacterEncoding(SimulatorEndpoints.GBK.name());
            chain.doFilter(request, response);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(gbk);
    registration.addUrlPatterns(SimulatorEndpoints.GBK_PATH);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  SimulatedGateway simulatedGateway(SimulatorProperties properties) {
    return new SimulatedGateway(properties, Clock.systemUTC());
  }
}
