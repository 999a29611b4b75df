package com.smsportal.webhooks.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes one attempt of one delivery: the URL checked and resolved now ({@link EgressGuard}), the
 * body signed by the Standard Webhooks rules with a fresh {@code webhook-timestamp} and the event's
 * own {@code webhook-id} (the same on every attempt), posted to the checked address ({@link
 * PinnedHttp}), on a connection of its own or a kept one that fits that address ({@link
 * Connections}). Never throws for the receiver's doing: every outcome is an attempt to record.
 */
class Courier {

  private final EgressGuard guard;
  private final PinnedHttp http;
  private final Clock clock;

  Courier(EgressGuard guard, PinnedHttp http, Clock clock) {
    this.guard = guard;
    this.http = http;
    this.clock = clock;
  }

  /** Builds the guard on the JDK's resolver. */
  static EgressGuard guard(boolean allowHttp, boolean allowPrivate) {
    return new EgressGuard(allowHttp, allowPrivate, InetAddress::getAllByName);
  }

  /** What came of an attempt. */
  record Outcome(boolean success, DeliveryLedger.Attempt attempt) {}

  /** Sends the request: on a connection of its own, or on a turn's {@link Connections}. */
  @FunctionalInterface
  interface Transport {
    PinnedHttp.Answer post(EgressGuard.Target target, Map<String, String> headers, byte[] body)
        throws IOException;
  }

  /** An attempt on a connection of its own. */
  Outcome attempt(long deliveryId, String url, String secret, String eventId, String payload) {
    return attempt(deliveryId, url, secret, eventId, payload, http::post);
  }

  Outcome attempt(
      long deliveryId,
      String url,
      String secret,
      String eventId,
      String payload,
      Transport transport) {
    Instant at = clock.instant();
    long started = System.nanoTime();
    EgressGuard.Verdict verdict = guard.check(url);
    if (!verdict.allowed()) {
      return new Outcome(
          false, new DeliveryLedger.Attempt(deliveryId, at, null, 0, verdict.refusal()));
    }
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.instant().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", eventId);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", Signature.sign(secret, eventId, timestamp, body));
    try {
      PinnedHttp.Answer answer = transport.post(verdict.target(), headers, body);
      long latency = (System.nanoTime() - started) / 1_000_000;
      return new Outcome(
          answer.success(),
          new DeliveryLedger.Attempt(
              deliveryId,
              at,
              answer.status() == 0 ? null : answer.status(),
              latency,
              answer.summary()));
    } catch (IOException noAnswer) {
      long latency = (System.nanoTime() - started) / 1_000_000;
      return new Outcome(
          false,
          new DeliveryLedger.Attempt(
              deliveryId,
              at,
              null,
              latency,
              PinnedHttp.clean(noAnswer.getClass().getSimpleName())));
    }
  }
}
