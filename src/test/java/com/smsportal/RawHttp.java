package com.smsportal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 exchange written by hand, for requests a well-behaved client will not send: a {@code
 * Host} header naming another site. The answer's status, headers and body as text.
 */
public final class RawHttp {

  private RawHttp() {}

  public record Answer(int status, List<String> headers, String body) {

    public String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).strip())
          .findFirst()
          .orElse(null);
    }

    /** The value of a cookie this answer sets, or null. */
    public String setCookie(String cookie) {
      String prefix = "set-cookie:";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).strip())
          .filter(h -> h.startsWith(cookie + "="))
          .map(h -> h.substring(cookie.length() + 1).split(";", 2)[0])
          .findFirst()
          .orElse(null);
    }
  }

  public static Answer send(
      int port, String method, String path, String host, List<String> headers, String form)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      request.append("Host: ").append(host).append("\r\n");
      request.append("Accept: text/html\r\n");
      request.append("Connection: close\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      if (form != null) {
        request.append("Content-Type: application/x-www-form-urlencoded\r\n");
        request.append("Content-Length: ").append(body.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      List<String> answerHeaders = new ArrayList<>(List.of(lines).subList(1, lines.length));
      return new Answer(
          Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, text.substring(end + 4));
    }
  }
}
