package com.smsportal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A real SMTP server inside the test JVM (GreenMail), one per JVM on a free port, and every test
 * context pointed at it ({@code spring.mail.host}/{@code port}): the same configuration for every
 * context, so no context differs from another because of it (registered in {@code
 * META-INF/spring.factories}, as {@link QuickPasswordHashes} is). The contexts' mail workers are
 * off (the build's {@code smsportal.notifications.worker-enabled=false}); the notice tests run them
 * themselves, and stop and start the server to play a mail server that is down.
 */
public final class TestMailServer implements ContextCustomizerFactory {

  private static GreenMail server;
  private static int port;

  /** The server, started on first use. */
  public static synchronized GreenMail server() {
    if (server == null) {
      port = freePort();
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
    }
    return server;
  }

  /** The server is down: connections to its port are refused. */
  public static synchronized void stop() {
    server().stop();
  }

  /** The server is back, on the same port, with an empty mailbox. */
  public static synchronized void restart() {
    server = null;
    GreenMail again = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    again.start();
    server = again;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for the test mail server", e);
    }
  }

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return new Customizer();
  }

  private static final class Customizer implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      server();
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "testMailServer",
                  Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
    }

    // One configuration for every context: it must not tell the context cache they differ.
    @Override
    public boolean equals(Object other) {
      return other instanceof Customizer;
    }

    @Override
    public int hashCode() {
      return Customizer.class.hashCode();
    }
  }
}
