package com.smsportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetch-once actions hand an answer's bytes to a sink as they arrive: what came before a
 * transfer broke is there for the poller to keep, though the call itself fails.
 */
class AnswerSinkTests {

  private static final String WHOLE =
      "<returnsms><statusbox><mobile>13900000001</mobile><taskid>5</taskid><status>10</status>"
          + "<receivetime>2026-12-07 10:00:00</receivetime><errorcode>DELIVRD</errorcode>"
          + "<extno></extno></statusbox><statusbox><mobile>13900000002</mobile><taskid>5</taskid>"
          + "<status>10</status><receivetime>2026-12-07 10:00:01</receivetime>";

  private ServerSocket server;

  @AfterEach
  void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** Collects what it is given, and when the headers came. */
  private static final class Collected implements AnswerSink {
    // Synchronized itself: the HTTP client's thread writes, the test's reads.
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CountDownLatch firstBytes = new CountDownLatch(1);
    volatile int status;
    volatile String contentType;

    @Override
    public void begin(int status, String contentType) {
      this.status = status;
      this.contentType = contentType;
    }

    @Override
    public void write(ByteBuffer piece) {
      byte[] chunk = new byte[piece.remaining()];
      piece.get(chunk);
      bytes.write(chunk, 0, chunk.length);
      firstBytes.countDown();
    }
  }

  @Test
  void whatArrivedBeforeTheConnectionBrokeIsInTheSinkAndItsWholeReportsCanBeRead()
      throws Exception {
    byte[] sent = WHOLE.getBytes(StandardCharsets.UTF_8);
    CountDownLatch breakNow = new CountDownLatch(1);
    CompletableFuture<Void> gateway =
        answerOnce(
            out -> {
              out.write(
                  ("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: "
                          + (sent.length + 500)
                          + "\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
              out.write(sent);
              out.flush();
              breakNow.await(5, TimeUnit.SECONDS);
            });
    Collected sink = new Collected();
    GatewayClient client = new GatewayClient(settings(), url -> true);

    CompletableFuture<GatewayException> call =
        CompletableFuture.supplyAsync(
            () ->
                catchThrowableOfType(
                    GatewayException.class,
                    () -> client.fetchStatusReports(account(), 4000, sink)));
    // The bytes are in the sink while the answer is still on its way.
    assertThat(sink.firstBytes.await(5, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.bytes.size() == sent.length);
    assertThat(call).isNotDone();
    breakNow.countDown();
    GatewayException failed = call.get(10, TimeUnit.SECONDS);
    gateway.get(5, TimeUnit.SECONDS);

    assertThat(failed.error()).isEqualTo(GatewayError.OUTCOME_UNKNOWN);
    assertThat(sink.status).isEqualTo(200);
    assertThat(sink.contentType).isEqualTo("text/xml; charset=utf-8");
    assertThat(sink.bytes.toByteArray()).isEqualTo(sent);
    CompleteItems complete =
        GatewayClient.completeStatusReports(sink.bytes.toByteArray(), sink.contentType);
    assertThat(GatewayClient.readStatusReports(complete.answer()).reports())
        .singleElement()
        .extracting(StatusReport::mobile)
        .isEqualTo("13900000001");
  }

  @Test
  void aWholeAnswerIsReturnedAndTheSinkGotTheSameBytes() throws Exception {
    String answer =
        "<returnsms><callbox><mobile>13900000001</mobile><content>好</content>"
            + "<receivetime>2026-12-07 10:00:00</receivetime><taskid>1</taskid><extno></extno>"
            + "</callbox></returnsms>";
    byte[] body = answer.getBytes(StandardCharsets.UTF_8);
    answerOnce(
        out -> {
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: "
                      + body.length
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(body);
        });
    Collected sink = new Collected();

    String fetched =
        new GatewayClient(settings(), url -> true).fetchReplies(account(), false, sink);

    assertThat(fetched).isEqualTo(answer);
    assertThat(new String(sink.bytes.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(answer);
  }

  private interface Answer {
    void write(OutputStream out) throws Exception;
  }

  /** A gateway that reads one request and answers it as told, then closes the connection. */
  private CompletableFuture<Void> answerOnce(Answer answer) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    return CompletableFuture.runAsync(
        () -> {
          try (Socket socket = server.accept()) {
            readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            answer.write(out);
            out.flush();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase();
    int at = lower.indexOf("content-length:");
    if (at >= 0) {
      int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
      in.readNBytes(length);
    }
  }

  private GatewayLogin account() {
    return new GatewayLogin(
        "http://127.0.0.1:" + server.getLocalPort(), GatewayCharset.UTF8, "1", "a", "pw");
  }

  private static GatewaySettings settings() {
    return new GatewaySettings(
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        0,
        Duration.ofMillis(100),
        1 << 20,
        10,
        Duration.ofMinutes(1));
  }
}
