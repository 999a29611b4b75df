package com.smsportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway that comes up while the client is still trying: a read-only action gets through on a
 * retry, a send does not try again (it is never retried automatically).
 */
class GatewayClientRetryTests {

  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aReadOnlyActionIsRetriedUntilTheGatewayAcceptsConnections() throws Exception {
    int port = freePort();
    GatewayClient client =
        warmedUp(new GatewayClient(settings(Duration.ofMillis(800)), url -> true));
    startGatewayLater(port);

    Balance balance = client.overage(account(port));

    assertThat(balance.overage()).isEqualTo(42);
    assertThat(requests).hasValue(1);
  }

  @Test
  void aSendIsNotRetriedEvenThoughItNeverLeft() throws Exception {
    int port = freePort();
    GatewayClient client =
        warmedUp(new GatewayClient(settings(Duration.ofMillis(800)), url -> true));
    CompletableFuture<Void> started = startGatewayLater(port);

    GatewayException refused =
        catchThrowableOfType(
            GatewayException.class,
            () -> client.send(account(port), SendRequest.now(List.of("1"), "hi")));
    started.get(5, TimeUnit.SECONDS);

    assertThat(refused.error()).isEqualTo(GatewayError.UPSTREAM_UNREACHABLE);
    // The gateway is up now, and still no request comes: nothing retries the send later.
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(() -> assertThat(requests).hasValue(0));
  }

  /** One refused send first, so that the timed attempts do not include the HTTP client's start. */
  private static GatewayClient warmedUp(GatewayClient client) throws IOException {
    GatewayLogin nowhere = account(freePort());
    GatewayException refused =
        catchThrowableOfType(
            GatewayException.class, () -> client.send(nowhere, SendRequest.now(List.of("1"), "")));
    assertThat(refused.error()).isEqualTo(GatewayError.UPSTREAM_UNREACHABLE);
    return client;
  }

  private static GatewaySettings settings(Duration backoff) {
    return new GatewaySettings(
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        3,
        backoff,
        1 << 20,
        10,
        Duration.ofMinutes(1));
  }

  private static GatewayLogin account(int port) {
    return new GatewayLogin("http://127.0.0.1:" + port, GatewayCharset.UTF8, "1", "a", "pw");
  }

  /** Starts a tiny gateway on the port 500 ms from now, between the first try and the retry. */
  private CompletableFuture<Void> startGatewayLater(int port) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            Thread.sleep(500);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext(
                "/",
                exchange -> {
                  requests.incrementAndGet();
                  byte[] body =
                      ("<returnsms><returnstatus>Sucess</returnstatus><overage>42</overage>"
                              + "<sendTotal>42</sendTotal></returnsms>")
                          .getBytes(StandardCharsets.UTF_8);
                  exchange.sendResponseHeaders(200, body.length);
                  exchange.getResponseBody().write(body);
                  exchange.close();
                });
            server.start();
          } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
