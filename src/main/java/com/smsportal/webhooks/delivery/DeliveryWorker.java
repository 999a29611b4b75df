package com.smsportal.webhooks.delivery;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.webhooks.WebhookEndpointDisabled;
import com.smsportal.webhooks.WebhooksProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the due events of one endpoint at a time, in order: its oldest pending delivery first,
 * and nothing later while an earlier one waits for its retry (so a receiver sees an endpoint's
 * events in the order they were written, and a receiver that is down costs one attempt per retry,
 * not one per event). Up to {@code batch} deliveries are sent under the endpoint's lease ({@link
 * DeliveryLedger}), {@code in-flight} at a time in a sliding window, on connections kept open for
 * the turn ({@link Connections}); the successes are recorded together after the batch in one
 * batched statement (a node killed in between delivers them again: at least once), a failure at
 * once.
 *
 * <p>A failed attempt is retried after {@code retry-base} doubled for each attempt before (at most
 * {@code retry-max}), with a jitter of up to a fifth either way, until {@code retry-for} after the
 * event (or its manual redeliver): then the delivery is FAILED and the next one goes. An endpoint
 * failing without a single success for {@code disable-after} is switched off (audited) and its page
 * says so to its tenant admins.
 */
@Component
class DeliveryWorker implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  /** How long one endpoint's turn takes new batches before it gives its thread back. */
  private static final Duration TURN = Duration.ofSeconds(20);

  private final DeliveryLedger ledger;
  private final SigningSecrets secrets;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final WebhooksProperties properties;
  private final ApplicationEventPublisher events;
  private final PinnedHttp http;
  private final Courier courier;
  private final Set<Long> inTurn = ConcurrentHashMap.newKeySet();
  private final ExecutorService requests;

  DeliveryWorker(
      DeliveryLedger ledger,
      SigningSecrets secrets,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock,
      WebhooksProperties properties,
      ApplicationEventPublisher events) {
    this.ledger = ledger;
    this.secrets = secrets;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
    this.events = events;
    this.http = new PinnedHttp(properties.connectTimeout(), properties.readTimeout());
    this.courier =
        new Courier(
            Courier.guard(properties.allowHttp(), properties.allowPrivateAddresses()), http, clock);
    AtomicInteger n = new AtomicInteger();
    this.requests =
        Executors.newFixedThreadPool(
            Math.max(1, properties.threads()) * Math.max(1, properties.inFlight()),
            task -> {
              Thread thread = new Thread(task, "webhook-request-" + n.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void destroy() {
    requests.shutdownNow();
  }

  /** Endpoints with due deliveries that no turn of this node works now. */
  List<Long> due() {
    return ledger.dueEndpoints(clock.instant()).stream()
        .filter(id -> !inTurn.contains(id))
        .toList();
  }

  /**
   * One endpoint's turn, if this node gets its lease: batches of its due deliveries in order, until
   * none is due, one fails, or the turn is over; on connections kept open for the turn.
   */
  void turn(long endpointId) {
    if (!inTurn.add(endpointId)) {
      return;
    }
    try (Connections connections = new Connections(http)) {
      long end = System.nanoTime() + TURN.toNanos();
      while (System.nanoTime() < end && ledger.lease(endpointId)) {
        if (!batch(endpointId, connections)) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("The webhook deliveries of endpoint {} stopped early", endpointId, e);
    } finally {
      try {
        ledger.release(endpointId);
      } catch (RuntimeException e) {
        log.warn("The lease of webhook endpoint {} could not be released", endpointId);
      }
      inTurn.remove(endpointId);
    }
  }

  /**
   * One batch: the endpoint's oldest pending deliveries that are due, up to the first that is not,
   * in a sliding window of {@code in-flight}: a delivery is sent as soon as every one at least
   * {@code in-flight} places before it has its answer (so it overtakes none further back), and
   * after a failure none more is sent. Whether the endpoint may go on (all of it delivered, more
   * may be due).
   */
  private boolean batch(long endpointId, Connections connections) {
    DeliveryLedger.Endpoint endpoint = ledger.endpoint(endpointId).orElse(null);
    if (endpoint == null || endpoint.secretSealed() == null) {
      return false;
    }
    String secret = secrets.open(endpoint.secretSealed(), endpointId);
    List<DeliveryLedger.Due> head = ledger.head(endpointId, properties.batch());
    List<DeliveryLedger.Due> due = new ArrayList<>();
    Instant now = clock.instant();
    for (DeliveryLedger.Due next : head) {
      if (next.nextAttemptAt().isAfter(now)) {
        break; // the oldest waits for its retry: nothing after it goes first
      }
      due.add(next);
    }
    int window = Math.max(1, properties.inFlight());
    List<Future<Courier.Outcome>> sent = new ArrayList<>(due.size());
    List<DeliveryLedger.Attempt> delivered = new ArrayList<>();
    boolean allDelivered = true;
    try {
      for (int oldest = 0;
          oldest < sent.size() || (allDelivered && sent.size() < due.size());
          oldest++) {
        while (allDelivered && sent.size() < due.size() && sent.size() < oldest + window) {
          DeliveryLedger.Due next = due.get(sent.size());
          sent.add(
              requests.submit(
                  () ->
                      courier.attempt(
                          next.id(),
                          endpoint.url(),
                          secret,
                          next.eventId(),
                          next.payload(),
                          connections::post)));
        }
        Courier.Outcome outcome = outcome(sent.get(oldest));
        if (outcome.success()) {
          delivered.add(outcome.attempt());
        } else {
          allDelivered = false;
          failed(endpoint, due.get(oldest), outcome.attempt());
        }
      }
    } finally {
      record(endpointId, delivered);
    }
    return allDelivered && due.size() == properties.batch();
  }

  private static Courier.Outcome outcome(Future<Courier.Outcome> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a delivery failed unexpectedly", e.getCause());
    }
  }

  private void record(long endpointId, List<DeliveryLedger.Attempt> delivered) {
    if (!delivered.isEmpty()) {
      tx.executeWithoutResult(s -> ledger.delivered(endpointId, delivered));
    }
  }

  private void failed(
      DeliveryLedger.Endpoint endpoint, DeliveryLedger.Due due, DeliveryLedger.Attempt attempt) {
    Instant retryAt = attempt.at().plus(backoff(due.attempts() + 1));
    // Never the URL (a tenant may have put a token in it): the endpoint's id and the outcome.
    log.info(
        "Webhook delivery {} to endpoint {} failed (attempt {}): {} {}",
        due.id(),
        endpoint.id(),
        due.attempts() + 1,
        attempt.status() == null ? "no answer" : attempt.status(),
        attempt.summary());
    Instant failingSince =
        ledger.failed(endpoint.id(), attempt, retryAt.isAfter(due.retryUntil()) ? null : retryAt);
    if (!failingSince.plus(properties.disableAfter()).isAfter(attempt.at())) {
      tx.executeWithoutResult(
          s -> {
            if (ledger.disable(endpoint.id(), attempt.at())) {
              audit.recordAs(
                  CurrentActor.SYSTEM,
                  null,
                  AuditEntry.success(
                          AuditAction.WEBHOOK_DISABLED,
                          AuditDetail.of("audit.target.webhook", endpoint.id(), endpoint.url()))
                      .tenant(endpoint.tenantId(), null));
              events.publishEvent(
                  new WebhookEndpointDisabled(endpoint.tenantId(), endpoint.id(), attempt.at()));
              log.warn(
                  "Webhook endpoint {} of tenant {} failed since {}: disabled",
                  endpoint.id(),
                  endpoint.tenantId(),
                  failingSince);
            }
          });
    }
  }

  /** The delay before attempt {@code attempt + 1}: doubled each time, capped, jittered. */
  Duration backoff(int attempt) {
    long base = properties.retryBase().toMillis();
    long max = properties.retryMax().toMillis();
    long delay = base << Math.min(Math.max(0, attempt - 1), 30);
    if (delay <= 0 || delay > max) {
      delay = max;
    }
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Duration.ofMillis((long) (delay * jitter));
  }
}
