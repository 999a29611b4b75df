package com.smsportal.webhooks.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to the address the {@link EgressGuard} checked, on a socket of its own: the
 * JDK's HttpClient (Java 17) resolves the host itself and cannot be pinned to an address, so a
 * second lookup could reach another one. Here the socket connects to the checked {@code
 * InetAddress}; for {@code https} TLS is layered over it with the URL's host name for SNI and for
 * the certificate's host name check ({@code HTTPS} endpoint identification), and the {@code Host}
 * header names the host. A redirect is an answer like any other (never followed); the connect and
 * each read time out; no more of the answer is read than its status line (64 KB at most), and only
 * its status and reason are kept (a short summary, cleaned), never its body.
 */
public final class PinnedHttp {

  /** Bytes of an answer read at most. */
  static final int MAX_READ = 64 * 1024;

  /** An answer: its status (0: none could be read) and its reason phrase, cleaned (or null). */
  public record Answer(int status, String summary) {
    public boolean success() {
      return status >= 200 && status < 300;
    }
  }

  private final Duration connectTimeout;
  private final Duration readTimeout;

  public PinnedHttp(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /** Posts the body; throws IOException when no answer came (refused, timed out, TLS). */
  public Answer post(EgressGuard.Target target, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket plain = new Socket()) {
      plain.connect(
          new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
      plain.setSoTimeout((int) readTimeout.toMillis());
      Socket socket = target.https() ? tls(plain, target) : plain;
      try {
        OutputStream out = socket.getOutputStream();
        out.write(head(target, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        Answer answer = read(socket.getInputStream());
        // Closed with a reset once the status line is in: the rest is never read, and a busy
        // portal must not keep a TIME_WAIT socket per delivery (the benchmark ran out of ports).
        plain.setSoLinger(true, 0);
        return answer;
      } finally {
        if (socket != plain) {
          socket.close();
        }
      }
    }
  }

  private Socket tls(Socket plain, EgressGuard.Target target) throws IOException {
    SSLSocket ssl =
        (SSLSocket)
            ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, target.host(), target.port(), true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!target.host().contains(":") && !target.host().matches("[0-9.]+")) {
      parameters.setServerNames(List.of(new SNIHostName(target.host())));
    }
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    return ssl;
  }

  private static String head(EgressGuard.Target target, Map<String, String> headers, int length) {
    StringBuilder head = new StringBuilder();
    head.append("POST ").append(target.pathAndQuery()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(target.hostHeader()).append("\r\n");
    head.append("User-Agent: SMS-Portal-Webhooks/1\r\n");
    head.append("Content-Type: application/json\r\n");
    head.append("Content-Length: ").append(length).append("\r\n");
    head.append("Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.append("\r\n").toString();
  }

  /**
   * Reads until the status line is complete (at most 64 KB, each read within the read timeout);
   * keeps the status and its reason. The rest of the answer is never read.
   */
  private static Answer read(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    StringBuilder line = new StringBuilder();
    int total = 0;
    boolean lineDone = false;
    int n;
    while (!lineDone
        && total < MAX_READ
        && (n = in.read(buffer, 0, Math.min(buffer.length, MAX_READ - total))) > 0) {
      total += n;
      for (int i = 0; i < n && !lineDone; i++) {
        char c = (char) (buffer[i] & 0xff);
        if (c == '\n' || line.length() > 200) {
          lineDone = true;
        } else if (c != '\r') {
          line.append(c);
        }
      }
    }
    String status = line.toString();
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      return new Answer(0, "no HTTP answer");
    }
    int code;
    try {
      code = Integer.parseInt(status.substring(9, 12));
    } catch (NumberFormatException e) {
      return new Answer(0, "no HTTP answer");
    }
    String reason = status.length() > 13 ? clean(status.substring(13)).trim() : "";
    return new Answer(code, reason.isEmpty() ? null : reason);
  }

  /** At most 60 harmless characters: the reason phrase is the receiver's text, shown on a page. */
  static String clean(String text) {
    String kept = text.replaceAll("[^A-Za-z0-9 .,:;_()/-]", "");
    return kept.length() <= 60 ? kept : kept.substring(0, 60);
  }
}
