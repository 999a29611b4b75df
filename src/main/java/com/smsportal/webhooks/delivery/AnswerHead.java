package com.smsportal.webhooks.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a receiver's answer as far as {@link PinnedHttp} needs it: the status line and headers
 * (each read within the read timeout, {@link PinnedHttp#MAX_READ} bytes at most), then, only so
 * that the connection may carry the next request, a body whose {@code Content-Length} fits in what
 * is left of those bytes (read and dropped). The connection is kept only when the answer is
 * HTTP/1.1, final (not 1xx), not {@code Connection: close}, and read to its end; anything else
 * (chunked, no length, too long, a head that never ends) closes it. Keeps the status and reason.
 */
record AnswerHead(PinnedHttp.Answer answer, boolean reusable) {

  private static final PinnedHttp.Answer NONE = new PinnedHttp.Answer(0, "no HTTP answer");

  /**
   * {@code reused}: a connection that breaks or ends before the first byte throws {@link
   * PinnedHttp.StaleConnection} (a timeout stays a timeout: the receiver is slow, not gone).
   */
  static AnswerHead read(InputStream in, boolean reused) throws IOException {
    byte[] buffer = new byte[4096];
    int total = 0;
    int headEnd = -1;
    int lineEnd = -1;
    while (headEnd < 0 && total < PinnedHttp.MAX_READ) {
      if (total == buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(PinnedHttp.MAX_READ, buffer.length * 2));
      }
      int n;
      try {
        n = in.read(buffer, total, buffer.length - total);
      } catch (SocketTimeoutException e) {
        if (lineEnd >= 0) {
          break; // the status line came, the rest of the head not: the status counts
        }
        throw e;
      } catch (IOException e) {
        if (reused && total == 0) {
          throw new PinnedHttp.StaleConnection(e);
        }
        throw e;
      }
      if (n < 0) {
        if (reused && total == 0) {
          throw new PinnedHttp.StaleConnection(null);
        }
        break;
      }
      int from = Math.max(0, total - 3);
      total += n;
      if (lineEnd < 0) {
        lineEnd = indexOf(buffer, 0, total, (byte) '\n');
      }
      headEnd = headEnd(buffer, from, total);
    }
    int statusEnd = lineEnd >= 0 ? lineEnd : Math.min(total, 201);
    String line = new String(buffer, 0, Math.min(statusEnd, 201), StandardCharsets.ISO_8859_1);
    PinnedHttp.Answer answer = status(line.replace("\r", ""));
    if (answer == NONE || headEnd < 0 || !line.startsWith("HTTP/1.1 ") || answer.status() < 200) {
      return new AnswerHead(answer, false);
    }
    String head =
        new String(buffer, lineEnd + 1, headEnd - lineEnd - 1, StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    long length = -1;
    for (String header : head.split("\r?\n")) {
      int colon = header.indexOf(':');
      String name = colon < 0 ? header.trim() : header.substring(0, colon).trim();
      String value = colon < 0 ? "" : header.substring(colon + 1).trim();
      if (name.equals("connection") && value.contains("close")
          || name.equals("transfer-encoding")) {
        return new AnswerHead(answer, false);
      }
      if (name.equals("content-length")) {
        try {
          long announced = Long.parseLong(value);
          if (length >= 0 && length != announced) {
            return new AnswerHead(answer, false);
          }
          length = announced;
        } catch (NumberFormatException e) {
          return new AnswerHead(answer, false);
        }
      }
    }
    if (answer.status() == 204 || answer.status() == 304) {
      length = 0;
    }
    if (length < 0 || headEnd + length > PinnedHttp.MAX_READ || total > headEnd + length) {
      return new AnswerHead(answer, false);
    }
    return new AnswerHead(answer, skip(in, headEnd + length - total));
  }

  /** Reads and drops what is left of a body; whether all of it came. */
  private static boolean skip(InputStream in, long left) throws IOException {
    byte[] drop = new byte[4096];
    while (left > 0) {
      int n;
      try {
        n = in.read(drop, 0, (int) Math.min(drop.length, left));
      } catch (IOException e) {
        return false; // the status is in: the body's loss only costs the connection
      }
      if (n < 0) {
        return false;
      }
      left -= n;
    }
    return true;
  }

  private static PinnedHttp.Answer status(String status) {
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      return NONE;
    }
    int code;
    try {
      code = Integer.parseInt(status.substring(9, 12));
    } catch (NumberFormatException e) {
      return NONE;
    }
    String reason = status.length() > 13 ? PinnedHttp.clean(status.substring(13)).trim() : "";
    return new PinnedHttp.Answer(code, reason.isEmpty() ? null : reason);
  }

  /** The index just past the blank line that ends the head, or -1. */
  private static int headEnd(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        if (i + 1 < to && b[i + 1] == '\n') {
          return i + 2;
        }
        if (i + 2 < to && b[i + 1] == '\r' && b[i + 2] == '\n') {
          return i + 3;
        }
      }
    }
    return -1;
  }

  private static int indexOf(byte[] b, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
