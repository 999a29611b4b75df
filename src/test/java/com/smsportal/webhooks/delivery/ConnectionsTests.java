package com.smsportal.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive of the webhook deliveries, against a bare HTTP/1.1 server on 127.0.0.1 that counts its
 * connections: an endpoint's requests share a connection, but only for the same checked target and
 * only after an answer read to its end; an answer that closes or cannot be read to its end costs
 * the connection, never the delivery; and a connection the receiver dropped while idle is replaced
 * without the delivery failing.
 */
class ConnectionsTests {

  private static final byte[] BODY = "{\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8);

  private final PinnedHttp http = new PinnedHttp(Duration.ofSeconds(5), Duration.ofSeconds(5));

  @Test
  void requestsToOneCheckedTargetShareAConnectionAnotherHostGetsItsOwn() throws Exception {
    try (Server server = new Server(n -> "HTTP/1.1 204 No Content\r\n\r\n", false);
        Connections connections = new Connections(http)) {
      for (int i = 0; i < 3; i++) {
        assertThat(connections.post(server.target("a.example"), Map.of(), BODY).status())
            .isEqualTo(204);
      }
      assertThat(connections.post(server.target("b.example"), Map.of(), BODY).status())
          .isEqualTo(204);
      assertThat(server.requests)
          .containsExactly("a.example", "a.example", "a.example", "b.example");
      assertThat(server.connections.get()).as("connections opened").isEqualTo(2);
    }
  }

  @Test
  void answersThatCloseOrHaveNoReadableEndAreNotReusedButStillCount() throws Exception {
    List<String> answers =
        List.of(
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
            "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 500 Oops\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "HTTP/1.0 302 Found\r\nLocation: http://127.0.0.1/x\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 201 Created\r\nContent-Length: 99999\r\n\r\n");
    try (Server server = new Server(answers::get, false);
        Connections connections = new Connections(http)) {
      int[] statuses = new int[answers.size()];
      for (int i = 0; i < answers.size(); i++) {
        statuses[i] = connections.post(server.target("a.example"), Map.of(), BODY).status();
      }
      assertThat(statuses).containsExactly(200, 200, 500, 302, 201);
      // The first answer (read to its end) kept its connection for the second, which closed it;
      // each answer after that could not be read to its end: a connection each.
      assertThat(server.connections.get()).isEqualTo(4);
      assertThat(server.requests).hasSize(5);
    }
  }

  @Test
  void aConnectionTheReceiverDroppedWhileIdleIsReplacedAndTheDeliveryStillGoes() throws Exception {
    try (Server server = new Server(n -> "HTTP/1.1 204 No Content\r\n\r\n", true);
        Connections connections = new Connections(http)) {
      assertThat(connections.post(server.target("a.example"), Map.of(), BODY).status())
          .isEqualTo(204);
      assertThat(connections.post(server.target("a.example"), Map.of(), BODY).status())
          .isEqualTo(204);
      assertThat(server.requests).hasSize(2);
      assertThat(server.connections.get()).isEqualTo(2);
    }
  }

  /**
   * A bare HTTP/1.1 server: answers the n-th request with {@code answers.apply(n)}; with {@code
   * dropAfterEach} it closes each connection after its answer without saying so (as a receiver
   * closing an idle connection). Records each request's Host header.
   */
  private static final class Server implements AutoCloseable {

    final AtomicInteger connections = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final ServerSocket socket;

    Server(IntFunction<String> answers, boolean dropAfterEach) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    Socket client = socket.accept();
                    connections.incrementAndGet();
                    Thread serve = new Thread(() -> serve(client, answers, dropAfterEach));
                    serve.setDaemon(true);
                    serve.start();
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    EgressGuard.Target target(String host) {
      return new EgressGuard.Target(
          false, host, socket.getLocalPort(), "/in", InetAddress.getLoopbackAddress());
    }

    private void serve(Socket client, IntFunction<String> answers, boolean dropAfterEach) {
      try (client) {
        InputStream in = client.getInputStream();
        while (true) {
          String head = head(in);
          if (head == null) {
            return;
          }
          int length = 0;
          String host = "";
          for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("host:")) {
              host = line.substring(5).trim().replaceAll(":\\d+$", "");
            }
          }
          in.readNBytes(length);
          int n = requests.size();
          requests.add(host);
          client.getOutputStream().write(answers.apply(n).getBytes(StandardCharsets.ISO_8859_1));
          client.getOutputStream().flush();
          if (dropAfterEach) {
            return;
          }
        }
      } catch (IOException gone) {
        // the client closed the connection
      }
    }

    private static String head(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r\n\r\n")) {
          return text;
        }
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
