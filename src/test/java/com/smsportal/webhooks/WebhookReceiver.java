package com.smsportal.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A customer's receiving server on 127.0.0.1, as a test needs it: it checks every request's
 * signature with its OWN implementation of the Standard Webhooks specification (not the portal's),
 * and answers by path: {@code /ok/…} 204, {@code /flaky/…} 500 for the first {@link #failFirst}
 * requests then 204, {@code /redirect/…} 302 to {@code /target/…}, {@code /hold/…} holds its first
 * request until {@link #release}. Secrets are given per path prefix ({@link #secret}).
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived. */
  public record Received(
      String path, String id, String timestamp, String body, boolean signatureValid) {

    public boolean isOfType(String type) {
      return body.contains("\"type\":\"" + type + "\"");
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final AtomicInteger flaky = new AtomicInteger();
  private final CountDownLatch holdArrived = new CountDownLatch(1);
  private final CountDownLatch holdRelease = new CountDownLatch(1);
  private final AtomicInteger held = new AtomicInteger();
  private volatile int failFirst = 3;

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  /** The URL of a path on this receiver, e.g. {@code url("/ok/a")}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The secret that requests under this path prefix are signed with. */
  public void secret(String pathPrefix, String secret) {
    secrets.put(pathPrefix, secret);
  }

  public void failFirst(int n) {
    failFirst = n;
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public List<Received> receivedUnder(String prefix) {
    return received().stream().filter(r -> r.path().startsWith(prefix)).toList();
  }

  public boolean awaitHeld(long seconds) throws InterruptedException {
    return holdArrived.await(seconds, TimeUnit.SECONDS);
  }

  public void release() {
    holdRelease.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
    String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
    String secret =
        secrets.entrySet().stream()
            .filter(e -> path.startsWith(e.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    boolean valid = secret != null && verify(secret, id, timestamp, body, signature);
    Received one =
        new Received(path, id, timestamp, new String(body, StandardCharsets.UTF_8), valid);
    synchronized (received) {
      received.add(one);
    }
    int status = 204;
    if (path.startsWith("/flaky")) {
      status = flaky.incrementAndGet() <= failFirst ? 500 : 204;
    } else if (path.startsWith("/redirect")) {
      exchange.getResponseHeaders().add("Location", url(path.replace("/redirect", "/target")));
      status = 302;
    } else if (path.startsWith("/hold") && held.incrementAndGet() == 1) {
      holdArrived.countDown();
      try {
        holdRelease.await(120, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /**
   * The specification, written here from its text: the key is the base64 after {@code whsec_}; the
   * signed content is {@code id.timestamp.body}; the header holds space-separated {@code v1,<base64
   * HMAC-SHA256>} signatures, any one of which may match; the timestamp must be within five minutes
   * of now.
   */
  static boolean verify(String secret, String id, String timestamp, byte[] body, String header) {
    if (id == null || timestamp == null || header == null) {
      return false;
    }
    long sent = Long.parseLong(timestamp);
    if (Math.abs(Instant.now().getEpochSecond() - sent) > 300) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
      byte[] signed = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
      byte[] content = new byte[signed.length + body.length];
      System.arraycopy(signed, 0, content, 0, signed.length);
      System.arraycopy(body, 0, content, signed.length, body.length);
      byte[] expected = mac.doFinal(content);
      for (String part : header.split(" ")) {
        if (part.startsWith("v1,")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    holdRelease.countDown();
    server.stop(0);
  }
}
