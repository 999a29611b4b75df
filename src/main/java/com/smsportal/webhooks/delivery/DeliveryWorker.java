package com.smsportal.webhooks.delivery;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.webhooks.WebhooksProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the due events of one endpoint at a time, in order: its oldest pending delivery first,
 * and nothing later while an earlier one waits for its retry (so a receiver sees an endpoint's
 * events in the order they were written, and a receiver that is down costs one attempt per retry,
 * not one per event). Up to {@code batch} deliveries are sent one after another under the
 * endpoint's lease ({@link DeliveryLedger}); the successes are recorded together after the batch (a
 * node killed in between delivers them again: at least once), a failure at once.
 *
 * <p>A failed attempt is retried after {@code retry-base} doubled for each attempt before (at most
 * {@code retry-max}), with a jitter of up to a fifth either way, until {@code retry-for} after the
 * event (or its manual redeliver): then the delivery is FAILED and the next one goes. An endpoint
 * failing without a single success for {@code disable-after} is switched off (audited) and its page
 * says so to its tenant admins.
 */
@Component
class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  /** How long one endpoint's turn takes new batches before it gives its thread back. */
  private static final Duration TURN = Duration.ofSeconds(20);

  private final DeliveryLedger ledger;
  private final SigningSecrets secrets;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final WebhooksProperties properties;
  private final Courier courier;
  private final Set<Long> inTurn = ConcurrentHashMap.newKeySet();

  DeliveryWorker(
      DeliveryLedger ledger,
      SigningSecrets secrets,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock,
      WebhooksProperties properties) {
    this.ledger = ledger;
    this.secrets = secrets;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
    this.courier =
        new Courier(
            Courier.guard(properties.allowHttp(), properties.allowPrivateAddresses()),
            new PinnedHttp(properties.connectTimeout(), properties.readTimeout()),
            clock);
  }

  /** Endpoints with due deliveries that no turn of this node works now. */
  List<Long> due() {
    return ledger.dueEndpoints(clock.instant()).stream()
        .filter(id -> !inTurn.contains(id))
        .toList();
  }

  /**
   * One endpoint's turn, if this node gets its lease: batches of its due deliveries in order, until
   * none is due, one fails, or the turn is over.
   */
  void turn(long endpointId) {
    if (!inTurn.add(endpointId)) {
      return;
    }
    try {
      long end = System.nanoTime() + TURN.toNanos();
      while (System.nanoTime() < end && ledger.lease(endpointId)) {
        if (!batch(endpointId)) {
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

  /** One batch; whether the endpoint may go on (all of it delivered, more may be due). */
  private boolean batch(long endpointId) {
    DeliveryLedger.Endpoint endpoint = ledger.endpoint(endpointId).orElse(null);
    if (endpoint == null || endpoint.secretSealed() == null) {
      return false;
    }
    String secret = secrets.open(endpoint.secretSealed(), endpointId);
    List<DeliveryLedger.Due> head = ledger.head(endpointId, properties.batch());
    List<DeliveryLedger.Attempt> delivered = new ArrayList<>();
    try {
      for (DeliveryLedger.Due due : head) {
        if (due.nextAttemptAt().isAfter(clock.instant())) {
          return false; // the oldest waits for its retry: nothing after it goes first
        }
        Courier.Outcome outcome =
            courier.attempt(due.id(), endpoint.url(), secret, due.eventId(), due.payload());
        if (outcome.success()) {
          delivered.add(outcome.attempt());
        } else {
          record(endpointId, delivered);
          delivered.clear();
          failed(endpoint, due, outcome.attempt());
          return false;
        }
      }
    } finally {
      record(endpointId, delivered);
    }
    return head.size() == properties.batch();
  }

  private void record(long endpointId, List<DeliveryLedger.Attempt> delivered) {
    if (!delivered.isEmpty()) {
      tx.executeWithoutResult(s -> ledger.delivered(endpointId, delivered));
    }
  }

  private void failed(
      DeliveryLedger.Endpoint endpoint, DeliveryLedger.Due due, DeliveryLedger.Attempt attempt) {
    Instant retryAt = attempt.at().plus(backoff(due.attempts() + 1));
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
