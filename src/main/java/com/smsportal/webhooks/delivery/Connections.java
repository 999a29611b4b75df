package com.smsportal.webhooks.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * The open connections of one endpoint's turn (HTTP/1.1 keep-alive): a request takes an idle one
 * that {@link PinnedHttp.Connection#fits fits} its target, the address the guard checked for THIS
 * delivery (so a name that now resolves elsewhere gets a new connection to its new, checked
 * address, or none when the guard refuses it), else opens one; it gives it back when the answer was
 * read to its end. At most as many as the turn's requests in flight; none idle for more than {@link
 * #IDLE}; all closed at the turn's end, so none outlives the endpoint's lease. A request on a
 * connection the receiver had closed while it was idle goes again once on a new one (it may then
 * arrive twice: deliveries are at least once, and receivers de-duplicate on {@code webhook-id}).
 */
final class Connections implements AutoCloseable {

  /** How long a connection may wait for its next request (receivers close idle ones). */
  static final Duration IDLE = Duration.ofSeconds(2);

  private final PinnedHttp http;
  private final Deque<PinnedHttp.Connection> idle = new ArrayDeque<>();
  private boolean closed;

  Connections(PinnedHttp http) {
    this.http = http;
  }

  PinnedHttp.Answer post(EgressGuard.Target target, Map<String, String> headers, byte[] body)
      throws IOException {
    PinnedHttp.Connection kept = take(target);
    if (kept != null) {
      try {
        return giveBack(kept, kept.exchange(target, headers, body, true));
      } catch (PinnedHttp.StaleConnection stale) {
        quietly(kept);
      } catch (IOException | RuntimeException e) {
        quietly(kept);
        throw e;
      }
    }
    PinnedHttp.Connection fresh = http.open(target);
    try {
      return giveBack(fresh, fresh.exchange(target, headers, body, false));
    } catch (IOException | RuntimeException e) {
      quietly(fresh);
      throw e;
    }
  }

  private synchronized PinnedHttp.Connection take(EgressGuard.Target target) {
    long now = System.nanoTime();
    for (Iterator<PinnedHttp.Connection> it = idle.iterator(); it.hasNext(); ) {
      PinnedHttp.Connection connection = it.next();
      if (now - connection.idleSince() > IDLE.toNanos()) {
        it.remove();
        quietly(connection);
      } else if (connection.fits(target)) {
        it.remove();
        return connection;
      }
    }
    return null;
  }

  private PinnedHttp.Answer giveBack(PinnedHttp.Connection connection, PinnedHttp.Answer answer) {
    synchronized (this) {
      if (connection.reusable() && !closed) {
        connection.idleSince(System.nanoTime());
        idle.push(connection);
        return answer;
      }
    }
    quietly(connection);
    return answer;
  }

  @Override
  public synchronized void close() {
    closed = true;
    idle.forEach(Connections::quietly);
    idle.clear();
  }

  private static void quietly(PinnedHttp.Connection connection) {
    try {
      connection.close();
    } catch (IOException ignored) {
      // a connection that does not close cleanly is gone all the same
    }
  }
}
