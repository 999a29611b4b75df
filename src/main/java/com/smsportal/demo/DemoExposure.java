package com.smsportal.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo (its users with a published password, and the simulator, whose control endpoints list
 * sends and set balances for an administrator) serves on the loopback interface only, so that
 * {@code java -jar} on a server does not put it on the network by accident. {@code
 * SMSPORTAL_DEMO_ALLOW_REMOTE=true} ({@code smsportal.demo.allow-remote}) lets it listen where
 * {@code server.address} says (every interface by default). Either way the start-up log says loudly
 * what is being served.
 */
@Component
@ConditionalOnExpression("${smsportal.demo.enabled:false} or ${smsportal.simulator.enabled:false}")
class DemoExposure implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

  static final String ALLOW_REMOTE = "smsportal.demo.allow-remote";
  private static final Logger log = LoggerFactory.getLogger(DemoExposure.class);

  private final Environment environment;

  DemoExposure(Environment environment) {
    this.environment = environment;
  }

  private boolean remoteAllowed() {
    return environment.getProperty(ALLOW_REMOTE, Boolean.class, false);
  }

  @Override
  public void customize(ConfigurableWebServerFactory factory) {
    if (remoteAllowed()) {
      return;
    }
    String configured = environment.getProperty("server.address", "");
    if (!configured.isBlank() && !isLoopback(configured)) {
      throw new IllegalStateException(
          "The demo serves on the loopback interface only, but server.address is "
              + configured
              + ". Start without the demo (SPRING_PROFILES_ACTIVE=mysql, or any profile), or set"
              + " SMSPORTAL_DEMO_ALLOW_REMOTE=true to put the demo on the network on purpose.");
    }
    factory.setAddress(InetAddress.getLoopbackAddress());
  }

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    String port = environment.getProperty("local.server.port", "8080");
    String banner = "*".repeat(78);
    log.warn(banner);
    log.warn("DEMO MODE: the demo users (acme, acme-sender, acme-viewer, globex, support, admin),");
    log.warn("whose password is in the");
    log.warn(
        "README, and the gateway simulator (/simulator/*.aspx; its control and pages for admin)");
    log.warn("are being served.");
    if (remoteAllowed()) {
      log.warn(
          "SMSPORTAL_DEMO_ALLOW_REMOTE=true: the demo listens on {} port {}, reachable from the"
              + " NETWORK.",
          environment.getProperty("server.address", "every interface"),
          port);
      log.warn("Anyone who can reach this port can log in as admin. Do not run it like this on a");
      log.warn("machine others can reach, and never with real data.");
    } else {
      log.warn(
          "It listens on the loopback interface only (127.0.0.1 port {}): other machines cannot"
              + " reach it.",
          port);
      log.warn("For production, start with a profile (for example SPRING_PROFILES_ACTIVE=mysql).");
    }
    log.warn(banner);
  }

  @Override
  public int getOrder() {
    // After Boot's own customizer has applied server.address.
    return Ordered.LOWEST_PRECEDENCE;
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
