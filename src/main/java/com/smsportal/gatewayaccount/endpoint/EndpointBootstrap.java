package com.smsportal.gatewayaccount.endpoint;

import com.smsportal.gateway.GatewayCharset;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first gateway endpoint, from configuration ({@code SMSPORTAL_GATEWAY_BASE_URL}), created at
 * start-up while there is none. Afterwards administrators manage endpoints on {@code
 * /admin/endpoints} and the setting is not read again.
 */
@Component
@Order(5)
@EnableConfigurationProperties(EndpointProperties.class)
class EndpointBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(EndpointBootstrap.class);
  private static final Pattern VALID =
      Pattern.compile(EndpointForm.BASE_URL, Pattern.CASE_INSENSITIVE);

  private final EndpointAdministration endpoints;
  private final String name;
  private final String baseUrl;

  EndpointBootstrap(EndpointAdministration endpoints, EndpointProperties properties) {
    this.endpoints = endpoints;
    this.name = properties.initialName();
    this.baseUrl = properties.initialBaseUrl();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!endpoints.none() || baseUrl.isBlank()) {
      return;
    }
    if (!VALID.matcher(baseUrl).matches()) {
      log.error(
          "SMSPORTAL_GATEWAY_BASE_URL is not an http(s) address without user name, query or"
              + " fragment: no gateway endpoint was created; an administrator can add one on"
              + " /admin/endpoints");
      return;
    }
    long id = endpoints.ensure(name, baseUrl, GatewayCharset.UTF8);
    log.info("Created the first gateway endpoint (id {}) from configuration", id);
  }
}
