package com.smsportal.webhooks.delivery;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 POSTs to the address the {@link EgressGuard} checked: the JDK's HttpClient (Java 17)
 * resolves the host itself and cannot be pinned to an address, so a second lookup could reach
 * another one. Here the socket connects to the checked {@code InetAddress}; for {@code https} TLS
 * is layered over it with the URL's host name for SNI and for the certificate's host name check
 * ({@code HTTPS} endpoint identification), and the {@code Host} header names the host. A redirect
 * is an answer like any other (never followed); the connect and each read time out; no more of the
 * answer is read than its head (status line and headers) and, only to use the connection again, a
 * body whose length the head announces: 64 KB at most in all. Only the status and reason are kept
 * (a short summary, cleaned), never a header or the body.
 *
 * <p>A {@link Connection} may carry several requests one after another (keep-alive, see {@link
 * Connections}): it is used again only when its last answer was read to its end, and only for a
 * target with the same scheme, host, port and checked address.
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

  /**
   * A connection used again broke before a byte of its answer came (the receiver had closed it
   * while idle): the request is sent again on a new one.
   */
  static final class StaleConnection extends IOException {
    StaleConnection(Throwable cause) {
      super("stale connection", cause);
    }
  }

  private final Duration connectTimeout;
  private final Duration readTimeout;

  public PinnedHttp(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /**
   * Posts the body on a connection of its own, closed after it; throws IOException when no answer
   * came (refused, timed out, TLS).
   */
  public Answer post(EgressGuard.Target target, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Connection connection = open(target)) {
      return connection.exchange(target, headers, body, false);
    }
  }

  /** A new connection to the checked address. */
  Connection open(EgressGuard.Target target) throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(
          new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
      plain.setSoTimeout((int) readTimeout.toMillis());
      // The request goes in one write; no wait for an ACK of an earlier segment (Nagle).
      plain.setTcpNoDelay(true);
      return new Connection(target, plain, target.https() ? tls(plain, target) : plain);
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /** One connection to one checked address. */
  static final class Connection implements Closeable {

    private final EgressGuard.Target target;
    private final Socket plain;
    private final Socket socket;
    private boolean reusable;
    private long idleSince;

    private Connection(EgressGuard.Target target, Socket plain, Socket socket) {
      this.target = target;
      this.plain = plain;
      this.socket = socket;
    }

    /** Whether it may carry a request to this target: same scheme, host, port and address. */
    boolean fits(EgressGuard.Target other) {
      return reusable
          && target.https() == other.https()
          && target.port() == other.port()
          && target.host().equalsIgnoreCase(other.host())
          && target.address().equals(other.address());
    }

    /** Whether the last answer was read to its end and the receiver keeps the connection. */
    boolean reusable() {
      return reusable;
    }

    long idleSince() {
      return idleSince;
    }

    void idleSince(long nanos) {
      idleSince = nanos;
    }

    /**
     * One request and its answer. {@code reused}: when the connection breaks before a byte of the
     * answer came, {@link StaleConnection} is thrown (the caller sends it again on a new one).
     */
    Answer exchange(EgressGuard.Target to, Map<String, String> headers, byte[] body, boolean reused)
        throws IOException {
      reusable = false;
      byte[] head = head(to, headers, body.length).getBytes(StandardCharsets.ISO_8859_1);
      byte[] request = new byte[head.length + body.length];
      System.arraycopy(head, 0, request, 0, head.length);
      System.arraycopy(body, 0, request, head.length, body.length);
      try {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
      } catch (IOException e) {
        throw reused && !(e instanceof SocketTimeoutException) ? new StaleConnection(e) : e;
      }
      AnswerHead answer = AnswerHead.read(socket.getInputStream(), reused);
      reusable = answer.reusable();
      return answer.answer();
    }

    @Override
    public void close() throws IOException {
      try {
        // Closed with a reset: what is left of an answer is never read, and a busy portal must
        // not keep a TIME_WAIT socket per connection (the benchmark ran out of ports).
        plain.setSoLinger(true, 0);
      } catch (IOException ignored) {
        // already broken: closed all the same
      }
      try {
        if (socket != plain) {
          socket.close();
        }
      } finally {
        plain.close();
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
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.append("\r\n").toString();
  }

  /** At most 60 harmless characters: the reason phrase is the receiver's text, shown on a page. */
  static String clean(String text) {
    String kept = text.replaceAll("[^A-Za-z0-9 .,:;_()/-]", "");
    return kept.length() <= 60 ? kept : kept.substring(0, 60);
  }
}
