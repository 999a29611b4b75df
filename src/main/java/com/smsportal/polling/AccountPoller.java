package com.smsportal.polling;

import com.smsportal.gatewayaccount.AccountGateway;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drains one account's two fetch-once queues. Each answer that may carry anything is stored
 * (committed) before it is read; if the database cannot take it, it goes to the spool on disk and
 * the round stops ({@link AnswerIntake}). A full batch of reports means more are waiting: ask
 * again, up to {@code max-fetches} times a round. Runs in the account's tenant context, cleared
 * after on every path.
 */
@Component
class AccountPoller {

  private static final Logger log = LoggerFactory.getLogger(AccountPoller.class);

  private final GatewayAccess gateway;
  private final Landing landing;
  private final AnswerIntake intake;
  private final Pace pace;
  private final PollerStates states;
  private final PollerMetrics metrics;
  private final PollerProperties properties;
  private final Clock clock;

  AccountPoller(
      GatewayAccess gateway,
      Landing landing,
      AnswerIntake intake,
      PollerStates states,
      PollerMetrics metrics,
      PollerProperties properties,
      Clock clock) {
    this.gateway = gateway;
    this.landing = landing;
    this.intake = intake;
    this.pace = new Pace(properties.statusNum(), properties.answerTime());
    this.states = states;
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one round of an account gave. */
  record Round(int reports, int replies, String error) {

    boolean succeeded() {
      return error == null;
    }
  }

  /**
   * Polls the account once: both queues until drained, a stop is asked for, or an error.
   *
   * @param stopping asked before each call to the gateway
   */
  Round poll(GatewayAccountView account, BooleanSupplier stopping) {
    long tenant = account.tenantId();
    return TenantContext.callAs(tenant, () -> pollAsTenant(account, stopping));
  }

  private Round pollAsTenant(GatewayAccountView account, BooleanSupplier stopping) {
    Instant started = clock.instant();
    states.attempted(account.id(), account.tenantId(), started);
    // Items taken so far this round, by queue: what a stop halfway still reports.
    int[] taken = new int[2];
    boolean[] cut = new boolean[1];
    // The round, if the account could not be drained.
    Optional<Round> undrained;
    try {
      undrained =
          gateway
              .call(
                  account.id(),
                  as -> {
                    // Each queue has half the round's time: a deep queue of reports does not keep
                    // the replies waiting, nor this account the others (it goes on next tick).
                    Budget reports = new Budget(stopping);
                    taken[0] = drain(account, as, InboxKind.REPORTS, reports);
                    Budget replies = new Budget(stopping);
                    taken[1] = drain(account, as, InboxKind.REPLIES, replies);
                    cut[0] = reports.spent || replies.spent;
                    return Boolean.TRUE;
                  })
              .fold(
                  drained -> Optional.empty(),
                  unusable ->
                      Optional.of(
                          switch (unusable) {
                            case NOT_FOUND -> new Round(0, 0, "account not found");
                            case ROTATING -> failed(account, "ROTATION_IN_PROGRESS", false);
                            case PASSWORD_NEEDED -> failed(account, "PASSWORD_NEEDED", false);
                          }),
                  e -> Optional.of(failed(account, PollerErrors.stored(e), true)));
    } catch (UnreadableAnswerException e) {
      return failed(account, PollerErrors.UNREADABLE + ": " + e.inboxId(), true);
    } catch (StoreUnavailableException e) {
      log.warn("Polling account {} stopped: {}", account.id(), e.getMessage());
      return new Round(taken[0], taken[1], "DATABASE_UNAVAILABLE: " + e.getMessage());
    }
    if (undrained.isPresent()) {
      return undrained.get();
    }
    int reports = taken[0];
    int replies = taken[1];
    Instant now = clock.instant();
    // Cut short by its time, the account is due again at once: the schedule's next tick, after
    // the accounts that waited meanwhile.
    states.succeeded(account.id(), now, cut[0] ? now : now.plus(properties.every()));
    return new Round(reports, replies, null);
  }

  private Round failed(GatewayAccountView account, String error, boolean backOff) {
    Instant now = clock.instant();
    int failures = states.failures(account.id()) + 1;
    Duration wait = backOff ? backoff(failures) : properties.every();
    states.failed(account.id(), account.tenantId(), now, error, now.plus(wait));
    metrics.failed(account.id());
    log.warn(
        "Polling account {} failed ({} in a row), next try in {}: {}",
        account.id(),
        failures,
        wait,
        error);
    return new Round(0, 0, error);
  }

  /** every × 2^(failures-1), at most backoff-max. */
  Duration backoff(int failures) {
    Duration wait = properties.every();
    for (int i = 1; i < failures && wait.compareTo(properties.backoffMax()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.backoffMax()) > 0 ? properties.backoffMax() : wait;
  }

  /**
   * When a queue's fetches stop: at a stop of the portal, or once half the round's time ({@code
   * max-round-time}) has gone. Asked only between fetches: a fetched answer is always stored.
   */
  private final class Budget {
    private final BooleanSupplier stopping;
    private final long end;
    boolean spent;

    Budget(BooleanSupplier stopping) {
      this.stopping = stopping;
      this.end = System.nanoTime() + properties.maxRoundTime().toNanos() / 2;
    }

    boolean over(int calls) {
      if (stopping.getAsBoolean()) {
        return true;
      }
      if (calls > 0 && System.nanoTime() - end >= 0) {
        spent = true; // at least one fetch per queue and round, however slow
        return true;
      }
      return false;
    }
  }

  private int drain(
      GatewayAccountView account, AccountGateway gateway, InboxKind kind, Budget budget) {
    int total = 0;
    for (int call = 0; call < properties.maxFetches() && !budget.over(call); call++) {
      int asked = kind == InboxKind.REPORTS ? pace.statusNum(account.id()) : 0;
      Landing.Transfer transfer = landing.open(account.tenantId(), account.id(), kind);
      String body;
      try {
        body =
            kind == InboxKind.REPORTS
                ? gateway.fetchStatusReports(asked, transfer)
                : gateway.fetchReplies(properties.ownExt(), transfer);
      } catch (RuntimeException failed) {
        // Cut off on its way: what arrived whole is stored before the failure is reported.
        intake.recoverCutOff(account, kind, transfer, failed);
        throw failed;
      }
      Instant fetchedAt = clock.instant();
      if (!AnswerIntake.mayCarryItems(kind, body)) {
        int items = intake.readEmptyLooking(kind, body, transfer);
        if (items == 0) {
          return total;
        }
      }
      long id = intake.store(account, kind, fetchedAt, body, transfer);
      PollIngest.Result result = intake.process(id, account, kind, fetchedAt, body);
      total += result.items();
      metrics.fetched(kind, result.items());
      states.fetched(account.id(), fetchedAt, result.items());
      if (!result.readable()) {
        throw new UnreadableAnswerException(id);
      }
      if (kind == InboxKind.REPORTS) {
        pace.observe(account.id(), result.items(), transfer.bytes(), transfer.transferNanos());
      }
      if (kind == InboxKind.REPORTS ? result.items() < asked : result.items() == 0) {
        return total;
      }
    }
    return total;
  }
}
