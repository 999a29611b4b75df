package com.smsportal.cluster;

import static org.awaitility.Awaitility.await;

import com.smsportal.PortalProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

/**
 * Debian's HAProxy in front of portal nodes, as an operator would put it there: round robin, no
 * stickiness of any kind, each node checked on its health endpoint. Static files go to the nodes in
 * a round of their own, so that the pages and htmx calls, the requests that need the session, take
 * turns among the nodes whatever a page loads besides. Every answer says which node gave it ({@code
 * X-Served-By}), and every request is logged with its node, for the test to count.
 */
public final class LoadBalancer implements AutoCloseable {

  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  private final Path log;
  private final int port;
  private final Process process;

  /** Starts HAProxy in front of the nodes, named by their key; waits until it sees all up. */
  public LoadBalancer(Path work, Map<String, PortalProcess> nodes) throws Exception {
    this.port = freePort();
    this.log = work.resolve("haproxy.log");
    Path config = work.resolve("haproxy.cfg");
    Files.writeString(config, config(nodes));
    process =
        new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    // Each node answers through the balancer once its check has passed.
    await("HAProxy sees every node up")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError("HAProxy exited:\n" + Files.readString(log));
              }
              return servedBy(http).size() == nodes.size();
            });
  }

  /** The nodes that answered six requests through the balancer. */
  private Set<String> servedBy(HttpClient http) throws InterruptedException {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        answer.headers().firstValue("X-Served-By").ifPresent(seen::add);
      } catch (IOException notYet) {
        return seen; // HAProxy not listening yet
      }
    }
    return seen;
  }

  private String config(Map<String, PortalProcess> nodes) {
    StringBuilder checked = new StringBuilder();
    StringBuilder plain = new StringBuilder();
    for (Entry<String, PortalProcess> node : nodes.entrySet()) {
      String server = "  server " + node.getKey() + " 127.0.0.1:" + node.getValue().port();
      checked.append(server).append(" check inter 1s fall 2 rise 1\n");
      plain.append(server).append('\n');
    }
    return """
        global
          log stdout format raw local0

        defaults
          mode http
          log global
          # backend, node, status, method and path of every request
          log-format "%b %s %ST %HM %HU"
          timeout connect 2s
          timeout client 60s
          timeout server 60s
          # A request whose node was killed before it answered goes to another node, as the
          # shipped deploy/haproxy/haproxy.cfg does; a POST only if it never reached the node.
          option redispatch
          retries 3
          retry-on conn-failure empty-response

        frontend portal
          bind 127.0.0.1:%PORT%
          # As the shipped deploy/haproxy/haproxy.cfg: the client's address, set and not appended.
          http-request set-header X-Forwarded-For %[src]
          http-request disable-l7-retry if METH_POST
          acl static path_beg /assets/ /webjars/ /favicon.ico
          use_backend static if static
          default_backend nodes

        backend nodes
          balance roundrobin
          option httpchk
          http-check send meth GET uri /actuator/health
          http-response set-header X-Served-By %s
        %CHECKED%
        backend static
          balance roundrobin
          http-response set-header X-Served-By %s
        %PLAIN%"""
        .replace("%PORT%", String.valueOf(port))
        .replace("%CHECKED%", checked)
        .replace("%PLAIN%", plain);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /**
   * How many requests of the pages' round ({@code nodes}, not the static files) each node answered
   * since {@code from} lines of the log; with the log's length now, to count from next time.
   */
  Map<String, Integer> pageRequestsByNode(long from) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    List<String> lines = Files.readAllLines(log);
    for (String line : lines.subList((int) Math.min(from, lines.size()), lines.size())) {
      String[] fields = line.split(" ");
      if (fields.length >= 5 && fields[0].equals("nodes")) {
        counts.merge(fields[1], 1, Integer::sum);
      }
    }
    return counts;
  }

  long logLines() throws IOException {
    return Files.readAllLines(log).size();
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
