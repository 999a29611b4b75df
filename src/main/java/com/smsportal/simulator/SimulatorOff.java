package com.smsportal.simulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With the simulator off, {@code /simulator/**} does not exist: 404 for every method, before
 * security or Spring MVC see the request (a POST would otherwise meet the static resource handler
 * and answer 405, telling that the path means something).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(
    name = "smsportal.simulator.enabled",
    havingValue = false,
    matchIfMissing = true)
class SimulatorOff {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> simulatorNotFound() {
    OncePerRequestFilter notFound =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(notFound);
    registration.addUrlPatterns("/simulator", "/simulator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
